// The options every command shares: --config FILE (settings kept in YAML, merged with the
// command line), --rules, --disable and --only.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "support.hpp"

namespace fzcheck {

namespace {
std::string sample(const std::string& name) {
  return test::source_path("examples/reports/" + name + ".txt").string();
}
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}
}  // namespace

TEST_CASE("config: disable, severity and fail_on apply to check") {
  test::TempDir dir;
  auto config = dir.write(".fzcheck.yaml",
                          "disable: [relative-time, heading-space]\n"
                          "severity:\n  three-systems: warning\n"
                          "fail_on: warning\n");
  auto r = test::run_cli(
      {"check", "--format", "line", "--config", config.string(), sample("001_0a9e7cee78fe9105")});
  CHECK(r.exit_code == 1);  // warnings fail now
  CHECK(count(r.out, ":relative-time:") == 0);
  CHECK(count(r.out, ":three-systems:warning") == 1);
  auto plain = test::run_cli({"check", "--format", "line", sample("001_0a9e7cee78fe9105")});
  CHECK(count(plain.out, ":relative-time:") == 1);
  CHECK(count(plain.out, ":three-systems:info") == 1);
}

TEST_CASE("config: --fail-on on the command line wins over the file") {
  test::TempDir dir;
  auto config = dir.write("c.yaml", "fail_on: warning\n");
  auto r = test::run_cli(
      {"check", "--fail-on", "never", "--config", config.string(), sample("000_564c8ac60a8ddf78")});
  CHECK(r.exit_code == 0);
}

TEST_CASE("config: packs are found relative to the file") {
  test::TempDir dir;
  dir.write("packs/mine/pack.yaml", "id: mine\ntitle: 我的规则\n");
  dir.write("packs/mine/no-xyz/rule.yaml",
            "id: no-xyz\nkind: pattern\nseverity: info\nterms: [师市教育局]\nmessage: "
            "不写“{match}”\nsource: 本单位规定\n");
  auto config = dir.write("settings/fzcheck.yaml", "rules: [../packs/mine]\nonly: [no-xyz]\n");
  auto r = test::run_cli(
      {"check", "--format", "line", "--config", config.string(), sample("004_982b1b364f1fe93d")});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, ":no-xyz:info") >= 3);
  CHECK(count(r.out, "\n") == count(r.out, ":no-xyz:"));
}

TEST_CASE("config: every problem is reported with its position, and nothing is checked") {
  test::TempDir dir;
  auto config = dir.write("bad.yaml",
                          "disabel: [relative-time]\n"
                          "severity:\n  three-systems: loud\n"
                          "fail_on: sometimes\n");
  auto r = test::run_cli({"check", "--config", config.string(), sample("001_0a9e7cee78fe9105")});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(config.string() +
                   ":1:1: unknown key 'disabel' in this configuration (did you mean 'disable'?)") !=
        std::string::npos);
  CHECK(r.err.find(config.string() +
                   ":3:18: 'three-systems' must be error, warning or info, not 'loud'") !=
        std::string::npos);
  CHECK(r.err.find(config.string() +
                   ":4:10: 'fail_on' must be error, warning, info or never, not 'sometimes'") !=
        std::string::npos);
}

TEST_CASE("config: an unknown rule id is a usage error naming the file") {
  test::TempDir dir;
  auto config = dir.write("c.yaml", "disable: [no-such-rule]\n");
  auto r = test::run_cli({"check", "--config", config.string(), sample("001_0a9e7cee78fe9105")});
  CHECK(r.exit_code == 2);
  // Configuration errors are in English (docs/cli.md), with where the file names the rule; the
  // tool's words around them are not.
  CHECK(r.err == config.string() + ":1:11: there is no rule 'no-such-rule'\n" +
                     "fzcheck: 配置文件中有 1 处问题，未进行检查\n");
  auto missing = test::run_cli(
      {"check", "--config", (dir.path() / "none.yaml").string(), sample("001_0a9e7cee78fe9105")});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("无法读取配置文件 " + (dir.path() / "none.yaml").string()) !=
        std::string::npos);
}

// --config read any path to its end: a FIFO waited for ever for a writer, /dev/zero filled the
// memory. Only a regular file of at most 1 MiB is read.
TEST_CASE("config: a FIFO, a device or a file over 1 MiB is refused at once (exit 2)") {
  test::TempDir dir;
  const std::string fifo = (dir.path() / "fifo.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto big = dir.write("big.yaml", "# " + std::string(1 << 20, 'x') + "\n");
  struct Case {
    std::string path, zh, en;
  };
  const Case cases[] = {
      {fifo, "这不是普通文件（而是设备、管道或套接字）",
       "this is not a regular file (a device, pipe or socket)"},
      {"/dev/zero", "这不是普通文件（而是设备、管道或套接字）",
       "this is not a regular file (a device, pipe or socket)"},
      {big.string(), "文件大小为 1048579 bytes，超过了配置文件或规则包文件 1048576 bytes 的上限",
       "the file is 1048579 bytes, more than the limit of 1048576 bytes for a configuration or "
       "rule-pack file"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    auto r =
        test::run_cli({"check", "--config", c.path, sample("001_0a9e7cee78fe9105")}, "", {}, 20);
    REQUIRE_FALSE(r.timed_out);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "fzcheck: 无法读取配置文件 " + c.path + "：" + c.zh + "\n");
    auto en = test::run_cli(
        {"check", "--lang", "en", "--config", c.path, sample("001_0a9e7cee78fe9105")}, "", {}, 20);
    REQUIRE_FALSE(en.timed_out);
    CHECK(en.exit_code == 2);
    CHECK(en.err == "fzcheck: cannot read the configuration file " + c.path + ": " + c.en + "\n");
  }
}

TEST_CASE("config: .fzcheck.yaml above the checked file is used, and --no-config ignores it") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "reports");
  auto report = dir.write("reports/r.txt",
                          "某县教育局2024年度法治政府建设情况报告\n一、主要举措和成效\n"
                          "聘任法制副校长12名，开展法制宣传。\n");
  auto rules_of = [](const test::CliResult& r) {
    std::size_t fazhi = 0;
    for (std::size_t at = r.out.find(":term-fazhi:"); at != std::string::npos;
         at = r.out.find(":term-fazhi:", at + 1)) {
      ++fazhi;
    }
    return fazhi;
  };
  auto before = test::run_cli({"check", "--format", "line", report.string()});
  CHECK(rules_of(before) == 2);
  auto config = dir.write(".fzcheck.yaml", "allow: [法制副校长]\ndisable: [three-systems]\n");
  auto after = test::run_cli({"check", "--format", "line", report.string()});
  CHECK(rules_of(after) == 1);
  CHECK(after.out.find("three-systems") == std::string::npos);
  CHECK(after.err.find("fzcheck: 使用配置文件 " + config.string()) != std::string::npos);
  auto ignored = test::run_cli({"check", "--no-config", "--format", "line", report.string()});
  CHECK(rules_of(ignored) == 2);
  CHECK(ignored.err.find("使用配置文件") == std::string::npos);
  // A folder argument finds it too; a broken one stops everything, with every problem.
  dir.write(".fzcheck.yaml", "disable: [nope]\nfail_on: sometimes\n");
  auto broken = test::run_cli({"check", (dir.path() / "reports").string()});
  CHECK(broken.exit_code == 2);
  CHECK(broken.out.empty());
  CHECK(broken.err.find(":2:10: 'fail_on' must be") != std::string::npos);
}

}  // namespace fzcheck
