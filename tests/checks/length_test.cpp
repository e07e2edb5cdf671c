// kind: length — a scope at most (or at least) so many characters: whitespace and a part's own
// heading are not counted.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kOverview = rule_head("overview", "required-section") +
                              "message: 缺总体情况\npart: overview\nname: 总体情况\n"
                              "heading: {any: [总体]}\n";

RuleSet length_rules(const std::string& keys) {
  RulePack pack;
  pack.rule("overview", kOverview)
      .rule("long", rule_head("long", "length", "info") + "scope: section:overview\n" + keys);
  return pack.rules();
}

CheckOptions only_long() {
  CheckOptions o;
  o.only = {"long"};
  return o;
}

// A report whose 总体情况 says `text`.
std::string report(const std::string& text) {
  return "某局2024年政府信息公开工作年度报告\n一、总体情况\n" + text + "\n二、其他事项\n无。\n";
}

}  // namespace

TEST_CASE("length: at most max characters, without whitespace and the part's heading") {
  RuleSet rules = length_rules("max: 10\nmessage: 总体情况{count}字，超过{max}字\n");
  // Ten characters (2024年公开信息。); spaces, U+3000 and line breaks do not count.
  CHECK(test::run(rules, report("2024年 公开信息。"), only_long()).empty());
  CHECK(test::run(rules, report("\u30002024年公开\n信息。"), only_long()).empty());
  CHECK(test::run(rules, report("2024年公开信息。"), only_long()).empty());
  CHECK(test::run(rules, report("2024年公开了信息。"), only_long()) ==
        Lines{"2:1-2:7 long info: 总体情况11字，超过10字"});
  // Sub-headings inside the part are its text.
  CHECK(test::run(rules, report("（一）主动公开\n公开了。"), only_long()) ==
        Lines{"2:1-2:7 long info: 总体情况11字，超过10字"});
}

TEST_CASE("length: min, with short_message or the one message") {
  RuleSet both = length_rules(
      "min: 5\nmax: 8\nmessage: '{count}字，应在{min}到{max}字之间'\nshort_message: "
      "只有{count}字\n");
  CHECK(test::run(both, report("公开了信息。"), only_long()).empty());
  CHECK(test::run(both, report("无。"), only_long()) == Lines{"2:1-2:7 long info: 只有2字"});
  CHECK(test::run(both, report("全年公开了很多信息。"), only_long()) ==
        Lines{"2:1-2:7 long info: 10字，应在5到8字之间"});
  RuleSet one = length_rules("min: 5\nmessage: '{count}字，少于{min}字{max}'\n");
  CHECK(test::run(one, report("无。"), only_long()) == Lines{"2:1-2:7 long info: 2字，少于5字"});
}

TEST_CASE("length: a part the document lacks gives nothing, other scopes start at their start") {
  RuleSet rules = length_rules("max: 1\nmessage: '{count}'\n");
  CHECK(test::run(rules, "某局2024年报告\n一、其他事项\n正文很长很长。\n", only_long()).empty());
  RulePack pack;
  pack.rule("long", rule_head("long", "length") + "scope: title\nmax: 5\nmessage: 标题{count}字\n");
  CHECK(test::run(pack.rules(), report("正文。")) == Lines{"1:1-1:1 long warning: 标题19字"});
}

TEST_CASE("length: load errors") {
  RulePack none;
  none.rule("r", rule_head("r", "length") + "message: m\n");
  CHECK(test::errors(none.load(), none.path()) ==
        Lines{"r/rule.yaml:1:1: a length rule needs 'max', 'min' or both"});
  RulePack bad;
  bad.rule("r", rule_head("r", "length") +
                    "max: 5\nmin: 10\nmessage: '{count}{heading}'\nshort_message: '{max}'\n");
  CHECK(test::errors(bad.load(), bad.path()) ==
        Lines{"r/rule.yaml:6:6: 'min' (10) is more than 'max' (5)",
              "r/rule.yaml:7:10: unknown placeholder {heading} in 'message': this kind of rule "
              "provides {count}, {max}, {min}",
              "r/rule.yaml:8:16: unknown placeholder {max} in 'short_message': this kind of rule "
              "provides {count}, {min}"});
  RulePack lonely;
  lonely.rule("r", rule_head("r", "length") + "max: 0\nmessage: m\nshort_message: s\n");
  CHECK(test::errors(lonely.load(), lonely.path()) ==
        Lines{"r/rule.yaml:5:6: 'max' must be a whole number from 1 to 10000000, not '0'",
              "r/rule.yaml:7:16: 'short_message' needs 'min'"});
}

}  // namespace fzcheck
