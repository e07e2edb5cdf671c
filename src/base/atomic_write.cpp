// Writing files without ever leaving a half-written one: temporary file, fsync, rename.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "fzcheck/atomic_write.hpp"

namespace fzcheck {

std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                           std::string_view bytes) {
  // `english`: the step that failed, as the text of `key` in i18n/en.yaml says it (this layer is
  // below the catalogues).
  auto fail = [&](const char* key, const std::string& english, MessageValues args = {}) {
    const char* reason = std::strerror(errno);
    args.emplace_back("reason", reason);
    return Error{ErrorCode::io, fmt::format("cannot write it: {}: {}", english, reason),
                 path.string(), {},
                 key,           std::move(args)};
  };
  std::filesystem::path dir =
      path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  // (Built step by step: GCC 12 warns falsely about std::string operator+ chains here.)
  std::string name = ".";
  name += path.filename().string();
  name += ".fzcheck-XXXXXX";
  std::string temp = (dir / name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return fail("error_write_temporary", "cannot create a temporary file in " + dir.string(),
                {{"folder", dir.string()}});
  }
  // Keep the permissions of the file being replaced; a new file gets the usual 0644 less umask.
  struct stat st {};
  mode_t mode = 0644;
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode &= ~mask;
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      auto e = fail("error_write_failed", "write failed");
      ::close(fd);
      ::unlink(temp.c_str());
      return e;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    auto e = fail("error_write_flush", "cannot flush the temporary file");
    ::close(fd);
    ::unlink(temp.c_str());
    return e;
  }
  if (::close(fd) != 0) {
    auto e = fail("error_write_close", "cannot close the temporary file");
    ::unlink(temp.c_str());
    return e;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    auto e = fail("error_write_rename", "cannot rename the temporary file over it");
    ::unlink(temp.c_str());
    return e;
  }
  return std::nullopt;
}

}  // namespace fzcheck
