// The batch table: columns from the packs (parts and rule columns), a row per report, CSV for
// Excel and WPS.
#include <doctest/doctest.h>

#include <sstream>

#include <fmt/format.h>

#include "fzcheck/summary.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

std::string section(const std::string& id, const std::string& heading) {
  return rule_head(id, "required-section", "error") + "part: " + id + "\nname: " + heading +
         "部分\nheading: {any: [" + heading + "]}\nmessage: 缺少" + heading + "\n";
}

void add_rules(RulePack& p) {
  p.rule("a", section("a", "举措"))
      .rule("b", section("b", "不足"))
      .rule("bad-word", rule_head("bad-word", "pattern", "warning") +
                            "message: 不要写“{match}”\nterms: [错字]\n")
      .rule("note-word", rule_head("note-word", "pattern", "info") +
                             "message: 注意“{match}”\nterms: [提示字]\n");
}

const char* kColumns =
    "summary:\n"
    "  - part: b\n"
    "  - {title: 用字, rule: bad-word, cells: {pass: 好, warning: 有错字}}\n"
    "  - {title: 提示, rule: note-word, part: b, cells: {pass: 无}}\n";

std::string csv(const RuleSet& rules, const std::vector<std::string>& texts) {
  std::ostringstream out;
  SummaryCsvWriter writer(out, rules);
  int n = 0;
  for (const std::string& text : texts) {
    Document doc = test::parse(text, fmt::format("r{}.txt", ++n));
    writer.add(check(doc, rules), doc);
  }
  writer.add_error("gone, \"really\".txt", Error{ErrorCode::not_found, "no such file", "", {}});
  return out.str();
}

}  // namespace

TEST_CASE("summary: the pack's columns, a row per report, CSV with BOM and CRLF") {
  RulePack p("t", kColumns);
  add_rules(p);
  RuleSet rules = p.rules();
  const std::string full =
      "某局2024年度报告\n一、举措\n有错字，提示字。\n二、不足\n正文。\n某局\n2025年1月5日\n";
  const std::string partial = "某局2023年度报告\n一、举措\n正文。\n某局\n2024年1月5日\n";
  CHECK(csv(rules, {full, partial}) ==
        "\xEF\xBB\xBF"
        "文件,标题,落款机关,年度,文件类型,不足部分,用字,提示,错误,警告,提示,最严重的问题\r\n"
        "r1.txt,某局2024年度报告,某局,2024,,✓,有错字,提示,0,1,1,第3行：不要写“错字”\r\n"
        "r2.txt,某局2023年度报告,某局,2023,,缺,好,—,1,0,0,第1行：缺少不足\r\n"
        "\"gone, \"\"really\"\".txt\",,,,,,,,,,,无法读取：no such file\r\n");
}

TEST_CASE("summary: with a baseline the counts are the new findings', the columns read them all") {
  RulePack p("t", kColumns);
  add_rules(p);
  RuleSet rules = p.rules();
  const std::string text =
      "某局2024年度报告\n一、举措\n有错字，提示字。\n二、不足\n正文。\n某局\n2025年1月5日\n";
  Document doc = test::parse(text, "r.txt");
  Report report = check(doc, rules);
  REQUIRE(report.findings.size() == 2);  // 错字 and 提示字
  // The baseline had 错字: it still says 有错字 in its column, but counts as nothing.
  BaselineMatch match{"r.txt", {report.findings[0]}};
  report.findings.erase(report.findings.begin());
  report.baseline = std::move(match);
  SummaryTable table(rules);
  SummaryRow row = table.row(report, doc);
  CHECK(row.cells == Lines{"✓", "有错字", "提示"});
  CHECK(row.counts[0] == 1);  // info
  CHECK(row.counts[1] == 0);  // warning
  CHECK(row.worst == "第3行：注意“提示字”");
}

TEST_CASE("summary: a pack that names no part gets a column for each, English") {
  RulePack p;
  add_rules(p);
  RuleSet rules = p.rules();
  SummaryTable table(rules, "en");
  CHECK(table.columns() == Lines{"举措部分", "不足部分"});
  CHECK(table.header() == Lines{"file", "title", "organ (signature)", "year", "document type",
                                "举措部分", "不足部分", "error", "warning", "info",
                                "worst finding"});
  Document doc = test::parse("某局报告\n一、不足\n正文。\n", "x.txt");
  SummaryRow row = table.row(check(doc, rules), doc);
  CHECK(row.cells == Lines{"missing", "✓"});
  CHECK(row.worst == "line 1: 缺少举措");
  CHECK(row.worst_severity == Severity::error);
}

TEST_CASE("summary: the built-in packs on the sample reports") {
  std::ostringstream out;
  SummaryCsvWriter writer(out, RuleSet::builtin());
  for (std::string name :
       {"examples/reports/000_564c8ac60a8ddf78", "examples/reports/004_982b1b364f1fe93d",
        "tests/corpus/xxgk/pingtan-haitan-2024"}) {
    auto doc = read_document(test::source_path(name + ".txt"));
    REQUIRE(doc);
    doc->name = name.substr(name.rfind('/') + 1);
    writer.add(check(*doc, RuleSet::builtin()), *doc);
  }
  std::istringstream lines(out.str());
  std::string header, first, second, third;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  // Each pack's columns: fazhi-report's, then xxgk-report's six parts in the order of its format
  // and whether its 第三张表 adds up.
  CHECK(header.find("主要举措和成效,存在的不足和原因,党政主要负责人履行推进法治建设第一责任人职责情"
                    "况,下一年度主要安排,原因,三项制度,总体情况,主动公开政府信息情况,"
                    "收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,"
                    "存在的主要问题及改进情况,其他需要报告的事项,勾稽关系,错误,警告,提示,") !=
        std::string::npos);
  // 000: no 第一责任人 part; causes only partly given; not all three systems.
  CHECK(first.rfind("000_564c8ac60a8ddf78,索县教育局2024年度法治政府建设情况报告,,2024,"
                    "法治政府建设年度报告,✓,✓,缺,✓,部分,未全说明,—,—,—,—,—,—,—,1,",
                    0) == 0);
  // 004: no 不足 part (so no causes column), 第一责任人 inside another part.
  CHECK(second.rfind("004_982b1b364f1fe93d,第七师胡杨河市教育局2022年法治政府建设工作报告,,2022,"
                     "法治政府建设年度报告,✓,缺,内含,✓,—,✓,—,—,—,—,—,—,—,2,",
                     0) == 0);
  // A 政府信息公开工作年度报告: the 法治 columns do not apply, its six parts are there, and its
  // 第三张表 does not add up.
  CHECK(third.rfind(
            "pingtan-haitan-2024,平潭综合实验区海坛片区管理局 2024年度政府信息公开工作年度报告,"
            "平潭综合实验区海坛片区管理局,2024,政府信息公开工作年度报告,—,—,—,—,—,—,✓,✓,✓,✓,✓,✓,"
            "不符,0,",
            0) == 0);
}

TEST_CASE("summary: load errors in pack.yaml") {
  RulePack p("t",
             "summary:\n"
             "  - {title: 甲, rule: no-such-rule, cells: {pass: 好}}\n"
             "  - {title: 乙}\n"
             "  - 丙\n");
  add_rules(p);
  CHECK(test::errors(p.load(), p.path()) ==
        Lines{"pack.yaml:4:22: unknown rule 'no-such-rule' in 'summary'",
              "pack.yaml:5:5: a summary column has either 'rule' (with 'title' and 'cells') or "
              "'part'",
              "pack.yaml:5:6: unknown key 'title' in this item of 'summary'",
              "pack.yaml:6:5: each summary column is a mapping: {part: ID} or {title, rule, "
              "cells}"});
}

TEST_CASE(
    "summary: a pack that extends another shows its parts, a rule it disables judges nothing") {
  test::TempDir dir;
  dir.write("base/pack.yaml", std::string("id: base\ntitle: 基础\n") + kColumns);
  for (const auto& [id, yaml] : {std::pair<std::string, std::string>{"a", section("a", "举措")},
                                 {"b", section("b", "不足")},
                                 {"bad-word", rule_head("bad-word", "pattern", "warning") +
                                                  "message: 不要写“{match}”\nterms: [错字]\n"},
                                 {"note-word", rule_head("note-word", "pattern", "info") +
                                                   "message: 注意“{match}”\nterms: [提示字]\n"}})
    dir.write("base/" + id + "/rule.yaml", yaml);
  dir.write("local/pack.yaml",
            "id: local\ntitle: 本地\nextends: base\noverrides: [{rule: bad-word, disable: "
            "true}]\nsummary:\n  - part: a\n  - part: 'base:b'\n");
  auto rules = RuleSet::load({dir.path()});
  REQUIRE(rules.ok());
  SummaryTable table(*rules);
  CHECK(table.columns() == Lines{"不足部分", "用字", "提示", "举措部分", "不足部分"});
  Document doc = test::parse("某局报告\n一、举措\n有错字。\n", "x.txt");
  SummaryRow row = table.row(check(doc, *rules), doc);
  CHECK(row.cells == Lines{"缺", "—", "—", "✓", "缺"});
}

}  // namespace fzcheck
