// --convert: legacy word-processor files turned into .docx by LibreOffice before reading.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "cli.hpp"

extern char** environ;

namespace fzcheck::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::chrono::seconds kConvertTimeout{120};
constexpr std::size_t kSniffBytes = 64 * 1024;

std::optional<fs::path> find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string all(path);
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t end = all.find(':', start);
    std::string dir = all.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!dir.empty()) {
      fs::path candidate = fs::path(dir) / program;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

// A temporary directory removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "fzcheck-convert-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

Error convert_error(const std::string& file, const char* key, MessageValues args = {}) {
  return ui_error(ErrorCode::unsupported_format, key, std::move(args), file);
}

// Runs soffice to write <dir>/<stem>.docx; waits at most kConvertTimeout.
std::optional<Error> run_soffice(const fs::path& soffice, const std::string& file,
                                 const fs::path& dir) {
  std::vector<std::string> args = {
      soffice.string(), "-env:UserInstallation=file://" + (dir / "profile").string(),
      "--headless",     "--norestore",
      "--nologo",       "--convert-to",
      "docx",           "--outdir",
      dir.string(),     fs::absolute(file).string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, soffice.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    return convert_error(file, "cli_convert_cannot_start", {{"program", soffice.string()}});
  auto deadline = std::chrono::steady_clock::now() + kConvertTimeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return convert_error(file, "cli_convert_timeout",
                           {{"seconds", std::to_string(kConvertTimeout.count())}});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return convert_error(file, "cli_convert_failed");
  return std::nullopt;
}

// The first bytes of a file, enough to tell its format; nothing for what is not a regular file
// (opening a FIFO would wait for a writer: read_document() refuses it instead).
std::string file_head(const std::string& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return {};
  std::string head(kSniffBytes, '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

Result<Document> read_converted(const std::string& file, const ReadFlags& flags,
                                const ReadOptions& options) {
  if (!flags.convert || options.format || !is_convertible_format(file_head(file)))
    return read_document(file, options);
  auto soffice = find_on_path("soffice");
  if (!soffice) soffice = find_on_path("libreoffice");
  if (!soffice) return convert_error(file, "cli_convert_no_soffice");
  ScratchDir dir;
  if (dir.path().empty()) return convert_error(file, "cli_convert_no_folder");
  if (auto failure = run_soffice(*soffice, file, dir.path())) return *failure;
  fs::path converted = dir.path() / (fs::path(file).stem().string() + ".docx");
  if (!fs::exists(converted)) return convert_error(file, "cli_convert_no_output");
  ReadOptions as_docx = options;
  as_docx.format = InputFormat::docx;
  auto doc = read_document(converted, as_docx);
  if (!doc) {
    Error e = doc.error();
    e.file = file;
    return e;
  }
  doc->name = file;
  return doc;
}

// `e` with a hint about an option of the command line, which the library does not know of: in
// English in the message (JSON); for error_text(), the values are already in the tool's language.
Error with_hint(const Error& e, const char* hint) {
  Error out = e;
  out.message =
      ui_text("en", "cli_error_hint", {{"message", e.message}, {"hint", ui_text("en", hint)}});
  out.key = "cli_error_hint";
  out.args = {{"message", error_message(e, cli_language())}, {"hint", tr(hint)}};
  return out;
}

}  // namespace

Result<Document> read_input(const std::string& file, const ReadFlags& flags,
                            const ReadOptions& options) {
  if (file == "-") {
    auto bytes = read_stdin(options.max_file_bytes);
    if (!bytes) return bytes.error();
    return read_bytes(*bytes, kStdinName, options);
  }
  auto doc = read_converted(file, flags, options);
  if (doc) return doc;
  // The library does not know the command line: say here which option changes the outcome.
  const Error& e = doc.error();
  if (e.code == ErrorCode::too_large) return with_hint(e, "cli_hint_max_file_size");
  if (e.key == "error_xml_part_declares_too_large" || e.key == "error_xml_part_inflates_too_large")
    return with_hint(e, "cli_hint_max_xml_size");
  if (e.key == "error_xml_too_many_nodes") return with_hint(e, "cli_hint_max_xml_nodes");
  if (e.code == ErrorCode::unsupported_format && !flags.convert &&
      is_convertible_format(file_head(file)))
    return with_hint(e, "cli_hint_convert");
  return e;
}

}  // namespace fzcheck::cli
