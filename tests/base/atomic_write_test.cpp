// write_file_atomically: the content, the permissions of a file replaced, and nothing half-written
// or left behind when it fails.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fzcheck/atomic_write.hpp"
#include "fzcheck/i18n.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

mode_t mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("write_file_atomically: a new file gets the content and the usual permissions") {
  test::TempDir dir;
  fs::path target = dir.path() / "新文件.txt";
  const std::string bytes = std::string("甲\r\n乙\0丙", 12) + "\xFF";
  CHECK_FALSE(write_file_atomically(target, bytes));
  CHECK(test::read_file(target) == bytes);
  mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK(mode_of(target) == (0644 & ~mask));
  CHECK(entries(dir.path()) == std::vector<std::string>{"新文件.txt"});
  // Empty content.
  CHECK_FALSE(write_file_atomically(target, ""));
  CHECK(fs::file_size(target) == 0);
}

TEST_CASE("write_file_atomically: a file replaced keeps its permissions") {
  test::TempDir dir;
  for (mode_t mode : {mode_t{0600}, mode_t{0755}, mode_t{0640}}) {
    CAPTURE(mode);
    fs::path target = dir.write("keep.txt", "old content that is longer than the new one");
    REQUIRE(::chmod(target.c_str(), mode) == 0);
    CHECK_FALSE(write_file_atomically(target, "new"));
    CHECK(test::read_file(target) == "new");
    CHECK(mode_of(target) == mode);
    CHECK(entries(dir.path()) == std::vector<std::string>{"keep.txt"});
  }
}

TEST_CASE("write_file_atomically: a folder that does not exist is an error, nothing is created") {
  test::TempDir dir;
  fs::path target = dir.path() / "missing" / "out.txt";
  auto error = write_file_atomically(target, "甲");
  REQUIRE(error);
  CHECK(error->code == ErrorCode::io);
  CHECK(error->file == target.string());
  CHECK(error->message.rfind("cannot write it: cannot create a temporary file in " +
                                 (dir.path() / "missing").string() + ": ",
                             0) == 0);
  // The message is the English text of its key (this layer is below the catalogues).
  CHECK(error->key == "error_write_temporary");
  CHECK(error->message == ui_text("en", error->key, error->args));
  CHECK(error_message(*error, "zh-CN")
            .starts_with("无法写入：无法在 " + (dir.path() / "missing").string() +
                         " 中创建临时文件："));
  CHECK_FALSE(fs::exists(dir.path() / "missing"));
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("write_file_atomically: when the rename fails the target is unchanged, no temp is left") {
  test::TempDir dir;
  // A directory where the file should go: the temporary file is written, the rename is refused.
  fs::create_directory(dir.path() / "target");
  dir.write("target/inside.txt", "甲");
  auto error = write_file_atomically(dir.path() / "target", "new content");
  REQUIRE(error);
  CHECK(error->code == ErrorCode::io);
  CHECK(error->message.find("cannot rename the temporary file over it") != std::string::npos);
  CHECK(error->message == ui_text("en", error->key, error->args));
  CHECK(fs::is_directory(dir.path() / "target"));
  CHECK(test::read_file(dir.path() / "target" / "inside.txt") == "甲");
  CHECK(entries(dir.path()) == std::vector<std::string>{"target"});
}

TEST_CASE("write_file_atomically: a folder without write permission leaves the target as it was") {
  // Root may write anywhere: the folder that does not exist (above) stands in for this case then.
  if (::geteuid() == 0) return;
  test::TempDir dir;
  fs::path target = dir.write("locked/report.txt", "old");
  REQUIRE(::chmod((dir.path() / "locked").c_str(), 0555) == 0);
  auto error = write_file_atomically(target, "new");
  ::chmod((dir.path() / "locked").c_str(), 0755);
  REQUIRE(error);
  CHECK(error->code == ErrorCode::io);
  CHECK(test::read_file(target) == "old");
  CHECK(entries(dir.path() / "locked") == std::vector<std::string>{"report.txt"});
}

TEST_CASE("write_file_atomically: a relative path is written in the current folder") {
  test::TempDir dir;
  fs::path before = fs::current_path();
  fs::current_path(dir.path());
  auto error = write_file_atomically("relative.txt", "甲乙");
  fs::current_path(before);
  CHECK_FALSE(error);
  CHECK(test::read_file(dir.path() / "relative.txt") == "甲乙");
  CHECK(entries(dir.path()) == std::vector<std::string>{"relative.txt"});
}

// A process killed in the middle of writing (SIGKILL: no handler, no cleanup) leaves the target
// either as it was or complete with the new content, never half-written. A child writes 4 MB
// generations over one file without pause; the parent kills it after a random delay, 40 times.
TEST_CASE("write_file_atomically: killed at any moment, the target is the old or the new file") {
  test::TempDir dir;
  const fs::path target = dir.path() / "out.json";
  constexpr std::size_t kSize = 4 << 20;
  auto generation = [&](int g) { return std::string(kSize, static_cast<char>('a' + g % 26)); };
  REQUIRE_FALSE(write_file_atomically(target, generation(0)));
  std::srand(20261206);
  int completed_somewhere = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string before = test::read_file(target);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      for (int g = round + 1;; ++g) write_file_atomically(target, generation(g));
      ::_exit(0);  // never reached
    }
    ::usleep(static_cast<useconds_t>(1000 + std::rand() % 40000));  // 1–41 ms
    REQUIRE(::kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    const std::string after = test::read_file(target);
    CAPTURE(round);
    REQUIRE(after.size() == kSize);  // never a short file
    CHECK(std::all_of(after.begin(), after.end(), [&](char c) { return c == after.front(); }));
    if (after != before) ++completed_somewhere;
    // What a kill leaves is at most one temporary file beside the target, never the target
    // half-written; remove them so that the folder does not fill up.
    for (const std::string& name : entries(dir.path())) {
      if (name != "out.json") {
        CHECK(name.starts_with(".out.json.fzcheck-"));
        fs::remove(dir.path() / name);
      }
    }
  }
  // The kills landed both before and after renames: some rounds replaced the file.
  CHECK(completed_somewhere > 0);
}

}  // namespace fzcheck
