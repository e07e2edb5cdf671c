#include "readers/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "fzcheck/i18n.hpp"

namespace fzcheck::detail {

namespace {

Error file_error(ErrorCode code, std::string_view key, const std::string& file,
                 MessageValues args = {}) {
  return ui_error(code, std::string(key), std::move(args), file);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string human_size(std::uint64_t bytes) {
  if (bytes >= (1ull << 20))
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

Result<std::string> read_regular_file(const std::filesystem::path& path, std::uint64_t limit,
                                      std::string_view too_large_key) {
  const std::string name = path.string();
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return file_error(ErrorCode::io, "error_cannot_read", name, {{"reason", ec.message()}});
    return file_error(ErrorCode::not_found, "error_no_such_file", name);
  }
  if (std::filesystem::is_directory(status))
    return file_error(ErrorCode::not_a_file, "error_directory", name);
  if (!std::filesystem::is_regular_file(status))
    return file_error(ErrorCode::not_a_file, "error_not_regular_file", name);
  // Opened without blocking (a FIFO put in the file's place since would block open() until a
  // writer comes), then checked again on the descriptor: what is read is what was checked.
  Fd file{::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    return file_error(ErrorCode::io, "error_cannot_open", name, {{"reason", std::strerror(errno)}});
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) {
    return file_error(ErrorCode::io, "error_cannot_read", name, {{"reason", std::strerror(errno)}});
  }
  if (S_ISDIR(st.st_mode)) return file_error(ErrorCode::not_a_file, "error_directory", name);
  if (!S_ISREG(st.st_mode))
    return file_error(ErrorCode::not_a_file, "error_not_regular_file", name);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit) {
    std::string shown_size = human_size(size);
    std::string shown_limit = human_size(limit);
    if (shown_size == shown_limit) {  // "1.0 MB, more than the limit of 1.0 MB" says nothing
      shown_size = fmt::format("{} bytes", size);
      shown_limit = fmt::format("{} bytes", limit);
    }
    return file_error(ErrorCode::too_large, too_large_key, name,
                      {{"size", shown_size}, {"limit", shown_limit}});
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return file_error(ErrorCode::io, "error_cannot_read", name,
                        {{"reason", std::strerror(errno)}});
    }
    if (n == 0) break;  // it shrank meanwhile
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

Result<std::string> read_setting_file(const std::filesystem::path& path) {
  return read_regular_file(path, kMaxSettingFileBytes, "error_setting_file_too_large");
}

}  // namespace fzcheck::detail
