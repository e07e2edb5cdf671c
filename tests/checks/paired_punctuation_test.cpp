// kind: paired-punctuation — quotes, brackets and book-title marks in pairs within a paragraph;
// an ASCII " closing a Chinese “.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet paired_rules(bool ascii_quote = true) {
  RulePack pack;
  pack.rule("pair", rule_head("pair", "paired-punctuation") +
                        "pairs: ['“”', '‘’', '《》', '〈〉', '（）', '【】']\n"
                        "message: '{found}缺{other}'\n" +
                        (ascii_quote ? "ascii_quote_message: 半角{found}应为{expected}\n" : ""));
  return pack.rules();
}

}  // namespace

TEST_CASE("paired-punctuation: nested pairs are fine") {
  CHECK(test::run(paired_rules(),
                  "标题报告\n一、工作\n学习《关于〈条例〉的说明》和“‘三个’重要”（含【附件】）。\n")
            .empty());
}

TEST_CASE("paired-punctuation: an opening mark left open, a closing mark without its opener") {
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n学习《条例的说明。\n正文）多余。\n") ==
        Lines{"3:3-3:4 pair warning: 《缺》", "4:3-4:4 pair warning: ）缺（"});
  // 《…〈…》: the 〈 opened inside is left unclosed when the outer pair closes.
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n学习《关于〈条例的说明》。\n") ==
        Lines{"3:6-3:7 pair warning: 〈缺〉"});
  // Crossed pairs: 《…“…》…”.
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n《甲“乙》丙”\n") ==
        Lines{"3:3-3:4 pair warning: “缺”", "3:7-3:8 pair warning: ”缺“"});
}

TEST_CASE("paired-punctuation: pairs are closed within their paragraph") {
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n他说：“甲\n乙。”\n") ==
        Lines{"3:4-3:5 pair warning: “缺”", "4:3-4:4 pair warning: ”缺“"});
}

TEST_CASE("paired-punctuation: a half-width bracket pairs with a full-width one") {
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n会议（甲)和(乙）和(丙)。\n").empty());
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n会议(甲。\n") ==
        Lines{"3:3-3:4 pair warning: (缺）"});
}

TEST_CASE("paired-punctuation: an ASCII quote closing “ gets ” as replacement") {
  Report r = check(test::parse("标题报告\n一、工作\n开展“法治宣传\"活动。\n"), paired_rules());
  CHECK(test::show(r) == Lines{"3:8-3:9 pair warning: 半角\"应为” => ”"});
  // Without ascii_quote_message the “ is simply left open and " is no mark of a pair.
  CHECK(test::run(paired_rules(false), "标题报告\n一、工作\n开展“法治宣传\"活动。\n") ==
        Lines{"3:3-3:4 pair warning: “缺”"});
  // An ASCII quote that closes nothing Chinese is left alone.
  CHECK(test::run(paired_rules(), "标题报告\n一、工作\n输入\"abc\"后确认。\n").empty());
}

TEST_CASE("paired-punctuation: only the listed pairs") {
  RulePack pack;
  pack.rule("pair", rule_head("pair", "paired-punctuation") + "pairs: 《》\nmessage: “{found}”\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n“甲（乙《丙\n") ==
        Lines{"3:5-3:6 pair warning: “《”"});
}

TEST_CASE("paired-punctuation: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("pair", rule_head("pair", "paired-punctuation") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("pairs: ['《']\nmessage: m\n") ==
        Lines{"pair/rule.yaml:5:8: each item of 'pairs' must be an opening and a different closing "
              "mark, such as '《》'"});
  CHECK(errors("pairs: ['““']\nmessage: m\n") ==
        Lines{"pair/rule.yaml:5:8: each item of 'pairs' must be an opening and a different closing "
              "mark, such as '《》'"});
  CHECK(errors("pairs: []\nmessage: m\n") ==
        Lines{"pair/rule.yaml:5:8: 'pairs' must not be empty"});
  CHECK(errors("message: m\n") ==
        Lines{"pair/rule.yaml:1:1: missing required key 'pairs' in this rule"});
  CHECK(errors("pairs: ['《》']\nmessage: '{found}{expected}'\nascii_quote_message: '{other}'\n") ==
        Lines{"pair/rule.yaml:6:10: unknown placeholder {expected} in 'message': this kind of "
              "rule provides {found}, {other}",
              "pair/rule.yaml:7:22: unknown placeholder {other} in 'ascii_quote_message': this "
              "kind of rule provides {expected}, {found}"});
}

}  // namespace fzcheck
