// kind: table-sum — a table found by its labels, rows and columns named, sums that must hold.
// The kind is generic: these tests use a small invented table (a budget), not the 信息公开 one.
#include <doctest/doctest.h>

#include <algorithm>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kBudget =
    "table:\n"
    "  name: 经费表\n"
    "  anchors: [期初, 期末]\n"
    "  values: 3\n"
    "  integer: true\n"
    "  zero: ['-', 无]\n"
    "  units: [元]\n"
    "  columns: [{key: a, name: 甲}, {key: b, name: 乙}, {key: total, name: 合计, total: true}]\n"
    "  rows:\n"
    "    - {key: open, name: 期初, label: '期初'}\n"
    "    - {key: in, name: 收入, label: '收入'}\n"
    "    - {key: out, name: 支出, label: '支出'}\n"
    "    - {key: refund, name: 退回, label: '退回', optional: true}\n"
    "    - {key: close, name: 期末, label: '期末'}\n"
    "identities:\n"
    "  - {each: column, lhs: [open, in], rhs: [out, refund, close], severity: error}\n"
    "  - each: row\n"
    "    lhs: [a, b]\n"
    "    rhs: [total]\n"
    "    message: '{table}“{row}”行：{lhs_terms}={lhs}，{rhs_terms}={rhs}，相差{difference}'\n"
    "message: '{table}“{column}”列：{lhs_terms}={lhs}，{rhs_terms}={rhs}，相差{difference}'\n"
    "missing_message: 没有{table}\n"
    "unparsed_message: '{table}第{line}行（{row}）有{count}个数，应为{expected}个'\n"
    "integer_message: '{table}“{row}”行的“{text}”不是整数'\n";

RuleSet budget_rules(const std::string& rule = kBudget) {
  RulePack pack;
  pack.rule("budget", rule_head("budget", "table-sum") + rule);
  return pack.rules();
}

std::string report(const std::string& rows) {
  return "某单位经费情况\n一、经费\n[表格]\n项目\t甲\t乙\t合计\n" + rows +
         "[/表格]\n二、其他\n无。\n";
}

}  // namespace

TEST_CASE("table-sum: sums that hold give nothing, blank and zero cells count 0") {
  CHECK(test::run(budget_rules(), report("期初\t1\t2\t3\n收入\t10\t\t10\n支出\t5\t-\t5\n"
                                         "期末\t6\t2元\t8\n")) == Lines{});
}

TEST_CASE("table-sum: a column that does not add up, at its first right-hand cell") {
  CHECK(test::run(budget_rules(), report("期初\t1\t2\t3\n收入\t10\t0\t10\n支出\t5\t0\t5\n"
                                         "期末\t7\t2\t9\n")) ==
        Lines{"7:4-7:5 budget error: 经费表“甲”列：期初+收入=11，支出+期末=12，相差1",
              "7:8-7:9 budget error: 经费表“合计”列：期初+收入=13，支出+期末=14，相差1"});
}

TEST_CASE("table-sum: a row that does not add up, the row's identity has its own message") {
  CHECK(test::run(budget_rules(), report("期初\t1\t2\t4\n收入\t0\t0\t0\n支出\t0\t0\t0\n"
                                         "期末\t1\t2\t4\n")) ==
        Lines{"5:8-5:9 budget warning: 经费表“期初”行：甲+乙=3，合计=4，相差1",
              "8:8-8:9 budget warning: 经费表“期末”行：甲+乙=3，合计=4，相差1"});
}

TEST_CASE("table-sum: an optional row counts when present, and 0 when absent") {
  auto rules = budget_rules();
  CHECK(test::run(rules, report("期初\t1\t0\t1\n收入\t0\t0\t0\n支出\t0\t0\t0\n退回\t1\t0\t1\n"
                                "期末\t0\t0\t0\n")) == Lines{});
}

TEST_CASE("table-sum: a required row that is missing: its sums are not checked") {
  CHECK(test::run(budget_rules(), report("期初\t1\t0\t1\n收入\t0\t0\t0\n期末\t5\t0\t5\n")) ==
        Lines{});
}

TEST_CASE("table-sum: a blank total is not given: that sum is skipped, the others are not") {
  CHECK(test::run(budget_rules(), report("期初\t1\t2\t\n收入\t0\t0\t0\n支出\t0\t0\t0\n"
                                         "期末\t1\t3\t4\n")) ==
        Lines{"7:6-7:7 budget error: 经费表“乙”列：期初+收入=2，支出+期末=3，相差1"});
}

TEST_CASE("table-sum: text where a number should be: one note, and no sum over shifted cells") {
  CHECK(test::run(budget_rules(), report("期初\t1\t约2\t3\n收入\t0\t0\t0\n支出\t0\t0\t0\n"
                                         "期末\t9\t9\t9\n")) ==
        Lines{"5:6-5:8 budget info: 经费表第5行（期初）有1个数，应为3个"});
  // Digits run together (a flattened table): the same.
  CHECK(test::run(budget_rules(),
                  report("期初\t123\n收入\t0\t0\t0\n支出\t0\t0\t0\n期末\t9\t9\t9\n")) ==
        Lines{"5:1-5:3 budget info: 经费表第5行（期初）有1个数，应为3个"});
}

TEST_CASE("table-sum: a column added to the table: one note, and no sum over shifted cells") {
  CHECK(test::run(budget_rules(), report("期初\t1\t2\t0\t3\n收入\t0\t0\t0\t0\n支出\t0\t0\t0\t0\n"
                                         "期末\t1\t2\t0\t3\n")) ==
        Lines{"5:4-5:5 budget info: 经费表第5行（期初）有4个数，应为3个"});
}

TEST_CASE("table-sum: whole numbers are asked for, a unit is read") {
  CHECK(test::run(budget_rules(), report("期初\t1.5\t0\t1.5\n收入\t0\t0\t0\n支出\t0\t0\t0\n"
                                         "期末\t1.5\t0\t1.5\n")) ==
        Lines{"5:4-5:7 budget warning: 经费表“期初”行的“1.5”不是整数",
              "5:10-5:13 budget warning: 经费表“期初”行的“1.5”不是整数",
              "8:4-8:7 budget warning: 经费表“期末”行的“1.5”不是整数",
              "8:10-8:13 budget warning: 经费表“期末”行的“1.5”不是整数"});
}

TEST_CASE("table-sum: a table that is not there, or only its labels in the text") {
  auto rules = budget_rules();
  CHECK(test::run(rules, "某单位经费情况\n一、经费\n没有表格。\n") ==
        Lines{"1:1-1:1 budget warning: 没有经费表"});
  CHECK(test::run(rules, "某单位经费情况\n一、经费\n期初1 2 3，期末4 5 6。\n") ==
        Lines{"3:1-3:3 budget info: 经费表第3行（期初）有0个数，应为3个"});
}

TEST_CASE("table-sum: a table broken over two pages is read as one") {
  CHECK(test::run(budget_rules(),
                  "某单位经费情况\n一、经费\n项目\t甲\t乙\t合计\n期初\t1\t0\t1\n收入\t1\t0\t1\n\n"
                  "支出\t0\t0\t0\n期末\t3\t0\t3\n") ==
        Lines{"7:4-7:5 budget error: 经费表“甲”列：期初+收入=2，支出+期末=3，相差1",
              "7:8-7:9 budget error: 经费表“合计”列：期初+收入=2，支出+期末=3，相差1"});
}

TEST_CASE("table-sum: merged cells from HTML: a row without values of its own counts 0") {
  std::string html =
      "<html><body><p>某单位经费情况</p><p>一、经费</p><table>"
      "<tr><td>项目</td><td>甲</td><td>乙</td><td>合计</td></tr>"
      "<tr><td>期初</td><td>1</td><td>0</td><td>1</td></tr>"
      "<tr><td>收入</td><td rowspan=\"2\">1</td><td rowspan=\"2\">0</td><td "
      "rowspan=\"2\">1</td></tr>"
      "<tr><td>退回</td></tr>"
      "<tr><td>支出</td><td>0</td><td>0</td><td>0</td></tr>"
      "<tr><td>期末</td><td>2</td><td>0</td><td>2</td></tr>"
      "</table></body></html>";
  ReadOptions o;
  o.format = InputFormat::html;
  auto doc = read_bytes(html, "t.html", o);
  REQUIRE(doc.ok());
  CHECK(test::show(check(*doc, budget_rules())) == Lines{});
}

TEST_CASE("table-sum: rule files are checked: keys of the table, identities, counts") {
  RulePack pack;
  pack.rule("budget", rule_head("budget", "table-sum") +
                          "table:\n  name: 表\n  anchors: [甲]\n  values: 2\n"
                          "  columns: [{key: a}]\n  rows: [{key: x, label: 甲}, {key: x}]\n"
                          "identities:\n  - {each: diagonal, lhs: [x], rhs: [nope]}\n"
                          "message: '{table}{nothing}'\n");
  Lines errors = test::errors(pack.load(), pack.path());
  auto has = [&](const std::string& part) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const std::string& e) { return e.find(part) != std::string::npos; });
  };
  CHECK(has("1 columns named for 2 value cells"));
  CHECK(has("duplicate key 'x'"));
  CHECK(has("expected 'column' or 'row'"));
  CHECK(has("'nope' is not a row key of the table"));
  CHECK(has("nothing"));
}

}  // namespace fzcheck

namespace fzcheck {

TEST_CASE("table-sum: figures the text quotes are compared with the cells they stand for") {
  std::string rule = kBudget +
                     "figures:\n"
                     "  - match: '期末结余(\\d+)元'\n"
                     "    readings: [close/total, close/total + refund/total]\n"
                     "    message: 正文{text}（{figure}），{table}为{value}\n"
                     "  - match: '没有收入'\n"
                     "    readings: [in/total]\n"
                     "    message: 正文{text}，{table}为{value}\n";
  auto rules = budget_rules(rule);
  const std::string table = "期初\t1\t2\t3\n收入\t10\t0\t10\n支出\t5\t0\t5\n期末\t6\t2\t8\n";
  CHECK(test::run(rules, "某单位经费情况\n期末结余8元。\n一、经费\n[表格]\n项目\t甲\t乙\t合计\n" +
                             table + "[/表格]\n") == Lines{});
  CHECK(
      test::run(rules,
                "某单位经费情况\n期末结余9元，没有收入。\n一、经费\n[表格]\n项目\t甲\t乙\t合计\n" +
                    table + "[/表格]\n") ==
      Lines{"2:1-2:7 budget warning: 正文期末结余9元（9），经费表为8",
            "2:8-2:12 budget warning: 正文没有收入，经费表为10"});
  // The table's own cells are not text: a row labelled 期末结余 is not a figure.
  CHECK(test::run(rules, "某单位经费情况\n一、经费\n[表格]\n项目\t甲\t乙\t合计\n" + table +
                             "期末结余9元\t0\t0\t0\n[/表格]\n") == Lines{});
}

}  // namespace fzcheck

namespace fzcheck {

TEST_CASE("table-sum: previous:KEY reads last year's table, and is skipped without it") {
  std::string rule = kBudget;
  rule.replace(rule.find("identities:\n"), 12,
               "identities:\n"
               "  - {each: column, lhs: [open], rhs: ['previous:close'], lhs_terms: 今年期初,"
               " rhs_terms: 去年期末}\n");
  auto rules = budget_rules(rule);
  auto this_year =
      test::parse(report("期初\t1\t2\t3\n收入\t0\t0\t0\n支出\t0\t0\t0\n期末\t1\t2\t3\n"));
  CheckOptions alone;
  CHECK(test::show(check(this_year, rules, alone)) == Lines{});
  CheckOptions with;
  with.previous = std::make_shared<const Document>(
      test::parse(report("期初\t0\t0\t0\n收入\t1\t3\t4\n支出\t0\t0\t0\n期末\t1\t3\t4\n")));
  CHECK(test::show(check(this_year, rules, with)) ==
        Lines{"5:6-5:7 budget warning: 经费表“乙”列：今年期初=2，去年期末=3，相差1",
              "5:8-5:9 budget warning: 经费表“合计”列：今年期初=3，去年期末=4，相差1"});
  // Last year's table cannot be read: nothing is compared.
  with.previous = std::make_shared<const Document>(test::parse("去年\n没有表格。\n"));
  CHECK(test::show(check(this_year, rules, with)) == Lines{});
}

TEST_CASE("table-sum: a cell of 40 digits is summed and written without overflow") {
  // Found by fuzz/fuzz_check: the sum was cast to long long to be written (undefined behaviour).
  const std::string huge = "8888888888888888888888888888888888888888";
  const std::string big = "8.888888888888889e+39";
  CHECK(
      test::run(budget_rules(), report("期初\t1\t2\t3\n收入\t" + huge +
                                       "\t0\t0\n支出\t0\t0\t0\n期末\t1\t2\t3\n")) ==
      Lines{"6:47-6:48 budget warning: 经费表“收入”行：甲+乙=" + big + "，合计=0，相差" + big,
            "7:4-7:5 budget error: 经费表“甲”列：期初+收入=" + big + "，支出+期末=1，相差" + big});
}

TEST_CASE("table-sum: previous:KEY in an each-row identity reads the same row of last year") {
  std::string rule = kBudget;
  rule.replace(
      rule.find("identities:\n"), 12,
      "identities:\n"
      "  - {each: row, lhs: [a], rhs: ['previous:b'], lhs_terms: 今年甲, rhs_terms: 去年乙,\n"
      "     message: '{table}“{row}”行：{lhs_terms}={lhs}，{rhs_terms}={rhs}'}\n");
  auto rules = budget_rules(rule);
  auto this_year =
      test::parse(report("期初\t1\t2\t3\n收入\t4\t0\t4\n支出\t0\t0\t0\n期末\t5\t2\t7\n"));
  CheckOptions with;
  // Last year's 乙 is this year's 甲 in every row but 收入.
  with.previous = std::make_shared<const Document>(
      test::parse(report("期初\t0\t1\t1\n收入\t0\t3\t3\n支出\t0\t0\t0\n期末\t0\t5\t5\n")));
  CHECK(test::show(check(this_year, rules, with)) ==
        Lines{"6:4-6:5 budget warning: 经费表“收入”行：今年甲=4，去年乙=3"});
}

}  // namespace fzcheck
