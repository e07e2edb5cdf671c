// kind: every-item — each item of a part (its sub-sections, else its 一是/二是 runs, else its whole
// body) must mention one of a set of patterns.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kPart =
    rule_head("part-shortcomings", "required-section") +
    "message: 缺不足\npart: shortcomings\nname: 不足\nheading: {any: [不足]}\n";

std::string causes_rule(const std::string& extra = "") {
  return rule_head("causes", "every-item", "error") +
         "scope: section:shortcomings\n"
         "enumeration: '[一二三四五六七八九十]+是'\n"
         "any: [原因, 由于]\n"
         "message: 只列了不足（{total}项均未说明原因：{items}）\n" +
         extra;
}

const std::string kPartial = "partial_message: 以下{count}项没有分析原因（共{total}项）：{items}\n";

RuleSet rules(const std::string& rule) {
  RulePack pack;
  pack.rule("part-shortcomings", kPart).rule("causes", rule);
  return pack.rules();
}

CheckOptions only_causes() {
  CheckOptions o;
  o.only = {"causes"};
  return o;
}

std::string report(const std::string& shortcomings) {
  return "某局2024年度法治政府建设情况报告\n"
         "一、主要举措\n"
         "正文。\n"
         "二、存在的不足和原因\n" +
         shortcomings + "\n三、下一步安排\n继续。\n";
}

}  // namespace

TEST_CASE("every-item: sub-sections are the items") {
  RuleSet set = rules(causes_rule(kPartial));
  CHECK(test::run(set,
                  report("（一）队伍建设不足。由于编制少，人员不够。\n（二）经费保障不够\n"
                         "经费正文。"),
                  only_causes()) ==
        Lines{"6:1-6:10 causes warning: 以下1项没有分析原因（共2项）：“（二）经费保障不够”"});
  // The cause may be anywhere in the sub-section, in a later paragraph too.
  CHECK(test::run(set,
                  report("（一）队伍建设不足\n原因是编制少。\n（二）经费保障不够\n由于起步晚。"),
                  only_causes())
            .empty());
  // None mentions a cause: the whole part is pointed at, with the rule's severity.
  CHECK(test::run(set, report("（一）队伍建设不足。\n（二）经费保障不够。"), only_causes()) ==
        Lines{"4:1-4:11 causes error: 只列了不足（2项均未说明原因：“（一）队伍建设不足”；“（二）"
              "经费保障不够”）"});
}

TEST_CASE("every-item: 一是/二是 runs are the items, 统一是 starts none") {
  RuleSet set = rules(causes_rule(kPartial + "partial_severity: info\n"));
  CHECK(test::run(set,
                  report("存在以下问题：一是队伍建设不足，原因是编制少。二是经费保障不够。"
                         "三是统一是非观念不够；四是制度不全，由于起步晚。"),
                  only_causes()) ==
        Lines{"5:24-5:26 causes info: 以下2项没有分析原因（共4项）：“二是经费保障不够。”；“三是统一"
              "是非观念不够；”"});
  // Runs go on across paragraphs until the next enumeration word.
  CHECK(test::run(set, report("一是队伍建设不足。\n究其原因是编制少。\n二是经费不够，由于起步晚。"),
                  only_causes())
            .empty());
  // An enumeration word after spaces at the start of a paragraph counts; the line break before
  // the next item is not part of an item's name.
  CHECK(test::run(set, report("\u3000\u3000一是队伍不足。\n  二是经费不够，由于起步晚。"),
                  only_causes()) ==
        Lines{"5:3-5:5 causes info: 以下1项没有分析原因（共2项）：“一是队伍不足。”"});
}

TEST_CASE("every-item: long item names are cut at 14 code points") {
  RuleSet set = rules(causes_rule(kPartial));
  CHECK(test::run(set, report("一是行政执法队伍的专业化建设水平仍然不足。二是原因在于编制少。"),
                  only_causes()) ==
        Lines{"5:1-5:3 causes warning: 以下1项没有分析原因（共2项）：“一是行政执法队伍的专业化建"
              "设…”"});
}

TEST_CASE("every-item: without sub-sections or enumeration the body is one item") {
  RuleSet set = rules(causes_rule(kPartial));
  CHECK(
      test::run(set, report("队伍建设不足，经费保障不够。"), only_causes()) ==
      Lines{
          "4:1-4:11 causes error: 只列了不足（1项均未说明原因：“队伍建设不足，经费保障不够。”）"});
  CHECK(test::run(set, report("队伍建设不足，原因是经费保障不够。"), only_causes()).empty());
}

TEST_CASE("every-item: without partial_message some items missing give the main message") {
  RuleSet set = rules(causes_rule());
  CHECK(test::run(set, report("一是队伍不足，原因是编制少。二是经费不够。"), only_causes()) ==
        Lines{"4:1-4:11 causes error: 只列了不足（2项均未说明原因：“二是经费不够。”）"});
}

TEST_CASE("every-item: a part the document lacks gives no finding") {
  RuleSet set = rules(causes_rule(kPartial));
  CHECK(
      test::run(set, "某局2024年度报告\n一、主要举措\n一是甲。二是乙。\n", only_causes()).empty());
}

TEST_CASE("every-item: other scopes, each region on its own") {
  RulePack pack;
  pack.rule("causes", rule_head("causes", "every-item") +
                          "scope: text\nenumeration: '[一二三]是'\nany: [甲]\n"
                          "message: 都没有（{count}/{total}）\n"
                          "partial_message: 缺{items}\n");
  RuleSet set = pack.rules();
  CHECK(test::run(set,
                  "某局2024年度报告\n导语：一是甲，二是乙。\n一、举措\n一是丙。\n二、问题\n甲。\n",
                  only_causes()) ==
        Lines{"2:8-2:10 causes warning: 缺“二是乙。”", "4:1-4:1 causes warning: 都没有（1/1）"});
  // Text before the first enumeration word belongs to no item; 一是 after a Han character
  // starts none.
  CHECK(test::run(set, "某局2024年度报告\n导语一是甲，二是乙。\n", only_causes()) ==
        Lines{"2:1-2:1 causes warning: 都没有（1/1）"});
}

TEST_CASE("every-item: load errors of the kind") {
  RulePack pack;
  pack.rule("r", rule_head("r", "every-item") +
                     "enumeration: '[一二'\nmessage: 缺{item}\npartial_severity: low\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"r/rule.yaml:1:1: missing required key 'any' in this rule",
              "r/rule.yaml:5:14: bad regular expression '[一二': missing ]: [一二",
              "r/rule.yaml:6:10: unknown placeholder {item} in 'message': this kind of rule "
              "provides {count}, {items}, {total}",
              "r/rule.yaml:7:19: 'partial_severity' must be error, warning or info, not 'low'"});
}

}  // namespace fzcheck
