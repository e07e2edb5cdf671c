// find_report_year() and outside_titles(): the title's year first, else the year the opening
// text mentions most, never the years inside 《…》.
#include <doctest/doctest.h>

#include "facts/report_year.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

TEST_CASE("report year: the title's first year, else the body's") {
  ReportYear t =
      find_report_year(test::parse("某局关于2023年度法治政府建设情况的报告\n2024年2024年。\n"));
  CHECK(t.title == 2023);
  CHECK(t.body == 2024);
  CHECK(t.report == 2023);
  ReportYear chinese = find_report_year(test::parse("某局二〇二三年工作报告\n正文。\n"));
  CHECK(chinese.report == 2023);
  ReportYear body = find_report_year(
      test::parse("某局工作报告\n2022年，我局工作。\n一、2022年举措\n2022年完成。\n二、2023年安排\n"
                  "2023年将继续。2023年。2023年。\n"));
  CHECK_FALSE(body.title);
  CHECK(body.report == 2022);  // the preamble and the first part, not the plan
  CHECK_FALSE(find_report_year(test::parse("某局报告\n没有年份。\n")).report);
}

TEST_CASE("report year: years inside 《…》 are the titles', not the report's") {
  CHECK(outside_titles("对照《纲要（2021—2025年）》，2024年完成") == "对照，2024年完成");
  ReportYear y = find_report_year(test::parse(
      "某局工作报告\n落实《纲要（2021—2025年）》《规划（2021—2025年）》，2024年完成。\n"));
  CHECK(y.report == 2024);
}

TEST_CASE("report year: where the first year of a text starts") {
  CHECK(first_year_offset("某局2023年度报告") == std::string("某局").size());
  CHECK(first_year_offset("某局二〇二三年报告") == std::string("某局").size());
  CHECK(first_year_offset("2021—2023年") == std::string("2021—").size());  // a year needs 年
  CHECK_FALSE(first_year_offset("某局报告"));
  CHECK_FALSE(first_year_offset("第12345年"));  // five digits are no year
}

}  // namespace fzcheck::detail
