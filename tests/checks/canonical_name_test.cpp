// kind: canonical-name — official names quoted exactly: the derived variants (bracket width, the
// dash of a year range, a missing 年 or brackets, spaces) get the canonical name; the 一字线 may
// be any of — ― – －.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet name_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("name", rule_head("name", "canonical-name") +
                        "names:\n"
                        "  - 《法治政府建设实施纲要（2021—2025年）》\n"
                        "  - 《法治政府建设与责任落实督察工作规定》\n" +
                        more + "message: “{found}”应为“{expected}”\n");
  return pack.rules();
}

const std::string kName = "《法治政府建设实施纲要（2021—2025年）》";

std::string line(const std::string& text) {
  return "标题报告\n一、工作\n贯彻" + text + "。\n";
}

}  // namespace

TEST_CASE("canonical-name: the canonical name and the accepted 一字线 characters give nothing") {
  RuleSet rules = name_rules();
  CHECK(test::run(rules, line(kName)).empty());
  for (const char* dash : {"\u2014", "\u2015", "\u2013", "\uFF0D"}) {
    CAPTURE(dash);
    CHECK(test::run(rules, line(std::string("《法治政府建设实施纲要（2021") + dash + "2025年）》"))
              .empty());
  }
}

TEST_CASE("canonical-name: variants get the canonical name as replacement") {
  RuleSet rules = name_rules();
  auto finding = [&](const std::string& found) {
    Report r = check(test::parse(line(found)), rules);
    REQUIRE(r.findings.size() == 1);
    const Finding& f = r.findings[0];
    CHECK(f.message == "“" + found + "”应为“" + kName + "”");
    CHECK(f.replacement == std::optional<std::string>(kName));
    CHECK(f.excerpt == found);
    return test::at(f.begin) + "-" + test::at(f.end);
  };
  // ASCII hyphen, tilde and the full-width tilde are not the 一字线.
  CHECK(finding("《法治政府建设实施纲要（2021-2025年）》") == "3:3-3:27");
  CHECK(finding("《法治政府建设实施纲要（2021~2025年）》") == "3:3-3:27");
  CHECK(finding("《法治政府建设实施纲要（2021～2025年）》") == "3:3-3:27");
  // Half-width brackets, and the 年 left out.
  CHECK(finding("《法治政府建设实施纲要(2021—2025年)》") == "3:3-3:27");
  CHECK(finding("《法治政府建设实施纲要（2021—2025）》") == "3:3-3:26");
  CHECK(finding("《法治政府建设实施纲要(2021-2025)》") == "3:3-3:26");
  // The brackets round the years left out.
  CHECK(finding("《法治政府建设实施纲要2021-2025》") == "3:3-3:24");
  CHECK(finding("《法治政府建设实施纲要2021—2025年》") == "3:3-3:25");
  // Spaces around brackets and the dash.
  CHECK(finding("《法治政府建设实施纲要 （ 2021 - 2025年 ）》") == "3:3-3:32");
}

TEST_CASE("canonical-name: every name of the list, only whole names") {
  RuleSet rules = name_rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n落实《法治政府建设与责任落实督察工作规定》和" +
                             kName + "，学习《法治政府建设实施纲要》。\n") == Lines{});
  CHECK(test::run(rules, "标题报告\n一、工作\n一是" + kName +
                             "，二是《法治政府建设实施纲要(2021-2025年)》。\n") ==
        Lines{"3:30-3:54 name warning: “《法治政府建设实施纲要(2021-2025年)》”应为“" + kName +
              "” => " + kName});
}

TEST_CASE(
    "canonical-name: a canonical name written with another 一字线 is still the canonical name") {
  RulePack pack;
  pack.rule("name", rule_head("name", "canonical-name") +
                        "names: ['《纲要（2021－2025年）》']\nmessage: '{found}'\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n《纲要（2021—2025年）》。\n").empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n《纲要（2021-2025年）》。\n") ==
        Lines{"3:1-3:17 name warning: 《纲要（2021-2025年）》 => 《纲要（2021－2025年）》"});
}

TEST_CASE("canonical-name: scope") {
  RuleSet body = name_rules();
  std::string text = "《法治政府建设实施纲要(2021-2025年)》学习情况报告\n一、工作\n正文。\n";
  CHECK(test::run(body, text).empty());
  CHECK(test::run(name_rules("scope: title\n"), text).size() == 1);
}

TEST_CASE("canonical-name: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("name", rule_head("name", "canonical-name") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("message: m\n") ==
        Lines{"name/rule.yaml:1:1: missing required key 'names' in this rule"});
  CHECK(errors("names: []\nmessage: m\n") ==
        Lines{"name/rule.yaml:5:8: 'names' must not be empty"});
  CHECK(
      errors("names: [[a]]\nmessage: m\n") ==
      Lines{"name/rule.yaml:5:9: each item of 'names' must be a single value (text), not a list"});
  CHECK(errors("names: 《甲》\nmessage: '{found}{name}'\n") ==
        Lines{"name/rule.yaml:6:10: unknown placeholder {name} in 'message': this kind of rule "
              "provides {expected}, {found}"});
}

}  // namespace fzcheck
