// kind: unknown-part — level-one sections that are none of the declared parts.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet rules() {
  RulePack pack;
  pack.rule("measures", rule_head("measures", "required-section") +
                            "part: measures\nname: 举措\nheading: {any: [举措]}\nmessage: 缺\n")
      .rule("problems", rule_head("problems", "required-section") +
                            "part: problems\nname: 问题\nheading: {any: [问题]}\nmessage: 缺\n")
      .rule("unknown", rule_head("unknown", "unknown-part", "info") +
                           "allow: ['其他(情况|事项)']\nmessage: “{heading}”不属于任何部分\n");
  return pack.rules();
}

CheckOptions only_unknown() {
  CheckOptions o;
  o.only = {"unknown"};
  return o;
}

}  // namespace

TEST_CASE("unknown-part: level-one sections that are no declared part") {
  RuleSet set = rules();
  CHECK(test::run(set,
                  "某局2024年度报告\n一、主要举措\n（一）宣传教育\n二、存在问题\n三、党建引领\n"
                  "正文。\n四、其他情况\n五、宣传教育。正文。\n",
                  only_unknown()) == Lines{"5:1-5:7 unknown info: “三、党建引领”不属于任何部分",
                                           "8:1-8:7 unknown info: “五、宣传教育”不属于任何部分"});
  CHECK(test::run(set, "某局2024年度报告\n一、主要举措\n二、存在问题\n", only_unknown()).empty());
  CHECK(test::run(set, "某局2024年度报告\n正文没有标题。\n", only_unknown()).empty());
}

TEST_CASE("unknown-part: without allow, and its load errors") {
  RulePack pack;
  pack.rule("unknown", rule_head("unknown", "unknown-part") + "message: “{heading}”\n");
  CHECK(test::run(pack.rules(), "某局2024年度报告\n一、其他情况\n") ==
        Lines{"2:1-2:7 unknown warning: “一、其他情况”"});
  RulePack bad;
  bad.rule("unknown", rule_head("unknown", "unknown-part") + "allow: ['(']\nmessage: '{part}'\n");
  CHECK(test::errors(bad.load(), bad.path()) ==
        Lines{"unknown/rule.yaml:5:9: bad regular expression '(': missing ): (",
              "unknown/rule.yaml:6:10: unknown placeholder {part} in 'message': this kind of rule "
              "provides {heading}"});
}

}  // namespace fzcheck
