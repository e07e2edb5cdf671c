// load_config() and apply_config(): an office's settings file, every problem at once with its
// position, and the rule choices it makes.
#include <doctest/doctest.h>

#include "fzcheck/config.hpp"
#include "rule_pack.hpp"

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
  CHECK(missing.error().code == ErrorCode::io);
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

}  // namespace fzcheck
