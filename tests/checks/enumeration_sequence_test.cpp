// kind: enumeration-sequence — 一是、二是… count up by one under each heading; repeats and gaps
// are reported, 一是 starts a new series, words inside other words do not count.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet enumeration_rules() {
  RulePack pack;
  pack.rule("en", rule_head("en", "enumeration-sequence") +
                      "enumeration: '([一二三四五六七八九十]+)是'\n"
                      "message: '{found}在{previous}之后，应为{expected}'\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("enumeration-sequence: a repeat and a gap, each reported where it is") {
  CHECK(
      test::run(
          enumeration_rules(),
          "标题报告\n一、工作\n一是甲。二是乙。二是丙。\n（一）执法\n一是甲。三是乙。四是丙。\n") ==
      Lines{"3:9-3:11 en warning: 二是在2之后，应为三是",
            "5:5-5:7 en warning: 三是在1之后，应为二是"});
}

TEST_CASE(
    "enumeration-sequence: series across paragraphs, restarts, and words that are not items") {
  RuleSet rules = enumeration_rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n一是甲。\n二是乙。\n三是丙。\n一是又一组。二是。\n")
            .empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n一是甲，统一是关键，唯一是要求。二是乙。\n").empty());
  // Another heading starts another series.
  CHECK(test::run(rules, "标题报告\n一、工作\n一是甲。二是乙。\n二、问题\n二是丙。\n") == Lines{});
  CHECK(test::run(rules, "标题报告\n一、工作\n一是甲。十是乙。\n") ==
        Lines{"3:5-3:7 en warning: 十是在1之后，应为二是"});
}

TEST_CASE("enumeration-sequence: load errors") {
  RulePack pack;
  pack.rule("a", rule_head("a", "enumeration-sequence") + "enumeration: 一是\nmessage: m\n")
      .rule("b", rule_head("b", "enumeration-sequence") + "message: '{what}'\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"a/rule.yaml:5:14: 'enumeration' must be a regular expression whose first group "
              "captures the Chinese numeral, such as '([一二三四五六七八九十]+)是'",
              "b/rule.yaml:1:1: missing required key 'enumeration' in this rule",
              "b/rule.yaml:5:10: unknown placeholder {what} in 'message': this kind of rule "
              "provides {expected}, {found}, {previous}"});
}

}  // namespace fzcheck
