// Helpers shared by the tests: paths, temporary files, running the CLI.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fzcheck::test {

// How much slower the sanitizer build runs: time bounds on blow-ups (which only catch a quadratic
// or exponential blow-up, never a mere slowdown) are multiplied by it. Measured: the hostile-input
// tests take 20-45 times longer under ASan (clang -O1) on a busy machine.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FZCHECK_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define FZCHECK_TEST_SANITIZED 1
#endif
#endif
#ifdef FZCHECK_TEST_SANITIZED
inline constexpr double kSlowdown = 25;
#else
inline constexpr double kSlowdown = 1;
#endif

// Absolute path of a file in the source tree ("examples/reports/000_….txt").
std::filesystem::path source_path(const std::string& relative);

std::string read_file(const std::filesystem::path& path);

// A fresh directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to a file in the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  bool timed_out = false;  // killed after the timeout given to run_cli
};

// Runs the built fzcheck binary with `args` (no shell), capturing stdout and stderr. `env`
// entries ("PATH=/nowhere") replace or add variables of the environment; FZCHECK_LANG is set only
// when `env` sets it (the messages are then in zh-CN unless the arguments say otherwise). With a
// timeout (seconds), a run that takes longer is killed and says so in `timed_out`.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "",
                  const std::vector<std::string>& env = {}, int timeout_seconds = 0);

// The five sample reports in examples/reports/.
const std::vector<std::string>& sample_names();

}  // namespace fzcheck::test
