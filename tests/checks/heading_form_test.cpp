// kind: heading-form — a section number in the form of its siblings and of its place: the four
// messages, the replacements, and a slipped parent standing for its siblings' form.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kMessages =
    "message: 兄弟{found}→{expected}，通常{usual}（{heading}）\n"
    "bracket_message: 括号{found}，通常{usual}（{heading}）\n"
    "depth_message: 跨层{found}→{expected}，第{form}层在{parent}下（{heading}）\n"
    "reversed_message: 颠倒{found}第{form}层在第{parent_form}层{parent}下（{heading}）\n";

RuleSet form_rules() {
  RulePack pack;
  pack.rule("form", rule_head("form", "heading-form") + kMessages);
  return pack.rules();
}

}  // namespace

TEST_CASE("heading-form: a sibling in another form gets its siblings' form as the replacement") {
  RuleSet rules = form_rules();
  // （3） among （一）（二）: （三）.
  Report bracketed = check(test::parse("标题报告\n一、甲\n（一）子\n（二）子\n（3）子\n"), rules);
  CHECK(test::show(bracketed) ==
        Lines{"5:1-5:4 form warning: 兄弟（3）→（三），通常（一）（（3）子） => （三）"});
  // 3、 among 一、二、: 三、.
  CHECK(test::run(rules, "标题报告\n一、甲\n二、乙\n3、丙\n") ==
        Lines{"4:1-4:3 form warning: 兄弟3、→三、，通常一、（3、丙） => 三、"});
}

TEST_CASE("heading-form: siblings whose brackets differ in width") {
  CHECK(test::run(form_rules(), "标题报告\n一、甲\n（一）子\n(二)子\n（三）子\n（四)子\n") ==
        Lines{"4:1-4:4 form warning: 括号(二)，通常（一）（(二)子）",
              "6:1-6:4 form warning: 括号（四)，通常（一）（（四)子）"});
  // When most are half-width, the full-width one is the correct one: the half-width majority is
  // what is wrong, and heading-punctuation reports each of those.
  CHECK(test::run(form_rules(), "标题报告\n一、甲\n(一)子\n(二)子\n（三）子\n").empty());
}

TEST_CASE("heading-form: a form that skips more than one level below its parent's") {
  RuleSet rules = form_rules();
  // （1） right under 一、: no other level-2 group says which form level 2 takes, so the message
  // proposes the next form down from the parent's and there is no replacement.
  Report alone = check(test::parse("标题报告\n一、甲\n（1）子\n（2）子\n"), rules);
  CHECK(test::show(alone) ==
        Lines{"3:1-3:4 form warning: 跨层（1）→（一），第4层在一、下（（1）子）",
              "4:1-4:4 form warning: 跨层（2）→（二），第4层在一、下（（2）子）"});
  // Another level-2 group uses （一）: that is the replacement.
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）子\n二、乙\n（1）子\n") ==
        Lines{"5:1-5:4 form warning: 跨层（1）→（一），第4层在二、下（（1）子） => （一）"});
  // One level skipped is fine: 1. under 一、, （1） under （一）; ① under （一） skips two.
  CHECK(test::run(rules, "标题报告\n一、甲\n1.子\n二、乙\n（一）子\n（1）孙\n").empty());
  CHECK(test::run(rules, "标题报告\n一、甲\n（一）子\n①孙\n") ==
        Lines{"4:1-4:2 form warning: 跨层①→1.，第5层在（一）下（①孙）"});
}

TEST_CASE("heading-form: a higher-level form below a lower-level one") {
  CHECK(test::run(form_rules(), "标题报告\n1.甲\n（一）子\n（二）子\n2.乙\n") ==
        Lines{"3:1-3:4 form warning: 颠倒（一）第2层在第3层1.下（（一）子）",
              "4:1-4:4 form warning: 颠倒（二）第2层在第3层1.下（（二）子）"});
}

TEST_CASE("heading-form: a slipped parent stands for its siblings' form") {
  // 3、 is reported once as a sibling; its child （一） is judged as if under 三、, which is fine.
  CHECK(test::run(form_rules(), "标题报告\n一、甲\n二、乙\n3、丙\n（一）子\n（二）子\n") ==
        Lines{"4:1-4:3 form warning: 兄弟3、→三、，通常一、（3、丙） => 三、"});
}

TEST_CASE("heading-form: a well-formed report gives nothing") {
  CHECK(test::run(form_rules(),
                  "标题报告\n一、甲\n（一）子\n1.孙\n（1）曾孙\n①玄孙\n（二）子\n二、乙\n")
            .empty());
}

TEST_CASE("heading-form: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("form", rule_head("form", "heading-form") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("message: m\ndepth_message: m\nreversed_message: m\n") ==
        Lines{"form/rule.yaml:1:1: missing required key 'bracket_message' in this rule"});
  CHECK(errors("message: '{found}{form}'\nbracket_message: '{expected}'\n"
               "depth_message: '{usual}'\nreversed_message: '{expected}'\n") ==
        Lines{"form/rule.yaml:5:10: unknown placeholder {form} in 'message': this kind of rule "
              "provides {expected}, {found}, {heading}, {usual}",
              "form/rule.yaml:6:18: unknown placeholder {expected} in 'bracket_message': this kind "
              "of rule provides {found}, {heading}, {usual}",
              "form/rule.yaml:7:16: unknown placeholder {usual} in 'depth_message': this kind of "
              "rule provides {expected}, {form}, {found}, {heading}, {parent}",
              "form/rule.yaml:8:19: unknown placeholder {expected} in 'reversed_message': this "
              "kind of rule provides {form}, {found}, {heading}, {parent}, {parent_form}"});
}

}  // namespace fzcheck
