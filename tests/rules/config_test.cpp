// load_config() and apply_config(): an office's settings file, every problem at once with its
// position, and the rule choices it makes.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "fzcheck/check.hpp"
#include "fzcheck/config.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::Lines;

Lines messages(const std::vector<Error>& errors) {
  Lines out;
  for (const Error& e : errors)
    out.push_back(fmt::format("{}:{}: {}", e.pos.line, e.pos.column, e.message));
  return out;
}

}  // namespace

TEST_CASE("config: every setting, packs resolved against the file's folder") {
  test::TempDir dir;
  auto file = dir.write("office/.fzcheck.yaml",
                        "rules: [../packs/province]\n"
                        "no_default_rules: true\n"
                        "disable: [relative-time]\n"
                        "only: [term-fazhi, relative-time]\n"
                        "severity: {three-systems: warning}\n"
                        "fail_on: never\n");
  auto config = load_config(file);
  REQUIRE(config.ok());
  CHECK(config->file == file);
  REQUIRE(config->packs.size() == 1);
  CHECK(config->packs[0] == file.parent_path() / "../packs/province");
  CHECK(config->no_default_rules);
  CHECK(config->disable == std::vector<std::string>{"relative-time"});
  CHECK(config->only == std::vector<std::string>{"term-fazhi", "relative-time"});
  CHECK(config->severity.at("three-systems") == Severity::warning);
  CHECK(config->fail_on == "never");

  auto empty = load_config(dir.write("empty.yaml", ""));
  REQUIRE(empty.ok());
  CHECK(empty->packs.empty());
  CHECK_FALSE(empty->fail_on);
}

TEST_CASE("config: all problems in one run, each at its line and column") {
  test::TempDir dir;
  auto bad = load_config(dir.write("c.yaml",
                                   "disabel: [x]\n"
                                   "fail_on: sometimes\n"
                                   "severity: {a: fatal, b: info}\n"
                                   "no_default_rules: maybe\n"));
  REQUIRE_FALSE(bad.ok());
  CHECK(messages(bad.errors()) ==
        Lines{"1:1: unknown key 'disabel' in this configuration (did you mean 'disable'?)",
              "2:10: 'fail_on' must be error, warning, info or never, not 'sometimes'",
              "3:15: 'a' must be error, warning or info, not 'fatal'",
              "4:19: 'no_default_rules' must be true or false, not 'maybe'"});
  CHECK(bad.error().file == (dir.path() / "c.yaml").string());

  auto list = load_config(dir.write("l.yaml", "- disable\n"));
  REQUIRE_FALSE(list.ok());
  CHECK(list.error().message.starts_with("the configuration must be a mapping"));
  auto missing = load_config(dir.path() / "none.yaml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
}

TEST_CASE("config: apply_config adds the choices, or names every unknown rule") {
  test::RulePack pack;
  pack.rule("a", test::rule_head("a", "pattern") + "message: m\nterms: [甲]\n")
      .rule("b", test::rule_head("b", "pattern") + "message: m\nterms: [乙]\n");
  RuleSet rules = pack.rules();
  Config config;
  config.file = "office.yaml";
  config.disable = {"a"};
  config.severity = {{"b", Severity::error}};
  CheckOptions options;
  CHECK(apply_config(config, rules, options).empty());
  CHECK(options.disabled == std::set<std::string>{"a"});
  CHECK(options.severity_overrides.at("b") == Severity::error);

  config.only = {"zz"};
  config.severity["yy"] = Severity::info;
  CheckOptions untouched;
  auto errors = apply_config(config, rules, untouched);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].to_string() == "office.yaml: there is no rule 'zz'");
  CHECK(errors[1].to_string() == "office.yaml: there is no rule 'yy'");
  CHECK(errors[0].code == ErrorCode::usage);
  CHECK(untouched.disabled.empty());
}

TEST_CASE("config: allowed terms and policies, and every problem with its position") {
  test::TempDir dir;
  auto good =
      dir.write("office.yaml",
                "allow: [法制副校长]\npolicy:\n  submit_by: '02-28'\n  publish_by: '03-31'\n"
                "  parts_inside: ok\n");
  auto config = load_config(good);
  REQUIRE(config.ok());
  CHECK(config->allow == std::vector<std::string>{"法制副校长"});
  CHECK(config->submit_by == MonthDay{2, 28});
  CHECK(config->publish_by == MonthDay{3, 31});
  CHECK(config->parts_inside_ok);

  auto by_rule = dir.write("rule.yaml", "allow:\n  term-fazhi: [法制办, 法制科]\n");
  auto per_rule = load_config(by_rule);
  REQUIRE(per_rule.ok());
  CHECK(per_rule->allow_by_rule.at("term-fazhi") == std::vector<std::string>{"法制办", "法制科"});
  CheckOptions options;
  CHECK(apply_config(*per_rule, RuleSet::builtin(), options).empty());
  CHECK(options.allowed_terms_by_rule.at("term-fazhi").size() == 2);

  auto bad = dir.write("bad.yaml",
                       "policy:\n  submit_by: '3月1日'\n  parts_inside: sometimes\nallow:\n  "
                       "no-such-rule: [x]\nseverty: {}\n");
  auto errors = load_config(bad);
  REQUIRE_FALSE(errors.ok());
  std::vector<std::string> texts;
  for (const Error& e : errors.errors()) texts.push_back(e.to_string());
  REQUIRE(texts.size() == 3);  // all at once, in the order of the file
  CHECK(texts[0].starts_with(bad.string() + ":2:14: 'submit_by' must be a month and day"));
  CHECK(texts[1].starts_with(bad.string() + ":3:17: 'parts_inside' must be ok or note"));
  CHECK(texts[2].starts_with(bad.string() + ":6:1: "));  // the misspelt key
  // The unknown rule is found once the rules are known, with its position too.
  auto ids = dir.write("ids.yaml", "allow:\n  no-such-rule: [x]\ndisable: [also-missing]\n");
  auto loaded = load_config(ids);
  REQUIRE(loaded.ok());
  CheckOptions untouched;
  auto unknown = apply_config(*loaded, RuleSet::builtin(), untouched);
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0].to_string() == ids.string() + ":3:11: there is no rule 'also-missing'");
  CHECK(unknown[1].to_string() == ids.string() + ":2:3: there is no rule 'no-such-rule'");
}

TEST_CASE("config: only a regular file of at most 1 MiB is read") {
  test::TempDir dir;
  const auto fifo = dir.path() / "fifo.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto not_a_file = [](const Result<Config>& r) {
    return !r.ok() && r.error().code == ErrorCode::not_a_file &&
           r.error().key == "error_not_regular_file";
  };
  CHECK(not_a_file(load_config(fifo)));  // without waiting for a writer
  CHECK(not_a_file(load_config("/dev/zero")));
  CHECK(not_a_file(load_config("/dev/urandom")));
  auto folder = load_config(dir.path());
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().key == "error_directory");
  auto missing = load_config(dir.path() / "none.yaml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);

  auto at_limit =
      dir.write("at.yaml", "fail_on: never\n#" + std::string((1 << 20) - 17, 'x') + "\n");
  REQUIRE(std::filesystem::file_size(at_limit) == 1 << 20);
  CHECK(load_config(at_limit).ok());
  auto over = dir.write("over.yaml", "fail_on: never\n#" + std::string((1 << 20) - 16, 'x') + "\n");
  auto big = load_config(over);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().code == ErrorCode::too_large);
  CHECK(big.error().key == "error_setting_file_too_large");
  CHECK(big.error().file == over.string());
  CHECK(big.error().message ==
        "the file is 1048577 bytes, more than the limit of 1048576 bytes for a configuration or "
        "rule-pack file");
}

TEST_CASE("config: brackets nested 10,000 deep are an error, not a crash") {
  test::TempDir dir;
  auto file = dir.write("deep.yaml", "disable: " + std::string(10000, '[') + "\n");
  auto config = load_config(file);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().code == ErrorCode::rule_syntax);
  CHECK(messages(config.errors()) ==
        Lines{"1:74: brackets nested more than 64 deep; a rule or configuration file never needs "
              "that"});
}

TEST_CASE("config: .fzcheck.yaml is found from a file's folder upward") {
  test::TempDir dir;
  namespace fs = std::filesystem;
  fs::create_directories(dir.path() / "office/dept/drafts");
  auto report = dir.write("office/dept/drafts/r.txt", "正文\n");
  CHECK_FALSE(find_config(report).has_value());
  auto office = dir.write("office/.fzcheck.yaml", "disable: []\n");
  CHECK(find_config(report) == office);
  CHECK(find_config(dir.path() / "office/dept") == office);  // a folder: from itself
  auto dept = dir.write("office/dept/.fzcheck.yml", "disable: []\n");
  CHECK(find_config(report) == dept);  // the nearest wins
  auto both = dir.write("office/dept/.fzcheck.yaml", "disable: []\n");
  CHECK(find_config(report) == both);  // .yaml before .yml
}

}  // namespace fzcheck
