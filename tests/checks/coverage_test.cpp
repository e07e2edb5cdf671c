// kind: coverage — every concept of a set mentioned in a scope; mentions in excluded scopes do
// not count but are pointed at.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kParts = rule_head("measures", "required-section") +
                           "message: 缺举措\npart: measures\nname: 举措\nheading: {any: [举措]}\n";
const std::string kNextYear =
    rule_head("next-year", "required-section") +
    "message: 缺安排\npart: next-year\nname: 下一年度安排\nheading: {any: [安排]}\n";

std::string coverage_rule(const std::string& extra = "") {
  return rule_head("systems", "coverage", "info") +
         "exclude: [section:next-year]\n"
         "concepts:\n"
         "  - {name: 公示制度, any: ['执法(信息)?公示']}\n"
         "  - {name: 记录制度, any: [全过程记录]}\n"
         "  - {name: 审核制度, any: ['法[制治]审核']}\n"
         "all: [三项制度]\n"
         "message: 未说明{missing}的落实情况（{count}/{total}）\n"
         "excluded_note: （{excluded}只在下一年度部分提到）\n" +
         extra;
}

RuleSet pack_rules(const std::string& coverage = coverage_rule(),
                   const std::string& pack_yaml = "") {
  RulePack pack("t", pack_yaml);
  pack.rule("measures", kParts).rule("next-year", kNextYear).rule("systems", coverage);
  return pack.rules();
}

CheckOptions only_systems() {
  CheckOptions o;
  o.only = {"systems"};
  return o;
}

std::string report(const std::string& measures, const std::string& next_year) {
  return "某局2024年度法治政府建设情况报告\n"
         "2024年，我局推进工作。\n"
         "一、主要举措\n" +
         measures +
         "\n"
         "二、2025年工作安排\n" +
         next_year + "\n";
}

}  // namespace

TEST_CASE("coverage: every concept mentioned, or all of them at once: no finding") {
  RuleSet rules = pack_rules();
  CHECK(
      test::run(rules, report("落实执法公示、全过程记录和法制审核制度。", "继续。"), only_systems())
          .empty());
  CHECK(test::run(rules, report("全面落实行政执法三项制度。", "继续。"), only_systems()).empty());
  // The preamble is body too.
  CHECK(test::run(rules, "某局2024年度法治政府建设情况报告\n落实三项制度。\n一、主要举措\n正文。\n",
                  only_systems())
            .empty());
}

TEST_CASE("coverage: missing concepts are named, at the start of the scope") {
  RuleSet rules = pack_rules();
  CHECK(test::run(rules, report("落实执法信息公示。", "继续。"), only_systems()) ==
        Lines{"2:1-2:1 systems info: 未说明记录制度、审核制度的落实情况（2/3）"});
  CHECK(test::run(rules, report("正文。", "继续。"), only_systems()) ==
        Lines{"2:1-2:1 systems info: 未说明公示制度、记录制度、审核制度的落实情况（3/3）"});
}

TEST_CASE("coverage: mentions only in an excluded part are pointed at and noted") {
  RuleSet rules = pack_rules();
  CHECK(test::run(rules, report("落实执法公示。", "推进全过程记录，落实法制审核制度。"),
                  only_systems()) ==
        Lines{"6:3-6:8 systems info: 未说明记录制度、审核制度的落实情况（2/3）（记录制度、审核制度"
              "只在下一年度部分提到）"});
  // Only one of the missing concepts appears there: only it is noted.
  CHECK(
      test::run(rules, report("正文。", "落实法治审核。"), only_systems()) ==
      Lines{"6:3-6:7 systems info: 未说明公示制度、记录制度、审核制度的落实情况（3/3）（审核制度只"
            "在下一年度部分提到）"});
  // "all" mentioned only there: every missing concept is noted, and the mention is pointed at.
  CHECK(test::run(rules, report("落实执法公示。", "深化三项制度。"), only_systems()) ==
        Lines{"6:3-6:7 systems info: 未说明记录制度、审核制度的落实情况（2/3）（记录制度、审核制度"
              "只在下一年度部分提到）"});
}

TEST_CASE("coverage: excluded scopes that overlap each other still exclude") {
  // The next-year part and the text paragraphs inside it overlap; a mention in a sub-heading of
  // that part lies only in the part's region.
  RulePack pack;
  pack.rule("measures", kParts)
      .rule("next-year", kNextYear)
      .rule("systems", rule_head("systems", "coverage", "info") +
                           "exclude: [section:next-year, text]\n"
                           "concepts: [{name: 记录制度, any: [全过程记录]}]\n"
                           "message: 未说明{missing}\nexcluded_note: （只在{excluded}提到）\n");
  CHECK(test::run(pack.rules(),
                  "某局2024年度法治政府建设情况报告\n一、主要举措\n正文。\n二、2025年工作安排\n"
                  "正文。\n（一）推进全过程记录\n正文二。\n",
                  only_systems()) ==
        Lines{"6:6-6:11 systems info: 未说明记录制度（只在记录制度提到）"});
}

TEST_CASE("coverage: without excluded_note the message stands alone") {
  std::string rule = coverage_rule();
  rule = rule.substr(0, rule.find("excluded_note"));
  RuleSet rules = pack_rules(rule);
  CHECK(test::run(rules, report("落实执法公示。", "推进全过程记录。"), only_systems()) ==
        Lines{"6:3-6:8 systems info: 未说明记录制度、审核制度的落实情况（2/3）"});
}

TEST_CASE("coverage: a scope the document lacks gives no finding") {
  RulePack pack;
  pack.rule("measures", kParts)
      .rule("systems", rule_head("systems", "coverage") +
                           "scope: section:measures\nconcepts: [{name: 甲, any: [甲]}]\n"
                           "message: 缺{missing}\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "某局2024年度报告\n一、问题\n正文。\n", only_systems()).empty());
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n正文。\n", only_systems()) ==
        Lines{"2:1-2:1 systems warning: 缺甲"});
}

TEST_CASE("coverage: an English pack joins names its own way") {
  RuleSet rules = pack_rules(coverage_rule(), "language: en\n");
  CHECK(test::run(rules, report("正文。", "继续。"), only_systems()) ==
        Lines{"2:1-2:1 systems info: 未说明公示制度, 记录制度, 审核制度的落实情况（3/3）"});
}

TEST_CASE("coverage: elsewhere, a mention outside the scope softens the finding and is noted") {
  RulePack pack;
  pack.rule("measures", kParts)
      .rule("next-year", kNextYear)
      .rule("systems", rule_head("systems", "coverage", "error") +
                           "scope: section:next-year\n"
                           "concepts: [{name: 记录制度, any: [全过程记录]}, {name: 审核制度, any: "
                           "[法制审核]}]\n"
                           "message: 安排部分未说明{missing}\n"
                           "elsewhere: {scope: text, severity: warning, note: '（第{line}行提到了"
                           "{elsewhere}）'}\n");
  RuleSet rules = pack.rules();
  // Mentioned in the part itself: nothing.
  CHECK(test::run(rules, report("正文。", "推进全过程记录和法制审核。"), only_systems()).empty());
  // Nowhere: the rule's severity.
  CHECK(test::run(rules, report("正文。", "继续。"), only_systems()) ==
        Lines{"5:1-5:1 systems error: 安排部分未说明记录制度、审核制度"});
  // Both only elsewhere: the milder severity, the first mention's line.
  CHECK(test::run(rules, report("推进全过程记录和法制审核。", "继续。"), only_systems()) ==
        Lines{"5:1-5:1 systems warning: 安排部分未说明记录制度、审核制度（第4行提到了记录制度、"
              "审核制度）"});
  // One of the two elsewhere: noted, the severity stays.
  CHECK(test::run(rules, report("推进法制审核。", "继续。"), only_systems()) ==
        Lines{"5:1-5:1 systems error: 安排部分未说明记录制度、审核制度（第4行提到了审核制度）"});
  // The other scope is `text`: a mention in a heading is not elsewhere.
  CHECK(
      test::run(rules,
                "某局2024年度法治政府建设情况报告\n2024年，我局推进工作。\n一、主要举措（法制审核）"
                "\n正文。\n二、2025年工作安排\n推进全过程记录。\n",
                only_systems()) == Lines{"5:1-5:1 systems error: 安排部分未说明审核制度"});
  // A part the document lacks: nothing, whatever is elsewhere.
  CHECK(test::run(rules, "某局2024年度法治政府建设情况报告\n一、主要举措\n推进法制审核。\n",
                  only_systems())
            .empty());
  // Without a note only the severity changes; the default other scope is the whole document.
  RulePack quiet;
  quiet.rule("measures", kParts)
      .rule("next-year", kNextYear)
      .rule("systems",
            rule_head("systems", "coverage", "error") +
                "scope: section:next-year\nconcepts: [{name: 记录制度, any: "
                "[全过程记录]}]\nmessage: 未说明{missing}\nelsewhere: {severity: info}\n");
  CHECK(test::run(quiet.rules(),
                  "某局2024年度法治政府建设情况报告\n一、主要举措（全过程记录）\n正文。\n"
                  "二、2025年工作安排\n继续。\n",
                  only_systems()) == Lines{"4:1-4:1 systems info: 未说明记录制度"});
}

TEST_CASE("coverage: load errors of the kind") {
  RulePack pack;
  pack.rule("r", rule_head("r", "coverage") +
                     "message: 缺{missing}{heading}\nconcepts: [甲, {name: 乙}, {any: [丙]}]\n"
                     "excluded_note: 注\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"r/rule.yaml:5:10: unknown placeholder {heading} in 'message': this kind of rule "
              "provides {count}, {missing}, {total}",
              "r/rule.yaml:6:12: each concept must be a mapping with 'name' and 'any'",
              "r/rule.yaml:6:15: missing required key 'any' in this item of 'concepts'",
              "r/rule.yaml:6:26: missing required key 'name' in this item of 'concepts'",
              "r/rule.yaml:7:16: 'excluded_note' needs 'exclude'"});
  RulePack elsewhere;
  elsewhere.rule("r", rule_head("r", "coverage") +
                          "message: 缺{missing}\nconcepts: [{name: 甲, any: [甲]}]\n"
                          "elsewhere: {scope: nowhere, severity: minor, note: '{line}{count}'}\n");
  CHECK(test::errors(elsewhere.load(), elsewhere.path()) ==
        Lines{"r/rule.yaml:7:20: unknown scope 'nowhere': use document, title, preamble, body, "
              "headings, part-headings, text, signature, date or section:<part>",
              "r/rule.yaml:7:39: 'severity' must be error, warning or info, not 'minor'",
              "r/rule.yaml:7:52: unknown placeholder {count} in 'note': this kind of rule provides "
              "{elsewhere}, {line}"});
  RulePack bare;
  bare.rule("r", rule_head("r", "coverage") +
                     "message: 缺{missing}\nconcepts: [{name: 甲, any: [甲]}]\nelsewhere: {}\n");
  CHECK(test::errors(bare.load(), bare.path()) ==
        Lines{"r/rule.yaml:7:12: 'elsewhere' needs 'severity', 'note' or both"});
  RulePack empty;
  empty.rule("r", rule_head("r", "coverage") + "message: 缺{missing}\n");
  CHECK(test::errors(empty.load(), empty.path()) ==
        Lines{"r/rule.yaml:1:1: missing required key 'concepts' in this rule"});
}

}  // namespace fzcheck
