// kind: title-year — the title's year, and the body's
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;

TEST_CASE("title-year: the title's year, and whether the body reports on the same year") {
  RuleSet year =
      one_rule("title-year",
               "message: 标题“{title}”没有年度\n"
               "mismatch_message: 标题是{title_year}年，正文是{body_year}年（{title}）\n");
  CHECK(test::run(year, report()).empty());
  CHECK(test::run(year, report("某局法治政府建设情况报告")) ==
        Lines{"1:1-1:13 m warning: 标题“某局法治政府建设情况报告”没有年度"});
  // The body mentions 2024 twice and 2025 once: the body year is 2024.
  CHECK(
      test::run(year, report("某局2023年度法治政府建设情况报告")) ==
      Lines{"1:1-1:19 m warning: 标题是2023年，正文是2024年（某局2023年度法治政府建设情况报告）"});
  // A year needs four digits before 年: 202年 and 12024年 are none.
  CHECK(test::run(year, report("某局202年和12024年报告")) ==
        Lines{"1:1-1:16 m warning: 标题“某局202年和12024年报告”没有年度"});

  RuleSet no_mismatch = one_rule("title-year", "message: 没有年度{title}\n");
  CHECK(test::run(no_mismatch, report("某局2023年度法治政府建设情况报告")).empty());
}

}  // namespace fzcheck
