// kind: element-present — the report has a title, a signature and a date
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;

TEST_CASE("element-present: title, signature and date present or missing") {
  RuleSet title = one_rule("element-present", "element: title\nmessage: 没有标题\n", "error");
  CHECK(test::run(title, report()).empty());
  CHECK(test::run(title, "\n  2024年，我局推进工作。\n一、主要举措\n正文。\n") ==
        Lines{"2:3-2:3 m error: 没有标题"});

  RuleSet signature = one_rule("element-present", "element: signature\nmessage: 没有落款\n");
  CHECK(test::run(signature, report()).empty());
  // Missing: pointed at the end of the last line of text, trailing spaces and lines left out.
  CHECK(test::run(signature, report("某局2024年度报告", "2025年2月24日  \n\n")) ==
        Lines{"7:11-7:11 m warning: 没有落款"});

  RuleSet date = one_rule("element-present", "element: date\nmessage: 没有日期\n");
  CHECK(test::run(date, report()).empty());
  CHECK(test::run(date, report("某局2024年度报告", "某县教育局\n")) ==
        Lines{"7:6-7:6 m warning: 没有日期"});
}

TEST_CASE("element-present: load errors") {
  CHECK(test::kind_errors("element-present", "element: author\nmessage: m\n") ==
        Lines{"m/rule.yaml:5:10: 'element' must be title, signature or date, not 'author'"});
  CHECK(test::kind_errors("element-present", "message: m\n") ==
        Lines{"m/rule.yaml:1:1: missing required key 'element' in this rule"});
}

}  // namespace fzcheck
