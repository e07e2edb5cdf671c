// kind: required-section — a part found by its level-one heading, as themes, under a heading
// further down, or in a paragraph or sentence without a heading; missing content only is the
// rule's severity; what its body must mention.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kFirst = rule_head("first", "required-section", "error") +
                           "part: first-responsible\nname: 第一责任人履职\npriority: 10\n"
                           "heading: {level: 1, any: [第一责任人, '主要负责(人|同志).{0,6}履']}\n"
                           "message: 缺少第一责任人部分\n";
const std::string kMeasures = rule_head("measures", "required-section", "error") +
                              "part: measures\nname: 主要举措\npriority: 40\n"
                              "heading: {any: [举措, 成效], none: [不足, 问题]}\n"
                              "message: 缺少举措部分\n";

CheckOptions only(const std::string& id) {
  CheckOptions o;
  o.only = {id};
  return o;
}

}  // namespace

TEST_CASE("required-section: found at level one, or missing") {
  RulePack pack;
  pack.rule("first", kFirst).rule("measures", kMeasures);
  RuleSet rules = pack.rules();
  const std::string ok =
      "某局2024年度报告\n一、主要举措和成效\n正文。\n二、主要负责同志认真履行职责\n正文。\n";
  CHECK(test::run(rules, ok).empty());
  CHECK(test::run(rules, "\n某局2024年度报告\n一、存在的问题\n正文。\n") ==
        Lines{"2:1-2:1 first error: 缺少第一责任人部分", "2:1-2:1 measures error: 缺少举措部分"});
  // 'none' keeps a heading out: 举措 and 不足 together are not the measures part.
  CHECK(test::run(rules, "某局2024年度报告\n一、举措落实中的不足\n正文。\n", only("measures")) ==
        Lines{"1:1-1:1 measures error: 缺少举措部分"});
  // A sub-heading does not count without 'subheading: true'.
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n（一）第一责任人履职\n正文。\n",
                  only("first")) == Lines{"1:1-1:1 first error: 缺少第一责任人部分"});
}

TEST_CASE("required-section: found only as a sub-heading, with the milder severity") {
  RulePack pack;
  pack.rule("first", kFirst +
                         "subheading: true\n"
                         "subheading_message: 只在“{parent}”下作为“{found}”（第{line}行）出现\n")
      .rule("measures", kMeasures);
  RuleSet rules = pack.rules();
  CHECK(
      test::run(rules,
                "某局2024年度报告\n一、主要举措\n正文。\n（一）制度建设\n（二）第一责任人履职情况\n"
                "正文。\n",
                only("first")) ==
      Lines{
          "5:1-5:13 first info: 只在“一、主要举措”下作为“（二）第一责任人履职情况”（第5行）出现"});
  // Deeper still: the parent named is the level-one section.
  CHECK(test::run(rules,
                  "某局2024年度报告\n一、主要举措\n（一）制度建设\n1.第一责任人履职\n正文。\n",
                  only("first")) ==
        Lines{"4:1-4:10 first info: 只在“一、主要举措”下作为“1.第一责任人履职”（第4行）出现"});
  // inside_severity chooses another severity.
  RulePack warn;
  warn.rule("first", kFirst +
                         "subheading: true\nsubheading_message: 在{found}\n"
                         "inside_severity: warning\n");
  CHECK(test::run(warn.rules(), "某局2024年度报告\n一、主要举措\n（一）第一责任人\n") ==
        Lines{"3:1-3:9 first warning: 在（一）第一责任人"});
  // Without a message for it, content found under a sub-heading is simply present.
  RulePack quiet;
  quiet.rule("first", kFirst + "subheading: true\n");
  CHECK(test::run(quiet.rules(), "某局2024年度报告\n一、主要举措\n（一）第一责任人\n").empty());
  // A level-one heading is preferred to a deeper one.
  CHECK(test::run(rules,
                  "某局2024年度报告\n一、主要举措\n（一）第一责任人\n二、第一责任人履职\n正文。\n",
                  only("first"))
            .empty());
  // Sub-headings with patterns of their own.
  RulePack own;
  own.rule("short", rule_head("short", "required-section", "error") +
                        "part: s\nname: 不足\nheading: {any: [问题, 不足]}\n"
                        "subheading: {any: [不足], none: [整改]}\nmessage: 缺少不足\n"
                        "subheading_message: 在{found}\n");
  CHECK(test::run(own.rules(), "某局报告\n一、主要工作\n（一）解决群众反映的问题\n正文。\n") ==
        Lines{"1:1-1:1 short error: 缺少不足"});
  CHECK(test::run(own.rules(), "某局报告\n一、主要工作\n（一）不足之处\n正文。\n") ==
        Lines{"3:1-3:8 short info: 在（一）不足之处"});
}

TEST_CASE("required-section: themes of a thematic report are the thematic part") {
  RulePack pack;
  pack.rule("measures", kMeasures + "thematic: true\n")
      .rule("short", rule_head("short", "required-section", "error") +
                         "part: short\nname: 不足\npriority: 20\nheading: {any: [不足]}\n"
                         "message: 缺少不足\n")
      .rule("in-measures", rule_head("in-measures", "pattern") +
                               "scope: section:measures\nmessage: 甲\nterms: [甲]\n")
      .rule("unknown", rule_head("unknown", "unknown-part", "info") + "message: '{heading}'\n");
  RuleSet rules = pack.rules();
  const std::string thematic =
      "某市2023年度法治政府建设情况报告\n一、坚持党的领导\n甲。\n二、依法全面履行政府职能\n甲。\n"
      "三、存在的不足\n乙。\n四、典型案例\n甲。\n";
  // 一 and 二 are measures (the scope finds 甲 in both); 四 comes after another part: unknown.
  CHECK(test::run(rules, thematic) == Lines{"3:1-3:2 in-measures warning: 甲",
                                            "5:1-5:2 in-measures warning: 甲",
                                            "8:1-8:7 unknown info: 四、典型案例"});
  // Without themes before the first other part, the thematic part is missing.
  CHECK(test::run(rules, "某市报告\n一、存在的不足\n乙。\n", only("measures")) ==
        Lines{"1:1-1:1 measures error: 缺少举措部分"});
}

TEST_CASE("required-section: a paragraph without a heading, and what follows it") {
  RulePack pack;
  pack.rule("plan", rule_head("plan", "required-section", "error") +
                        "part: plan\nname: 下一年度安排\npriority: 30\nheading: {any: [下一步]}\n"
                        "content: {any: ['^(下一步|\\d{4}年，我们将)'], where: end}\n"
                        "message: 缺少安排\nunheaded_message: 安排写在第{line}行（{excerpt}）\n")
      .rule("in-plan",
            rule_head("in-plan", "pattern") + "scope: section:plan\nmessage: 丙\nterms: [丙]\n");
  RuleSet rules = pack.rules();
  const std::string doc =
      "某市报告\n一、工作一\n甲。\n二、工作二\n（一）甲\n（二）乙\n2024年，我们将做好：\n"
      "（一）丙项\n（二）丙项\n";
  // The paragraph and the items hung under it are the part: 丙 is found in both items.
  CHECK(test::run(rules, doc) == Lines{"7:1-7:10 plan info: 安排写在第7行（2024年，我们将）",
                                       "8:4-8:5 in-plan warning: 丙",
                                       "9:4-9:5 in-plan warning: 丙"});
  // 'end' looks only in the second half of the text.
  CHECK(test::run(rules,
                  "某市报告\n下一步，继续努力。\n一、工作一\n甲。\n二、工作二\n乙。\n"
                  "三、工作三\n丁。\n",
                  only("plan")) == Lines{"1:1-1:1 plan error: 缺少安排"});
}

TEST_CASE("required-section: a sentence inside other text, run-in headings included") {
  RulePack pack;
  pack.rule("first", kFirst +
                         "content: {any: [第一责任人], sentence: true}\n"
                         "unheaded_message: 只在第{line}行提到：{excerpt}\n");
  CHECK(test::run(pack.rules(),
                  "某局报告\n一、主要工作\n（一）加强领导。局长履行第一责任人职责，亲自部署。"
                  "其他工作。\n") ==
        Lines{"3:9-3:26 first info: 只在第3行提到：局长履行第一责任人职责，亲自部署。"});
}

TEST_CASE("required-section: nothing is missing from a text that was cut off") {
  RulePack pack;
  pack.rule("first", kFirst).rule("measures", kMeasures);
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "某局报告\n一、主要举措和成效\n（一）加强领导。全年召开会议").empty());
  CHECK(test::run(rules, "某局报告\n一、主要举措和成效\n（一）加强领导\n").empty());
  // A last sentence that ends is a complete text: what is missing is missing.
  CHECK(test::run(rules, "某局报告\n一、主要举措和成效\n全年召开会议3次。\n") ==
        Lines{"1:1-1:1 first error: 缺少第一责任人部分"});
}

TEST_CASE("required-section: what the part's body must mention") {
  RulePack pack;
  pack.rule("measures",
            kMeasures + "body: {any: [成效, '\\d+件'], message: '“{heading}”没有写成效'}\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n办理案件12件。\n").empty());
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n（一）制度\n取得明显成效。\n").empty());
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n做了很多工作。\n") ==
        Lines{"2:1-2:7 measures error: “一、主要举措”没有写成效"});
  // The heading itself does not count as the body.
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措和成效\n做了很多工作。\n") ==
        Lines{"2:1-2:10 measures error: “一、主要举措和成效”没有写成效"});
  // A run-in heading's own sentence is not the body either.
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措。成效明显。\n") == Lines{});
  CHECK(test::run(rules, "某局2024年度报告\n一、取得成效。工作很多。\n") ==
        Lines{"2:1-2:7 measures error: “一、取得成效”没有写成效"});
}

TEST_CASE("required-section: parts at another level") {
  RulePack pack;
  pack.rule("sub",
            rule_head("sub", "required-section") +
                "part: sub\nname: 子项\nheading: {level: 2, any: [制度]}\nmessage: 缺子项\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "某局2024年度报告\n一、举措\n（一）制度建设\n正文。\n").empty());
  CHECK(test::run(rules, "某局2024年度报告\n一、制度建设\n正文。\n") ==
        Lines{"1:1-1:1 sub warning: 缺子项"});
}

TEST_CASE("required-section: load errors of the kind") {
  RulePack pack;
  pack.rule("a", rule_head("a", "required-section") +
                     "part: x\nname: 甲\nmessage: m\nheading: {level: 10, any: [甲]}\n"
                     "subheading_message: 在{found}\npriority: -1\n"
                     "content: {any: [甲], where: middle}\n")
      .rule("b", rule_head("b", "required-section") +
                     "part: x\nname: 乙\nmessage: '{heading}'\nheading: {any: [乙]}\n"
                     "body: {message: '{found}'}\n")
      .rule("c", rule_head("c", "required-section") + "message: m\n");
  CHECK(
      test::errors(pack.load(), pack.path()) ==
      Lines{"a/rule.yaml:8:18: 'level' must be a whole number from 1 to 9, not '10'",
            "a/rule.yaml:9:21: 'subheading_message' needs 'subheading: true'",
            "a/rule.yaml:10:11: 'priority' must be a whole number from 0 to 1000, not '-1'",
            "a/rule.yaml:11:28: 'where' must be anywhere, end or no-parts, not 'middle'",
            "b/rule.yaml:7:10: unknown placeholder {heading} in 'message': this kind of rule "
            "provides none",
            "b/rule.yaml:9:7: missing required key 'any' in this body",
            "b/rule.yaml:9:17: unknown placeholder {found} in 'message': this kind of rule "
            "provides {heading}",
            "c/rule.yaml:1:1: missing required key 'part' in this rule",
            "c/rule.yaml:1:1: missing required key 'name' in this rule",
            "c/rule.yaml:1:1: a required part needs 'heading', 'thematic' or 'content' to be found "
            "by"});
  RulePack twice;
  twice
      .rule("a", rule_head("a", "required-section") +
                     "part: x\nname: 甲\nmessage: m\nheading: {any: [甲]}\n")
      .rule("b", rule_head("b", "required-section") +
                     "part: x\nname: 乙\nmessage: m\nheading: {any: [乙]}\n");
  CHECK(test::errors(twice.load(), twice.path()) ==
        Lines{"b/rule.yaml:5:7: another required-section rule of this pack already declares part "
              "'x'"});
}

}  // namespace fzcheck
