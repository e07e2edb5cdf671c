// report_organ(): who a report is from, for pairing it with the same organ's report of another
// year: the title's words before its year, else the signature.
#include <doctest/doctest.h>

#include "facts/organ.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

TEST_CASE("organ: the words of the title before its year, without spaces") {
  CHECK(report_organ(test::parse("平潭综合实验区公安局2021年政府信息公开工作年度报告\n正文。\n")) ==
        "平潭综合实验区公安局");
  CHECK(report_organ(test::parse("某县 司法局\u3000二〇二三年法治政府建设年度报告\n正文。\n")) ==
        "某县司法局");
  // Two title lines are one title.
  CHECK(report_organ(test::parse("某市人民政府\n2023年法治政府建设情况的报告\n正文。\n")) ==
        "某市人民政府");
}

TEST_CASE("organ: the signature when the title names no organ before its year") {
  CHECK(report_organ(test::parse(
            "2023年法治政府建设年度报告\n正文。\n某县司法局\n2024年1月5日\n")) == "某县司法局");
  CHECK(report_organ(test::parse("法治政府建设年度报告\n正文。\n某县 司法局\n2024年1月5日\n")) ==
        "某县司法局");
  CHECK(report_organ(test::parse("2023年法治政府建设年度报告\n正文。\n")).empty());
}

}  // namespace fzcheck::detail
