// kind: doubled-punctuation — two marks in a row; identical doubles get the single mark.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet doubled_rules(const std::string& more = "allow: ['？！', '！？']\n") {
  RulePack pack;
  pack.rule("dbl", rule_head("dbl", "doubled-punctuation") + "marks: '，。；：、！？,;:'\n" + more +
                       "message: “{found}”连用\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("doubled-punctuation: identical doubles get the single mark, others no replacement") {
  Report r = check(test::parse("标题报告\n一、工作\n甲，，乙。。丙，。丁；，戊,,己、，庚\n"),
                   doubled_rules());
  CHECK(test::show(r) ==
        Lines{"3:2-3:4 dbl warning: “，，”连用 => ，", "3:5-3:7 dbl warning: “。。”连用 => 。",
              "3:8-3:10 dbl warning: “，。”连用", "3:11-3:13 dbl warning: “；，”连用",
              "3:14-3:16 dbl warning: “,,”连用 => ,", "3:17-3:19 dbl warning: “、，”连用"});
}

TEST_CASE("doubled-punctuation: a run of three is one finding, four are two") {
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲，，，乙\n") ==
        Lines{"3:2-3:4 dbl warning: “，，”连用 => ，"});
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲，，，，乙\n") ==
        Lines{"3:2-3:4 dbl warning: “，，”连用 => ，", "3:4-3:6 dbl warning: “，，”连用 => ，"});
}

TEST_CASE("doubled-punctuation: allowed pairs, marks not listed, and other text between") {
  RuleSet rules = doubled_rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n真的吗？！好！？行。”，他说……。\n").empty());
  // Without allow, ？！ is a double too.
  CHECK(test::run(doubled_rules(""), "标题报告\n一、工作\n真的吗？！\n") ==
        Lines{"3:4-3:6 dbl warning: “？！”连用"});
  // A line break, a space or a letter between two marks.
  CHECK(test::run(rules, "标题报告\n一、工作\n甲，\n，乙。 。丙，a，\n").empty());
}

TEST_CASE("doubled-punctuation: scope") {
  RulePack pack;
  pack.rule("dbl", rule_head("dbl", "doubled-punctuation") +
                       "marks: '，。'\nscope: text\nmessage: “{found}”\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作，，\n甲，，乙\n") ==
        Lines{"3:2-3:4 dbl warning: “，，” => ，"});
}

TEST_CASE("doubled-punctuation: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("dbl", rule_head("dbl", "doubled-punctuation") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("message: m\n") ==
        Lines{"dbl/rule.yaml:1:1: missing required key 'marks' in this rule"});
  CHECK(errors("marks: '，。'\nallow: ['？']\nmessage: m\n") ==
        Lines{"dbl/rule.yaml:6:8: each item of 'allow' must be two punctuation marks, such as "
              "'？！'"});
  CHECK(errors("marks: '，。'\nallow: '？！！'\nmessage: m\n") ==
        Lines{"dbl/rule.yaml:6:8: each item of 'allow' must be two punctuation marks, such as "
              "'？！'"});
  CHECK(errors("marks: '，。'\nmessage: '{found}{other}'\n") ==
        Lines{"dbl/rule.yaml:6:10: unknown placeholder {other} in 'message': this kind of rule "
              "provides {found}"});
}

}  // namespace fzcheck
