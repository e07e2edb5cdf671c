// kind: heading-punctuation — the punctuation of section numbers (check: marker), spaces after
// them (check: spaces) and agreement of siblings about a closing 。 (check: terminator).
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet marker_rules() {
  RulePack pack;
  pack.rule("punct", rule_head("punct", "heading-punctuation") +
                         "message: 括号后{found}→{expected}\n"
                         "chinese_message: 汉字{found}→{expected}\n"
                         "arabic_message: 数字{found}→{expected}\n"
                         "bracket_message: 全角{found}→{expected}\n");
  return pack.rules();
}

RuleSet check_rules(const std::string& which, const std::string& message) {
  RulePack pack;
  pack.rule("punct", rule_head("punct", "heading-punctuation", "info") + "check: " + which +
                         "\nmessage: '" + message + "'\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("heading-punctuation: each kind of wrong marker punctuation, with the right marker") {
  RuleSet rules = marker_rules();
  // 一 and 二 with a 下脚点 (ASCII or full-width) instead of a 顿号.
  CHECK(test::run(rules, "标题报告\n一.甲\n二．乙\n三、丙\n") ==
        Lines{"2:1-2:3 punct warning: 汉字一.→一、 => 一、",
              "3:1-3:3 punct warning: 汉字二．→二、 => 二、"});
  // Punctuation after a bracket; half-width and mixed brackets.
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）、子\n(二)子\n（三)子\n（四）．子\n（五）子\n") ==
        Lines{"3:1-3:5 punct warning: 括号后（一）、→（一） => （一）",
              "4:1-4:4 punct warning: 全角(二)→（二） => （二）",
              "5:1-5:4 punct warning: 全角（三)→（三） => （三）",
              "6:1-6:5 punct warning: 括号后（四）．→（四） => （四）"});
  // A 顿号 after a digit.
  CHECK(
      test::run(rules, "标题报告\n一、甲\n1、孙\n2、孙\n3.孙\n") ==
      Lines{"3:1-3:3 punct warning: 数字1、→1. => 1.", "4:1-4:3 punct warning: 数字2、→2. => 2."});
  // A closing bracket only.
  CHECK(test::run(rules, "标题报告\n一、甲\n1)孙\n2）孙\n") ==
        Lines{"3:1-3:3 punct warning: 全角1)→（1） => （1）",
              "4:1-4:3 punct warning: 全角2）→（2） => （2）"});
}

TEST_CASE("heading-punctuation: well-punctuated markers and odd forms give nothing") {
  CHECK(test::run(marker_rules(), "标题报告\n一、甲\n（一）子\n1.孙\n2．孙\n（1）曾孙\n①玄孙\n")
            .empty());
  // 3、 among 一、二、 is a slip of form: heading-form proposes 三、, this rule stays quiet.
  CHECK(test::run(marker_rules(), "标题报告\n一、甲\n二、乙\n3、丙\n").empty());
}

TEST_CASE("heading-punctuation: spaces between the number and the heading") {
  RuleSet rules = check_rules("spaces", "{found}后有空格（{expected}）");
  Report r = check(test::parse("标题报告\n一、 甲\n（一）\u3000\u3000子\n1.孙\n"
                               "3、[bookmark: _GoBack] 丁\n4、 [bookmark: _GoBack]戊\n"),
                   rules);
  CHECK(test::show(r) == Lines{"2:3-2:4 punct info: 一、后有空格（一、） => ",
                               "3:4-3:6 punct info: （一）后有空格（（一）） => ",
                               "6:3-6:4 punct info: 4、后有空格（4、） => "});
  for (const Finding& f : r.findings) CHECK(f.replacement == std::optional<std::string>(""));
}

TEST_CASE("heading-punctuation: siblings on their own line agree about a closing 。") {
  RuleSet rules = check_rules("terminator", "“{found}”与同级不一致（{expected}）");
  // One of three ends with 。: it is reported, and the 。 is removed.
  Report few = check(test::parse("标题报告\n一、甲\n（一）子。\n（二）子\n（三）子\n"), rules);
  CHECK(test::show(few) == Lines{"3:5-3:6 punct info: “（一）子”与同级不一致（（一）子） => "});
  // Two of three end with 。: the one without is reported where the 。 would go, with no fix.
  Report most = check(test::parse("标题报告\n一、甲\n（一）子。\n（二）子。\n（三）子\n"), rules);
  CHECK(test::show(most) == Lines{"5:5-5:5 punct info: “（三）子”与同级不一致（（三）子）"});
  // A tie: the first sibling sets the norm.
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）子\n（二）子。\n") ==
        Lines{"4:5-4:6 punct info: “（二）子”与同级不一致（（二）子） => "});
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）子。\n（二）子\n") ==
        Lines{"4:5-4:5 punct info: “（二）子”与同级不一致（（二）子）"});
  // Run-in headings (text after the 。) do not count; groups are judged on their own.
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）子。正文。\n（二）子。正文。\n（三）子\n二、乙\n")
            .empty());
  CHECK(test::run(rules, "标题报告\n一、甲。\n二、乙。\n（一）子\n（二）子\n").empty());
}

TEST_CASE("heading-punctuation: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("punct", rule_head("punct", "heading-punctuation") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("check: colons\nmessage: m\n") ==
        Lines{"punct/rule.yaml:5:8: 'check' must be marker, spaces or terminator, not 'colons'"});
  // check: marker (the default) needs all four messages; the others need only `message`.
  CHECK(errors("message: m\n") ==
        Lines{"punct/rule.yaml:1:1: missing required key 'chinese_message' in this rule",
              "punct/rule.yaml:1:1: missing required key 'arabic_message' in this rule",
              "punct/rule.yaml:1:1: missing required key 'bracket_message' in this rule"});
  CHECK(errors("check: spaces\nmessage: m\n").empty());
  CHECK(errors("check: terminator\nmessage: m\nchinese_message: m\n") ==
        Lines{"punct/rule.yaml:7:1: unknown key 'chinese_message' in this rule"});
  CHECK(errors("check: spaces\nmessage: '{heading}'\n") ==
        Lines{"punct/rule.yaml:6:10: unknown placeholder {heading} in 'message': this kind of "
              "rule provides {expected}, {found}"});
  CHECK(errors("message: m\nchinese_message: m\narabic_message: m\nbracket_message: '{usual}'\n") ==
        Lines{"punct/rule.yaml:8:18: unknown placeholder {usual} in 'bracket_message': this kind "
              "of rule provides {expected}, {found}"});
}

}  // namespace fzcheck
