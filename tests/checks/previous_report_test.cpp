// kind: previous-report — this year's report beside last year's: passages copied from it (years
// folded, tables left out), a part nearly the same as last year's, last year's plan items looked
// for in this year's measures, tables whose numbers are all last year's; nothing without a
// previous report; every key's error.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kParts = rule_head("part-measures", "required-section") +
                           "message: 缺举措\npart: measures\nname: 举措\nheading: {any: [举措]}\n";
const std::string kPlanPart = rule_head("part-plan", "required-section") +
                              "message: 缺安排\npart: plan\nname: 安排\nheading: {any: [安排]}\n";
const std::string kProblemsPart =
    rule_head("part-problems", "required-section") +
    "message: 缺问题\npart: problems\nname: 问题及改进\nheading: {any: [问题]}\n";

RuleSet rules(const std::string& id, const std::string& body) {
  RulePack pack;
  pack.rule("part-measures", kParts)
      .rule("part-plan", kPlanPart)
      .rule("part-problems", kProblemsPart)
      .rule(id, rule_head(id, "previous-report") + body);
  return pack.rules();
}

const std::string kMessage =
    "message: '{length}字同上年（{previous}第{previous_line}行，“{previous_part}”），在“{part}”'\n";
const std::string kPassages = "compare: passages\nmin_length: 20\n" + kMessage;

// Checks `now` beside `last` with only rule `id`.
Lines run(const RuleSet& set, const std::string& id, const std::string& now,
          const std::optional<std::string>& last) {
  CheckOptions options;
  options.only = {id};
  if (last) options.previous = std::make_shared<const Document>(test::parse(*last, "last.txt"));
  Report r = check(test::parse(now, "now.txt"), set, options);
  CHECK(r.previous == (last ? "last.txt" : ""));
  Lines out;
  for (const Finding& f : r.findings) out.push_back(test::show(f));
  return out;
}

// Twenty-one distinct characters, and a text of the same length without any of them.
const std::string kCopy = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌";

std::string report(int year, const std::string& measures, const std::string& plan = "无。",
                   const std::string& problems = "无。") {
  const std::string y = std::to_string(year);
  return "某局" + y + "年度报告\n前言。\n一、主要举措\n" + measures + "\n二、存在的问题\n" +
         problems + "\n三、" + std::to_string(year + 1) + "年工作安排\n" + plan + "\n某局\n" +
         std::to_string(year + 1) + "年1月20日\n";
}

}  // namespace

TEST_CASE("previous-report: nothing without last year's report") {
  RuleSet set = rules("copy", kPassages);
  CHECK(run(set, "copy", report(2023, kCopy + "。"), std::nullopt).empty());
}

TEST_CASE("previous-report: passages copied from last year's report, years folded") {
  RuleSet set = rules("copy", kPassages);
  // The same passage, with the year changed: one finding at this year's copy.
  const std::string last = report(2022, "前言不同。2022年" + kCopy + "。");
  const std::string now = report(2023, "本年另写。2023年" + kCopy + "。");
  CHECK(
      run(set, "copy", now, last) ==
      Lines{
          "4:6-4:33 copy warning: 27字同上年（last.txt第4行，“一、主要举措”），在“一、主要举措”"});
  // Without folding the years, the copy starts at the 年 after the year.
  RuleSet strict = rules("copy", kPassages + "ignore_years: false\n");
  CHECK(
      run(strict, "copy", now, last) ==
      Lines{
          "4:10-4:33 copy warning: 23字同上年（last.txt第4行，“一、主要举措”），在“一、主要举措”"});
  // Nothing in common: nothing.
  CHECK(run(set, "copy", report(2023, "完全不同的内容，写的是本年度的工作，没有一句照抄。"), last)
            .empty());
  // One character short of the minimum: nothing.
  RuleSet longer = rules("copy", "compare: passages\nmin_length: 29\n" + kMessage);
  CHECK(run(longer, "copy", now, last).empty());
}

TEST_CASE("previous-report: passages with numbers folded, and table rows left out") {
  // Numbers differ in every few characters: only with ignore_numbers is it one copy.
  const std::string last =
      report(2022, "办理12件甲乙丙丁戊，受理34件己庚辛壬癸，答复56件子丑寅卯。");
  const std::string now =
      report(2023, "办理21件甲乙丙丁戊，受理43件己庚辛壬癸，答复65件子丑寅卯。");
  CHECK(run(rules("copy", kPassages), "copy", now, last).empty());
  // (The heading both years have is part of the copy: 6 + 32 characters.)
  CHECK(
      run(rules("copy", kPassages + "ignore_numbers: true\n"), "copy", now, last) ==
      Lines{
          "3:1-4:33 copy warning: 38字同上年（last.txt第3行，“一、主要举措”），在“一、主要举措”"});
  // A table that is the same every year is not a copied passage, unless asked.
  const std::string table = "项目\t甲乙丙丁戊己庚辛\t壬癸子丑寅卯辰巳\t午未申酉戌亥";
  const std::string last_table = report(2022, "上年的正文。\n" + table);
  const std::string now_table = report(2023, "本年的正文。\n" + table);
  CHECK(run(rules("copy", kPassages), "copy", now_table, last_table).empty());
  CHECK(run(rules("copy", kPassages + "skip_tables: false\n"), "copy", now_table, last_table)
            .size() == 1);
}

TEST_CASE("previous-report: a scope compares the same part of both reports") {
  RuleSet set = rules("copy", kPassages + "scope: section:problems\n");
  // The copy is in the measures: the problems part is not.
  const std::string last = report(2022, kCopy + "。", "无。", "上年的问题。");
  CHECK(run(set, "copy", report(2023, kCopy + "。", "无。", "本年的问题。"), last).empty());
  // Last year's measures copied into this year's problems: not the same part, not compared.
  CHECK(run(set, "copy", report(2023, "本年的举措。", "无。", kCopy + "。"), last).empty());
  // The problems copied.
  const std::string last_problems = report(2022, "举措。", "无。", kCopy + "。");
  CHECK(run(set, "copy", report(2023, "举措。", "无。", "仍然" + kCopy + "。"), last_problems) ==
        Lines{"6:3-6:25 copy warning: "
              "22字同上年（last.txt第6行，“二、存在的问题”），在“二、存在的问题”"});
}

TEST_CASE("previous-report: near-copy of a part, digits and years removed") {
  RuleSet set = rules("same",
                      "compare: near-copy\nscope: section:problems\nmin_length: 20\n"
                      "message: '“{part}”与上年（{previous}第{previous_line}行）"
                      "相似度{similarity}%'\n");
  const std::string problems =
      "一是公开的内容不够全面，部分栏目更新不及时；二是依申请公开答复的规范性有待提高。"
      "下一步将加强培训。";
  const std::string last = report(2022, "举措。", "无。", "2022年，" + problems + "共12件。");
  // The same words, other years and numbers: 100%.
  CHECK(run(set, "same", report(2023, "举措。", "无。", "2023年，" + problems + "共7件。"), last) ==
        Lines{"5:1-5:8 same warning: “问题及改进”与上年（last.txt第5行）相似度100%"});
  // Rewritten: nothing.
  CHECK(run(set, "same",
            report(2023, "举措。", "无。",
                   "本年度发现政府信息公开平台的检索功能较弱，群众查找信息不便；"
                   "已于十月完成平台改版，新增按主题分类检索。"),
            last)
            .empty());
  // The threshold: half of it copied is below 60%.
  const std::string half =
      "一是公开的内容不够全面，部分栏目更新不及时；本年度新设了专人负责，每周核对一次栏目内容。";
  CHECK(run(set, "same", report(2023, "举措。", "无。", half), last).empty());
  RuleSet lenient = rules("same",
                          "compare: near-copy\nscope: section:problems\nmin_length: 20\n"
                          "min_similarity: 20\nmessage: '相似度{similarity}%'\n");
  auto found = run(lenient, "same", report(2023, "举措。", "无。", half), last);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("相似度") != std::string::npos);
  // Too short to compare (「无。」 both years).
  CHECK(run(set, "same", report(2023, "举措。"), report(2022, "举措。")).empty());
}

TEST_CASE("previous-report: near-copy of the whole text is at the start of the document") {
  RuleSet set =
      rules("whole", "compare: near-copy\nmin_length: 20\nmessage: '全文相似度{similarity}%'\n");
  const std::string measures =
      "本局全年主动公开政府信息一百余条，办理依申请公开事项若干件，均按期答复。";
  CHECK(run(set, "whole", report(2023, measures), report(2022, measures)) ==
        Lines{"1:1-1:1 whole warning: 全文相似度100%"});
}

namespace {

const std::string kPlan =
    "compare: plan-items\nplan: section:plan\nscope: section:measures\n"
    "enumeration: '[一二三四五六七八九十]+是'\nignore: [推进, 加强, 工作]\n"
    "item: '“{item}”（第{line}行）'\n"
    "message: "
    "'上年({previous})安排{total}项，见{reflected}项（{reflected_items}），未见{count}项：{missing}"
    "'\n";

}  // namespace

TEST_CASE("previous-report: plan items as sub-sections, found or not in this year's measures") {
  RuleSet set = rules("plan", kPlan);
  const std::string last = report(2022, "举措。",
                                  "（一）推进行政复议体制改革\n"
                                  "（二）建设公共法律服务工作室\n"
                                  "（三）开展行政执法人员轮训");
  const std::string now = report(2023,
                                 "（一）行政复议\n本年推进行政复议体制改革，办理复议案件。\n"
                                 "（二）执法培训\n组织行政执法人员轮训三期。");
  CHECK(
      run(set, "plan", now, last) ==
      Lines{"3:1-3:7 plan warning: 上年(last.txt)安排3项，见2项（“推进行政复议体制改革”（第8行）、"
            "“开展行政执法人员轮训”（第10行）），未见1项：“建设公共法律服务工作室”（第9行）"});
  // Everything found: nothing, unless reflected_message is given.
  const std::string all = report(2023,
                                 "本年推进行政复议体制改革。\n建成公共法律服务工作室十个。\n"
                                 "开展行政执法人员轮训。");
  CHECK(run(set, "plan", all, last).empty());
  RuleSet told =
      rules("plan", kPlan + "reflected_message: '上年{total}项安排均已见到：{reflected_items}'\n");
  CHECK(run(told, "plan", all, last) ==
        Lines{"3:1-3:7 plan warning: 上年3项安排均已见到：“推进行政复议体制改革”（第8行）、"
              "“建设公共法律服务工作室”（第9行）、“开展行政执法人员轮训”（第10行）"});
  // Without this year's measures part, or last year's plan: nothing.
  CHECK(run(set, "plan", "某局2023年度报告\n一、其他\n正文。\n", last).empty());
  CHECK(run(set, "plan", now, "某局2022年度报告\n一、主要举措\n举措。\n").empty());
}

TEST_CASE("previous-report: plan items as enumerated runs, or paragraphs without an introduction") {
  RuleSet set = rules("plan", kPlan);
  const std::string now = report(2023, "本年推进行政复议体制改革。\n开展行政执法人员轮训。");
  const std::string enumerated =
      report(2022, "举措。",
             "明年重点做好以下工作：一是推进行政复议体制改革；二是建设公共法律服务工作室；"
             "三是开展行政执法人员轮训。");
  auto found = run(set, "plan", now, enumerated);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("安排3项，见2项") != std::string::npos);
  CHECK(found[0].find("未见1项：“二是建设公共法律服务工作室”（第8行）") != std::string::npos);
  // Paragraphs: the introduction ending with a colon is no item.
  const std::string paragraphs = report(2022, "举措。",
                                        "明年重点做好以下工作：\n推进行政复议体制改革。\n"
                                        "建设公共法律服务工作室。\n开展行政执法人员轮训。");
  found = run(set, "plan", now, paragraphs);
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("安排3项，见2项") != std::string::npos);
  CHECK(found[0].find("未见1项：“建设公共法律服务工作室”（第10行）") != std::string::npos);
  // An item too short to judge once the ignored words are out is not counted.
  const std::string short_item =
      report(2022, "举措。", "推进行政复议体制改革。\n加强工作。\n开展行政执法人员轮训。");
  CHECK(run(set, "plan", now, short_item).empty());
}

TEST_CASE("previous-report: the threshold of shared character pairs") {
  const std::string last = report(2022, "举措。", "建设公共法律服务工作室");
  // 工作 is ignored: 建设公共法律服务工作室 has 7 pairs (建设 … 服务), 公共法律服务 5 of them
  // (71%).
  const std::string now = report(2023, "完善公共法律服务。");
  CHECK(run(rules("plan", kPlan), "plan", now, last).empty());
  CHECK(run(rules("plan", kPlan + "min_shared: 71\n"), "plan", now, last).empty());
  CHECK(run(rules("plan", kPlan + "min_shared: 72\n"), "plan", now, last).size() == 1);
}

TEST_CASE("previous-report: same-tables, every number of the tables as last year's") {
  const RuleSet set = rules("same",
                            "compare: same-tables\nmin_numbers: 4\n"
                            "message: '{count}个数字、{tables}张表同上年（{previous}）'\n");
  auto with_table = [](int year, const std::string& rows) {
    return report(year, "[表格]\n项目\t甲\t乙\n" + rows + "[/表格]\n");
  };
  const std::string last = with_table(2023, "收入\t1\t2\n支出\t0\t3\n");
  // The same numbers: one finding at the first of them.
  CHECK(run(set, "same", with_table(2024, "收入\t1\t2\n支出\t0\t3\n"), last) ==
        Lines{"6:4-6:5 same warning: 4个数字、1张表同上年（last.txt）"});
  // One number changed, or one more: nothing.
  CHECK(run(set, "same", with_table(2024, "收入\t1\t2\n支出\t0\t4\n"), last).empty());
  CHECK(run(set, "same", with_table(2024, "收入\t1\t2\n支出\t0\t3\n其他\t0\n"), last).empty());
  // All zero both years, or fewer numbers than min_numbers: nothing.
  const std::string zeros = "收入\t0\t0\n支出\t0\t0\n";
  CHECK(run(set, "same", with_table(2024, zeros), with_table(2023, zeros)).empty());
  CHECK(
      run(set, "same", with_table(2024, "收入\t1\t2\n"), with_table(2023, "收入\t1\t2\n")).empty());
  // Without last year's report: nothing.
  CHECK(run(set, "same", with_table(2024, "收入\t1\t2\n支出\t0\t3\n"), std::nullopt).empty());
}

TEST_CASE("previous-report: errors in its keys") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("part-plan", kPlanPart).rule("x", rule_head("x", "previous-report") + body);
    auto loaded = pack.load();
    REQUIRE_FALSE(loaded);
    std::string all;
    for (const Error& e : loaded.errors()) all += e.message + "\n";
    return all;
  };
  CHECK(errors("message: m\n").find("compare") != std::string::npos);
  CHECK(errors("compare: copies\nmessage: m\n")
            .find("'compare' must be passages, near-copy, plan-items or "
                  "same-tables, not 'copies'") != std::string::npos);
  CHECK(errors("compare: plan-items\nmessage: m\n").find("needs 'plan: section:<part>'") !=
        std::string::npos);
  CHECK(errors("compare: plan-items\nplan: body\nmessage: m\n").find("'plan' is a part") !=
        std::string::npos);
  CHECK(errors("compare: plan-items\nplan: section:nope\nmessage: m\n").find("nope") !=
        std::string::npos);
  CHECK(errors("compare: passages\nmessage: '{similarity}'\n").find("similarity") !=
        std::string::npos);
  CHECK(errors("compare: near-copy\nmin_similarity: 0\nmessage: m\n").find("min_similarity") !=
        std::string::npos);
  // A key of another comparison is unknown here.
  CHECK(errors("compare: passages\nplan: section:plan\nmessage: m\n").find("plan") !=
        std::string::npos);
  CHECK(errors("compare: near-copy\nmin_shared: 50\nmessage: m\n").find("min_shared") !=
        std::string::npos);
}

}  // namespace fzcheck
