// kind: heading-sequence — numbers run 1, 2, 3 … under each parent: gaps and repeats, levels.
#include <doctest/doctest.h>

#include "hinted_document.hpp"

#include "model/builder.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet sequence_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("seq", rule_head("seq", "heading-sequence") + more +
                       "message: “{found}”应为“{expected}”（{heading}）\n");
  return pack.rules();
}

const std::string kReport =
    "某局2024年度报告\n"  // 1
    "一、甲\n"            // 2
    "（一）子\n"          // 3
    "（三）子\n"          // 4 a gap under 一、
    "（四）子\n"          // 5 goes on from （三）
    "三、乙\n"            // 6 a gap at level one
    "四、丙\n"            // 7
    "四、丁\n"            // 8 a repeat
    "1.孙\n"              // 9 under 四、丁, level 2
    "3.孙\n";             // 10 a gap at level two

}  // namespace

TEST_CASE("heading-sequence: gaps and repeats, one finding each, at every level by default") {
  CHECK(test::run(sequence_rules(), kReport) ==
        Lines{"4:1-4:4 seq warning: “（三）”应为“（二）”（（三）子）",
              "6:1-6:3 seq warning: “三、”应为“二、”（三、乙）",
              "8:1-8:3 seq warning: “四、”应为“五、”（四、丁）",
              "10:1-10:3 seq warning: “3.”应为“2.”（3.孙）"});
}

TEST_CASE("heading-sequence: levels limits the check, findings have no replacement") {
  RuleSet level2 = sequence_rules("levels: [2]\n");
  Report r = check(test::parse(kReport), level2);
  CHECK(test::show(r) == Lines{"4:1-4:4 seq warning: “（三）”应为“（二）”（（三）子）",
                               "10:1-10:3 seq warning: “3.”应为“2.”（3.孙）"});
  for (const Finding& f : r.findings) CHECK_FALSE(f.replacement);
  CHECK(test::run(sequence_rules("levels: 1\n"), kReport) ==
        Lines{"6:1-6:3 seq warning: “三、”应为“二、”（三、乙）",
              "8:1-8:3 seq warning: “四、”应为“五、”（四、丁）"});
  CHECK(test::run(sequence_rules("levels: [3, 4]\n"), kReport).empty());
}

TEST_CASE("heading-sequence: the expected number is written in the section's own form") {
  CHECK(test::run(sequence_rules(), "标题报告\n一、甲\n（1）子\n（3）子\n①孙\n③孙\n") ==
        Lines{"4:1-4:4 seq warning: “（3）”应为“（2）”（（3）子）",
              "6:1-6:2 seq warning: “③”应为“②”（③孙）"});
  // A list that starts at 二 is a gap too.
  CHECK(test::run(sequence_rules(), "标题报告\n二、甲\n三、乙\n") ==
        Lines{"2:1-2:3 seq warning: “二、”应为“一、”（二、甲）"});
  CHECK(test::run(sequence_rules(), "标题报告\n一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n")
            .empty());
}

TEST_CASE("heading-sequence: headings known only from an outline level have no number to check") {
  Document doc = test::hinted_document({{"主要举措", 1},
                                        {"存在不足", 1},
                                        {"一、下一步", 0},  // a new list under the hinted heading
                                        {"三、其他", 0}});
  REQUIRE(doc.sections.size() == 4);
  CHECK(doc.sections[2].parent == 1);
  CHECK(doc.sections[3].parent == 1);
  CHECK(test::show(check(doc, sequence_rules())) ==
        Lines{"4:1-4:3 seq warning: “三、”应为“二、”（三、其他）"});
}

TEST_CASE("heading-sequence: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("seq", rule_head("seq", "heading-sequence") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("levels: [0]\nmessage: m\n") ==
        Lines{"seq/rule.yaml:5:9: 'levels' must list heading levels from 1 to 9"});
  CHECK(errors("levels: [1, 10]\nmessage: m\n") ==
        Lines{"seq/rule.yaml:5:9: 'levels' must list heading levels from 1 to 9"});
  CHECK(errors("levels: [one]\nmessage: m\n") ==
        Lines{"seq/rule.yaml:5:9: 'levels' must list heading levels from 1 to 9"});
  CHECK(errors("levels: {a: 1}\nmessage: m\n") ==
        Lines{"seq/rule.yaml:5:9: 'levels' must be a value or a list of values, not a mapping"});
  CHECK(errors("message: '{found}{parent}'\n") ==
        Lines{"seq/rule.yaml:5:10: unknown placeholder {parent} in 'message': this kind of rule "
              "provides {expected}, {found}, {heading}"});
  CHECK(errors("") == Lines{"seq/rule.yaml:1:1: missing required key 'message' in this rule"});
}

}  // namespace fzcheck
