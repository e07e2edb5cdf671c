// kind: required-section — a part found by its level-one heading; found only deeper; what its
// body must mention.
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
  // A sub-section does not count without 'subsection: true'.
  CHECK(test::run(rules, "某局2024年度报告\n一、主要举措\n（一）第一责任人履职\n正文。\n",
                  only("first")) == Lines{"1:1-1:1 first error: 缺少第一责任人部分"});
}

TEST_CASE("required-section: found only as a sub-section") {
  RulePack pack;
  pack.rule("first", kFirst +
                         "subsection: true\nsubsection_severity: info\n"
                         "subsection_message: 只在“{parent}”下作为“{found}”（第{line}行）出现\n")
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
  // Without subsection_severity the finding is a warning.
  RulePack plain;
  plain.rule("first", kFirst + "subsection: true\nsubsection_message: 在{found}\n");
  CHECK(test::run(plain.rules(), "某局2024年度报告\n一、主要举措\n（一）第一责任人\n") ==
        Lines{"3:1-3:9 first warning: 在（一）第一责任人"});
  // A level-one heading is preferred to a deeper one.
  CHECK(test::run(rules,
                  "某局2024年度报告\n一、主要举措\n（一）第一责任人\n二、第一责任人履职\n正文。\n",
                  only("first"))
            .empty());
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
                     "subsection_message: 在{found}\npriority: -1\n")
      .rule("b", rule_head("b", "required-section") +
                     "part: x\nname: 乙\nmessage: '{heading}'\nheading: {any: [乙]}\n"
                     "body: {message: '{found}'}\n")
      .rule("c", rule_head("c", "required-section") + "message: m\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"a/rule.yaml:8:18: 'level' must be a whole number from 1 to 9, not '10'",
              "a/rule.yaml:9:21: 'subsection_message' needs 'subsection: true'",
              "a/rule.yaml:10:11: 'priority' must be a whole number from 0 to 1000, not '-1'",
              "b/rule.yaml:7:10: unknown placeholder {heading} in 'message': this kind of rule "
              "provides none",
              "b/rule.yaml:9:7: missing required key 'any' in this body",
              "b/rule.yaml:9:17: unknown placeholder {found} in 'message': this kind of rule "
              "provides {heading}",
              "c/rule.yaml:1:1: missing required key 'part' in this rule",
              "c/rule.yaml:1:1: missing required key 'name' in this rule",
              "c/rule.yaml:1:1: missing required key 'heading' in this rule"});
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
