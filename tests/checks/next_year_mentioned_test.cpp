// kind: next-year-mentioned — the plan names the next year
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;
using test::rule_head;

TEST_CASE("next-year-mentioned: the next-year part names the year after the report year") {
  const std::string part = rule_head("next-year", "required-section") +
                           "message: 缺\npart: next-year\nname: 下一年度\nheading: {any: [安排]}\n";
  RuleSet rules = one_rule("next-year-mentioned",
                           "scope: section:next-year\nany: [下一年度]\n"
                           "message: 没有写明{next_year}年（报告{year}年度）\n",
                           "info", part);
  CHECK(test::run(rules, report(), test::only_m()).empty());  // 二、2025年工作安排
  std::string vague =
      "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\n二、下一步工作安排\n继续努力。"
      "\n";
  CHECK(test::run(rules, vague, test::only_m()) ==
        Lines{"4:1-4:10 m info: 没有写明2025年（报告2024年度）"});
  CHECK(test::run(rules,
                  "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\n二、工作安排\n"
                  "下一年度继续努力。\n",
                  test::only_m())
            .empty());
  // The part missing, or no report year: nothing to say.
  CHECK(test::run(rules, "某局关于2024年度的报告\n一、主要举措\n正文。\n", test::only_m()).empty());
  CHECK(test::run(rules, "某局的报告\n一、举措\n正文。\n二、工作安排\n继续。\n", test::only_m())
            .empty());

  // Another scope points at its start.
  RuleSet body = one_rule("next-year-mentioned", "scope: text\nmessage: 没有{next_year}年\n");
  CHECK(test::run(body, "某局2024年度报告\n导语。\n一、举措\n继续。\n") ==
        Lines{"2:1-2:1 m warning: 没有2025年"});
}

}  // namespace fzcheck
