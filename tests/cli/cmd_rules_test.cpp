// fzcheck rules list | explain | kinds | test, end to end.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/build_context.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;
using test::run_cli;

void fill(RulePack& pack) {
  pack.rule("err-word", rule_head("err-word", "pattern", "error") +
                            "summary: 不要写错字\nmessage: 不要写“{match}”\nterms: [错字]\n")
      .rule("info-word", rule_head("info-word", "pattern", "info") +
                             "scope: text\nmessage: 注意“{match}”。别的话\nterms: [提示字]\n")
      .file("err-word/README.md", "# err-word\n\n为什么不要写错字。");
}

}  // namespace

TEST_CASE("rules list: packs and their rules as text and JSON") {
  RulePack pack("cli");
  fill(pack);
  auto r = run_cli({"rules", "list", "--no-default-rules", "--rules", pack.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "cli  测试  (" + pack.path().string() +
                     ")\n"
                     "  err-word                 error    pattern           不要写错字\n"
                     "  info-word                info     pattern           注意“{match}”\n");
  auto json = run_cli(
      {"rules", "list", "--format", "json", "--no-default-rules", "--rules", pack.path().string()});
  CHECK(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out) == nlohmann::json::parse(R"([
    {"id": "err-word", "pack": "cli", "kind": "pattern", "severity": "error", "scope": "body",
     "summary": "不要写错字", "source": "依据err-word"},
    {"id": "info-word", "pack": "cli", "kind": "pattern", "severity": "info", "scope": "text",
     "summary": "注意“{match}”", "source": "依据info-word"}])"));
  CHECK(json.out.rfind("[\n  {\n    \"id\": \"err-word\",\n    \"pack\": \"cli\",", 0) == 0);
}

TEST_CASE("rules list: the built-in packs, plus a --rules pack") {
  auto r = run_cli({"rules", "list"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("fazhi-report  法治政府建设年度报告  (builtin:fazhi-report)\n") !=
        std::string::npos);
  const RuleInfo* measures = RuleSet::builtin().find("part-measures");
  REQUIRE(measures);
  CHECK(r.out.find(fmt::format("  {:<24} {:<8} {:<17} {}\n", "part-measures", "error",
                               "required-section", measures->summary)) != std::string::npos);
  RulePack pack("cli");
  fill(pack);
  auto both = run_cli({"rules", "list", "--rules", pack.path().string()});
  CHECK(both.exit_code == 0);
  CHECK(both.out.find("fazhi-report  ") != std::string::npos);
  CHECK(both.out.find("cli  测试  (") != std::string::npos);
  auto json = nlohmann::json::parse(run_cli({"rules", "list", "--format", "json"}).out);
  CHECK(json.size() == RuleSet::builtin().rules().size());
  auto bad = run_cli({"rules", "list", "--format", "xml"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with(
      "fzcheck rules: --format 的值应为 text、json 或 markdown，而不是“xml”\n"));
  auto bad_en = run_cli({"rules", "list", "--format", "xml", "--lang", "en"});
  CHECK(bad_en.err.starts_with(
      "fzcheck rules: --format must be text, json or markdown, not 'xml'\n"));
}

TEST_CASE("rules explain: the rule in full, its source first, then the rest and the README") {
  const RuleInfo* r = RuleSet::builtin().find("part-measures");
  REQUIRE(r);
  REQUIRE_FALSE(r->readme.empty());
  CHECK(r->readme ==
        test::read_file(test::source_path("rules/fazhi-report/part-measures/README.md")));
  auto out = run_cli({"rules", "explain", "part-measures", "--lang", "en"});
  CHECK(out.exit_code == 0);
  CHECK(out.out ==
        fmt::format("part-measures  (required-section rule of pack fazhi-report, error)\n"
                    "source:   {}\n"
                    "\n"
                    "summary:  {}\n"
                    "message:  {}\n"
                    "file:     builtin:fazhi-report/part-measures/rule.yaml\n"
                    "\n"
                    "{}{}",
                    r->source, r->summary, r->message, r->readme,
                    r->readme.back() == '\n' ? "" : "\n"));
  // The basis is the line right under the heading.
  CHECK(
      out.out.starts_with("part-measures  (required-section rule of pack fazhi-report, error)\n"
                          "source:   《法治政府建设与责任落实督察工作规定》"));

  RulePack pack("cli");
  fill(pack);
  auto mine = run_cli({"rules", "explain", "err-word", "--rules", pack.path().string()});
  CHECK(mine.exit_code == 0);
  CHECK(mine.out ==
        "err-word（pattern 类规则，属于规则包 cli，级别：错误）\n"
        "检查依据：依据err-word\n"
        "\n"
        "规则概要：不要写错字\n"
        "适用范围：body\n"
        "提示信息：不要写“{match}”\n"
        "规则文件：" +
            pack.at("err-word/rule.yaml") +
            "\n"
            "\n"
            "# err-word\n\n为什么不要写错字。\n");
  auto no_readme = run_cli({"rules", "explain", "info-word", "--rules", pack.path().string()});
  const std::string last = "规则文件：" + pack.at("info-word/rule.yaml") + "\n";
  CHECK(no_readme.exit_code == 0);
  CHECK(no_readme.out.substr(no_readme.out.size() - last.size()) == last);
  CHECK(no_readme.out.find("\n\n#") == std::string::npos);

  // A rule that runs only on reports about some years says which.
  RulePack dated("dated");
  dated.rule("late",
             rule_head("late", "pattern") + "message: 甲\nterms: [甲]\nyears: {until: 2020}\n");
  auto late = run_cli({"rules", "explain", "late", "--rules", dated.path().string()});
  CHECK(late.exit_code == 0);
  CHECK(late.out.find("适用范围：body\n报告年度：2020年及以前（其他年度的报告不检查此项）\n") !=
        std::string::npos);
  auto late_en =
      run_cli({"rules", "explain", "late", "--lang", "en", "--rules", dated.path().string()});
  CHECK(late_en.out.find("\nyears:    report years up to 2020 (reports about other years are not "
                         "checked)\n") != std::string::npos);
  CHECK(mine.out.find("报告年度") == std::string::npos);

  auto unknown = run_cli({"rules", "explain", "no-such-rule"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err ==
        "fzcheck rules: 没有“no-such-rule”这条规则（规则清单见 fzcheck rules list）\n"
        "（用法见 fzcheck rules --help）\n");
  auto two = run_cli({"rules", "explain", "a", "b", "--lang", "en"});
  CHECK(two.exit_code == 2);
  CHECK(two.err.starts_with("fzcheck rules: give exactly one rule id\n"));
}

TEST_CASE("rules kinds: every registered kind with its default scope") {
  auto r = run_cli({"rules", "kinds", "--lang", "en"});
  CHECK(r.exit_code == 0);
  std::string expected;
  for (const KindInfo& k : rule_kinds()) {
    expected +=
        fmt::format("  {:<18} {} (default scope: {})\n", k.name, k.summary, k.default_scope);
  }
  expected += "\nSee docs/rule-authors.md for the keys of each kind.\n";
  CHECK(r.out == expected);
  CHECK(r.out.find("  pattern            text that must not appear, with an optional replacement "
                   "(default scope: body)\n") != std::string::npos);
  auto zh = run_cli({"rules", "kinds"});
  CHECK(zh.out.find("  pattern            text that must not appear, with an optional replacement"
                    "（默认范围：body）\n") != std::string::npos);
  CHECK(zh.out.ends_with("\n各类规则可用的键见 docs/rule-authors.md。\n"));
  auto extra = run_cli({"rules", "kinds", "pattern"});
  CHECK(extra.exit_code == 2);
  CHECK(extra.err.starts_with("fzcheck rules: “rules kinds”不带参数\n"));
}

// The rule "good" (a pattern rule whose fixtures pass) and the pattern rule body both tests use.
const std::string kTestRule = "scope: document\nmessage: 不要写{match}\nterms: [甲]\n";
static RulePack& add_good_rule(RulePack& pack) {
  return pack.rule("good", rule_head("good", "pattern", "error") + kTestRule)
      .file("good/README.md", "# good\n")
      .file("good/pass/p.txt", "乙\n")
      .file("good/fail/f.txt", "乙甲\n")
      .file("good/fail/f.expected", "f.txt:1:2:good:error\n");
}

TEST_CASE("rules test: a passing and a failing rule") {
  RulePack pack("cli");
  const std::string& rule = kTestRule;
  add_good_rule(pack)
      .rule("bad", rule_head("bad", "pattern", "error") + rule)
      .file("bad/README.md", "# bad\n")
      .file("bad/pass/p.txt", "甲\n")
      .file("bad/fail/f.txt", "乙\n")
      .file("bad/fail/f.expected", "f.txt:1:1:bad:error\n");
  auto r = run_cli({"rules", "test", pack.path().string()}, "", {"FZCHECK_LANG=en"});
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "FAIL  bad  (1 pass, 1 fail fixtures)\n"
        "      pass/p.txt: unexpected finding p.txt:1:1:bad:error\n"
        "      fail/f.txt: missing finding f.txt:1:1:bad:error\n"
        "ok    good  (1 pass, 1 fail fixtures)\n"
        "2 rule(s) tested, 1 failed\n");
  auto good = run_cli({"rules", "test", pack.path().string(), "--rule", "good"});
  CHECK(good.exit_code == 0);
  CHECK(good.out ==
        "通过  good（应通过的样例 1 个，应报出问题的样例 1 个）\n共测试 1 条规则，0 条未通过\n");
  auto unknown = run_cli({"rules", "test", pack.path().string(), "--rule", "zzz"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == pack.path().string() + ": no rule 'zzz' is defined there\n");
}

TEST_CASE("rules test: one rule, given by its folder or its rule.yaml") {
  RulePack pack("cli");
  const std::string& rule = kTestRule;
  add_good_rule(pack)
      .rule("bad", rule_head("bad", "pattern", "error") + rule)
      .file("bad/README.md", "# bad\n");
  const std::string only_good =
      "ok    good  (1 pass, 1 fail fixtures)\n1 rule(s) tested, 0 failed\n";
  auto by_file = run_cli({"rules", "test", pack.at("good/rule.yaml")}, "", {"FZCHECK_LANG=en"});
  CHECK(by_file.exit_code == 0);
  CHECK(by_file.out == only_good);
  auto by_folder = run_cli({"rules", "test", pack.at("good")}, "", {"FZCHECK_LANG=en"});
  CHECK(by_folder.out == only_good);
  auto bad = run_cli({"rules", "test", pack.at("bad/rule.yaml")}, "", {"FZCHECK_LANG=en"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.starts_with("FAIL  bad"));
  // A rule folder with no pack around it.
  test::TempDir lone;
  lone.write("r/rule.yaml", rule_head("r", "pattern") + rule);
  auto outside = run_cli({"rules", "test", (lone.path() / "r").string()}, "", {"FZCHECK_LANG=en"});
  CHECK(outside.exit_code == 2);
  CHECK(outside.err.find("is a rule, but the folder around it has no pack.yaml") !=
        std::string::npos);
}

TEST_CASE("rules test: a pack that does not load, and usage errors") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: m\nterms: [甲]\nseverity: high\n");
  auto r = run_cli({"rules", "test", pack.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        pack.at("r/rule.yaml") + ":7:1: duplicate key 'severity' (first given at line 3)\n");
  CHECK(run_cli({"rules", "test"}).exit_code == 2);
  auto none = run_cli({"rules"});
  CHECK(none.exit_code == 2);
  CHECK(none.out.starts_with("用法：fzcheck rules list"));
  CHECK(run_cli({"--lang", "en", "rules"}).out.starts_with("usage: fzcheck rules list"));
  auto unknown = run_cli({"rules", "frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.starts_with("fzcheck rules: 没有“rules frobnicate”这个命令\n"));
}

TEST_CASE("rules types: every declared type and the packs that check it") {
  auto r = run_cli({"rules", "types", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  fazhi-report             法治政府建设年度报告  (declared by fazhi-report; "
                   "checked by fazhi-report, gongwen)\n") != std::string::npos);
  CHECK(r.out.find("  gongwen                  公文, when no other type fits  (declared by "
                   "gongwen; checked by gongwen)\n") != std::string::npos);
  auto zh = run_cli({"rules", "types"});
  CHECK(zh.out.find("  fazhi-report             法治政府建设年度报告（由 fazhi-report 声明；由 "
                    "fazhi-report、gongwen 检查）\n") != std::string::npos);
  CHECK(zh.out.find("  gongwen                  公文，不属于其他类型时采用（由 gongwen 声明；由 "
                    "gongwen 检查）\n") != std::string::npos);
}

TEST_CASE("rules list and explain: rules that a pack extending theirs overrides") {
  const std::string pack = test::source_path("examples/packs/province-example").string();
  const std::string yaml = pack + "/pack.yaml";
  auto r = run_cli({"--lang", "en", "rules", "list", "--rules", pack});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(fmt::format("province-example  某省法治政府建设年度报告补充要求（示例）  ({}; "
                               "extends fazhi-report)\n",
                               pack)) != std::string::npos);
  const RuleInfo* three = RuleSet::builtin().find("three-systems");
  const RuleInfo* plan = RuleSet::builtin().find("next-year-plan-year");
  REQUIRE(three);
  REQUIRE(plan);
  CHECK(r.out.find(fmt::format("  {:<24} {:<8} {:<17} {}  [overridden by province-example: "
                               "severity info → warning]\n",
                               "three-systems", "warning", "coverage", three->summary)) !=
        std::string::npos);
  CHECK(r.out.find(fmt::format("  {:<24} {:<8} {:<17} {}  [disabled by province-example]\n",
                               "next-year-plan-year", "off", "next-year-mentioned",
                               plan->summary)) != std::string::npos);
  // Without the pack, as written.
  CHECK(run_cli({"rules", "list"}).out.find("[overridden by") == std::string::npos);

  auto explained = run_cli({"--lang", "en", "rules", "explain", "three-systems", "--rules", pack});
  CHECK(explained.exit_code == 0);
  CHECK(
      explained.out.starts_with("three-systems  (coverage rule of pack fazhi-report, warning)\n"
                                "source:   " +
                                three->source +
                                "\n"
                                "\n"
                                "summary:  " +
                                three->summary +
                                "\n"
                                "override: severity info → warning, by pack province-example (" +
                                yaml + ":10)\n"));
  auto disabled =
      run_cli({"--lang", "en", "rules", "explain", "next-year-plan-year", "--rules", pack});
  CHECK(disabled.out.starts_with(
      "next-year-plan-year  (next-year-mentioned rule of pack fazhi-report, disabled)\n"
      "source:   " +
      plan->source + "\n\n"));
  CHECK(disabled.out.find("override: disabled, by pack province-example (" + yaml + ":11)\n") !=
        std::string::npos);

  auto json =
      nlohmann::json::parse(run_cli({"rules", "list", "--format", "json", "--rules", pack}).out);
  bool seen = false;
  for (const auto& rule : json) {
    if (rule["id"] != "three-systems") continue;
    seen = true;
    CHECK(rule["severity"] == "warning");
    CHECK(rule["overridden"] == nlohmann::json{{"by", "province-example"},
                                               {"at", yaml + ":10"},
                                               {"disabled", false},
                                               {"written_severity", "info"}});
  }
  CHECK(seen);
  auto markdown = run_cli({"rules", "list", "--format", "markdown", "--rules", pack});
  CHECK(markdown.out.find(" | off (disabled by province-example) | next-year-mentioned | ") !=
        std::string::npos);
}

TEST_CASE("rules test: a pack that extends a built-in pack is tested with it, only its own rules") {
  const std::string pack = test::source_path("examples/packs/province-example").string();
  auto r = run_cli({"--lang", "en", "rules", "test", pack, "--rule", "three-systems"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no rule 'three-systems' is defined there") != std::string::npos);
  auto one = run_cli({"--lang", "en", "rules", "test", pack, "--rule", "first-responsible-shufa"});
  CHECK(one.exit_code == 0);
  CHECK(one.out.find("1 rule(s) tested, 0 failed\n") != std::string::npos);
}

}  // namespace fzcheck
