// kind: element-matches — the title or signature matches a pattern
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;

TEST_CASE("element-matches: the title or signature must match a pattern") {
  RuleSet organ = one_rule("element-matches",
                           "element: title\nany: ['^\\S{1,6}(局|政府)']\nmessage: "
                           "标题“{title}”没有机关名称\n");
  CHECK(test::run(organ, report()).empty());
  CHECK(test::run(organ, report("关于2024年度法治政府建设情况的报告")) ==
        Lines{"1:1-1:20 m warning: 标题“关于2024年度法治政府建设情况的报告”没有机关名称"});
  // A title on two lines matches line by line; the message shows it joined.
  CHECK(test::run(organ, report("某局2024年度法治政府\n建设情况报告")).empty());
  CHECK(test::run(organ, report("2024年度法治政府\n建设情况报告")) ==
        Lines{"1:1-2:7 m warning: 标题“2024年度法治政府建设情况报告”没有机关名称"});
  // No title at all: another rule says so.
  CHECK(test::run(organ, "一、主要举措\n正文。\n").empty());

  RuleSet signature = one_rule("element-matches",
                               "element: signature\nany: ['(局|政府)$']\nmessage: "
                               "落款“{signature}”不是机关\n");
  CHECK(test::run(signature, report()).empty());
  CHECK(test::run(signature, report("某局2024年度报告", "张三\n2025年2月24日\n")) ==
        Lines{"7:1-7:3 m warning: 落款“张三”不是机关"});
}

TEST_CASE("element-matches: load errors") {
  CHECK(test::kind_errors("element-matches", "element: date\nany: [甲]\nmessage: m\n") ==
        Lines{"m/rule.yaml:5:10: 'element' must be title or signature, not 'date'"});
  CHECK(test::kind_errors("element-matches", "element: title\nmessage: m\n") ==
        Lines{"m/rule.yaml:1:1: missing required key 'any' in this rule"});
}

}  // namespace fzcheck
