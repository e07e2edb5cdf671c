// kind: truncated-text — one note at the end of a text that stops mid-sentence with no signature
// or date; nothing for a complete text.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

TEST_CASE("truncated-text: a cut-off text, and texts that are complete") {
  test::RulePack pack;
  pack.rule("cut", test::rule_head("cut", "truncated-text", "info") + "message: 第{line}行截断\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n全年召开会议3次，研究\n") ==
        test::Lines{"3:12-3:12 cut info: 第3行截断"});
  CHECK(test::run(rules, "标题报告\n一、工作\n（一）加强领导\n") ==
        test::Lines{"3:8-3:8 cut info: 第3行截断"});  // a heading line is no end either
  CHECK(test::run(rules, "标题报告\n一、工作\n全年召开会议3次。\n").empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n6.加强信息公开工作。\n").empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n全年召开会议\n某局\n2025年1月6日\n").empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n引用《规定》\n").empty());
}

}  // namespace fzcheck
