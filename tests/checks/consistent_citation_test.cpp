// kind: consistent-citation — one document cited under two names: spacing, bracket width, dash,
// or a leading part left out; customary short forms (omissible_prefixes) are fine.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet citation_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("cite", rule_head("cite", "consistent-citation", "info") + "open: 《\nclose: 》\n" +
                        more + "message: 《{found}》与第{line}行《{other}》\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("consistent-citation: a name without its leading part, reported where first used") {
  Report r =
      check(test::parse("标题报告\n一、工作\n印发《西宁市湟中区2024年法治政府建设工作要点》。\n"
                        "落实《湟中区2024年法治政府建设工作要点》，再落实《湟中区2024年法治政府建设"
                        "工作要点》。\n"),
            citation_rules());
  CHECK(test::show(r) ==
        Lines{"4:4-4:22 cite info: 《湟中区2024年法治政府建设工作要点》与第3行《西宁市湟中区"
              "2024年法治政府建设工作要点》"});
  CHECK_FALSE(r.findings[0].replacement);
  // The short name first: the long one is the second name.
  CHECK(test::run(citation_rules(),
                  "标题报告\n一、工作\n《湟中区2024年法治政府建设工作要点》\n"
                  "《西宁市湟中区2024年法治政府建设工作要点》\n正文。\n") ==
        Lines{"4:2-4:23 cite info: "
              "《西宁市湟中区2024年法治政府建设工作要点》与第3行《湟中区2024年法治政府建设"
              "工作要点》"});
}

TEST_CASE("consistent-citation: names that differ in spacing, bracket width, dash or digit width") {
  CHECK(test::run(citation_rules(),
                  "标题报告\n一、工作\n《法治政府建设实施纲要（2021—2025年）》\n"
                  "《法治政府建设实施纲要(2021-2025年)》\n《法治政府建设实施纲要 "
                  "（２０２１～2025年）》\n正文。\n") ==
        Lines{"4:2-4:24 cite info: "
              "《法治政府建设实施纲要(2021-2025年)》与第3行《法治政府建设实施纲要（2021—"
              "2025年）》",
              "5:2-5:25 cite info: 《法治政府建设实施纲要 "
              "（２０２１～2025年）》与第3行《法治政府建设实施纲要（"
              "2021—2025年）》"});
}

TEST_CASE("consistent-citation: omissible prefixes make customary short forms") {
  std::string text = "标题报告\n一、工作\n学习《中华人民共和国行政处罚法》和《行政处罚法》。\n";
  CHECK(test::run(citation_rules("min_length: 5\nomissible_prefixes: [中华人民共和国]\n"), text)
            .empty());
  CHECK(test::run(citation_rules("min_length: 5\n"), text) ==
        Lines{"3:19-3:24 cite info: 《行政处罚法》与第3行《中华人民共和国行政处罚法》"});
  // A prefix is omissible only as a whole: 《人民共和国行政处罚法》 is still a second name.
  CHECK(test::run(
            citation_rules("min_length: 5\nomissible_prefixes: 中华人民共和国\n"),
            "标题报告\n一、工作\n《中华人民共和国行政处罚法》《人民共和国行政处罚法》\n正文。\n") ==
        Lines{"3:16-3:26 cite info: 《人民共和国行政处罚法》与第3行《中华人民共和国行政处罚法》"});
}

TEST_CASE("consistent-citation: min_length is what the shorter name must keep") {
  std::string text = "标题报告\n一、工作\n《某市政府工作规则》与《政府工作规则》。\n";
  CHECK(test::run(citation_rules("min_length: 7\n"), text).empty());
  CHECK(test::run(citation_rules("min_length: 6\n"), text) ==
        Lines{"3:13-3:19 cite info: 《政府工作规则》与第3行《某市政府工作规则》"});
  // Default 8: 政府工作规则 (6) is too short to be sure.
  CHECK(test::run(citation_rules(), text).empty());
}

TEST_CASE("consistent-citation: what is not a cited name") {
  RuleSet rules = citation_rules("min_length: 2\n");
  // Different documents; a name broken by a line; a mark never closed; names are compared raw
  // first, so the same name twice is one name.
  CHECK(
      test::run(rules,
                "标题报告\n一、工作\n《甲乙丙》《丁乙丙》《甲乙丙》\n《乙\n丙》《未闭合\n正文。\n")
          .empty());
  // An opening mark restarts the name.
  CHECK(test::run(rules, "标题报告\n一、工作\n《甲乙丙》《外《乙丙》\n正文。\n") ==
        Lines{"3:9-3:11 cite info: 《乙丙》与第3行《甲乙丙》"});
  // A name longer than 120 characters is no name: the mark was not meant as one.
  std::string long_name;
  for (int i = 0; i < 121; ++i) long_name += "法";
  CHECK(test::run(rules, "标题报告\n一、工作\n《" + long_name + "》《" + long_name.substr(3) +
                             "》\n正文。\n")
            .empty());
}

TEST_CASE("consistent-citation: other marks") {
  RulePack pack;
  pack.rule("cite", rule_head("cite", "consistent-citation") +
                        "open: “\nclose: ”\nmin_length: 2\nmessage: '{found}/{other}/{line}'\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n“放管服”改革\n“放 管 服”\n正文。\n") ==
        Lines{"4:2-4:7 cite warning: 放 管 服/放管服/3"});
}

TEST_CASE("consistent-citation: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("cite", rule_head("cite", "consistent-citation") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("open: 《《\nclose: ''\nmessage: m\n") ==
        Lines{"cite/rule.yaml:5:7: 'open' must be one punctuation mark",
              "cite/rule.yaml:6:8: 'close' must be one punctuation mark"});
  CHECK(errors("message: m\n") ==
        Lines{"cite/rule.yaml:1:1: missing required key 'open' in this rule",
              "cite/rule.yaml:1:1: missing required key 'close' in this rule"});
  CHECK(errors("open: 《\nclose: 》\nmin_length: 1\nmessage: m\n") ==
        Lines{"cite/rule.yaml:7:13: 'min_length' must be a whole number from 2 to 200, not '1'"});
  CHECK(errors("open: 《\nclose: 》\nomissible_prefixes: {a: b}\nmessage: m\n") ==
        Lines{"cite/rule.yaml:7:21: 'omissible_prefixes' must be a value or a list of values, not "
              "a mapping"});
  CHECK(errors("open: 《\nclose: 》\nmessage: '{found}{unit}'\n") ==
        Lines{"cite/rule.yaml:7:10: unknown placeholder {unit} in 'message': this kind of rule "
              "provides {found}, {line}, {other}"});
}

}  // namespace fzcheck
