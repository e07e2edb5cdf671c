// Awkward documents checked with the built-in rules: a text fzcheck cannot type, a report with no
// headings at all, a report that is one paragraph, a report whose only numbered lines are the rows
// of a table. Each gets a true result: the type it was checked as and exactly the warnings and
// errors a reviewer would give, never a wall of part errors for parts that are there.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;

struct Outcome {
  std::string type;
  Lines findings;                            // "line:rule severity", notes (info) left out
  std::map<std::string, std::string> parts;  // part → how
};

Outcome check_builtin(const std::string& text) {
  Report report = check(test::parse(text), RuleSet::builtin());
  Outcome o;
  o.type = report.type.id;
  for (const Finding& f : report.findings) {
    if (f.severity == Severity::info) continue;
    o.findings.push_back(std::to_string(f.begin.line) + ":" + f.rule_id + " " +
                         to_string(f.severity));
  }
  for (const PartStatus& p : report.parts) o.parts[p.id] = to_string(p.how);
  return o;
}

}  // namespace

TEST_CASE("awkward shapes: a text that is no known document is checked as a 公文 and passes") {
  Outcome o = check_builtin("今天天气很好，我们去公园散步。\n");
  CHECK(o.type == "gongwen");
  CHECK(o.findings == Lines{});
  CHECK(o.parts.empty());
}

TEST_CASE("awkward shapes: a report without headings has its measures in the text") {
  Outcome o = check_builtin(
      "某某局2024年度法治政府建设情况报告\n\n2024年，我局开展了普法工作，加强了执法监督。\n\n"
      "但仍存在一些不足，主要是执法人员力量不足，原因是编制有限。\n\n"
      "2025年，我局将继续推进法治政府建设。\n\n某某局\n2025年1月10日\n");
  CHECK(o.type == "fazhi-report");
  // The 不足 and the plan are unheaded paragraphs (info); only 第一责任人 is absent.
  CHECK(o.parts == std::map<std::string, std::string>{{"measures", "paragraph"},
                                                      {"shortcomings", "paragraph"},
                                                      {"next-year", "paragraph"},
                                                      {"first-responsible", "missing"}});
  CHECK(o.findings == Lines{"1:part-first-responsible error"});
}

TEST_CASE("awkward shapes: a report in one paragraph") {
  Outcome o = check_builtin(
      "某某局2024年度法治政府建设情况报告\n2024年，我局推进依法行政，主要负责人履行推进法治建设第一"
      "责任人职责，但仍存在执法力量不足的问题，原因是编制有限。2025年，我局将继续推进法治政府建设。"
      "\n");
  CHECK(o.type == "fazhi-report");
  CHECK(o.parts.at("measures") == "paragraph");
  CHECK(o.parts.at("first-responsible") == "sentence");
  // No signature and no date: the only warnings; every part's content is in the paragraph.
  CHECK(o.findings == Lines{"2:date-present warning", "2:signature-present warning"});
}

TEST_CASE("awkward shapes: a report whose only numbered lines are table rows") {
  Outcome o = check_builtin(
      "某某局2024年政府信息公开工作年度报告\n"
      "一、本年新收政府信息公开申请数量\t5\n"
      "二、上年结转政府信息公开申请数量\t1\n"
      "四、本年度办理结果\t6\n"
      "\n某某局\n2025年1月10日\n");
  CHECK(o.type == "xxgk-report");
  // 一、二、四 are rows, not headings: no numbering gap, no fazhi parts. (The report's own pack
  // says what it lacks: its parts and its tables.)
  for (const std::string& line : o.findings) {
    CHECK(line.find("heading") == std::string::npos);
    bool own_pack =
        line.find(":part-") != std::string::npos || line.find(":table-") != std::string::npos;
    CHECK(own_pack);
  }
  for (const char* fazhi : {"measures", "shortcomings", "first-responsible", "next-year"})
    CHECK(o.parts.count(fazhi) == 0);
}

}  // namespace fzcheck
