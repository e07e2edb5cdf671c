// kind: whitespace — lines of spaces inside the text (check: blank-lines) and ASCII spaces or
// tabs starting a paragraph (check: leading-spaces); both removed by the fix.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet whitespace_rules(const std::string& which) {
  RulePack pack;
  pack.rule("ws", rule_head("ws", "whitespace", "info") + "check: " + which + "\nmessage: 空白\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("whitespace: blank-lines reports lines of spaces inside the text, not empty lines") {
  Report r = check(test::parse("  \n标题报告\n\n一、工作\n   \n正文。\n\t\u3000\n正文。\n \n\n"),
                   whitespace_rules("blank-lines"));
  CHECK(test::show(r) == Lines{"5:1-5:4 ws info: 空白 => ", "7:1-7:3 ws info: 空白 => "});
  for (const Finding& f : r.findings) CHECK(f.replacement == std::optional<std::string>(""));
}

TEST_CASE("whitespace: leading-spaces reports ASCII spaces and tabs at a paragraph's start") {
  Report r =
      check(test::parse("  标题报告\n一、工作\n \t正文。\n\u3000\u3000正文。\n\u3000 正文。\n"
                        "   \n正文 。\n"),
            whitespace_rules("leading-spaces"));
  CHECK(test::show(r) == Lines{"1:1-1:3 ws info: 空白 => ", "3:1-3:3 ws info: 空白 => "});
  for (const Finding& f : r.findings) CHECK(f.replacement == std::optional<std::string>(""));
}

TEST_CASE("whitespace: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("ws", rule_head("ws", "whitespace") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("check: tabs\nmessage: m\n") ==
        Lines{"ws/rule.yaml:5:8: 'check' must be blank-lines, leading-spaces or inner-spaces, "
              "not 'tabs'"});
  CHECK(errors("message: m\n") ==
        Lines{"ws/rule.yaml:1:1: missing required key 'check' in this rule"});
  CHECK(errors("check: blank-lines\nmessage: '{found}'\n") ==
        Lines{"ws/rule.yaml:6:10: unknown placeholder {found} in 'message': this kind of rule "
              "provides none"});
}

TEST_CASE("whitespace: inner spaces in Chinese text, one finding for a padded number") {
  RulePack pack;
  pack.rule("ws", rule_head("ws", "whitespace") +
                      "check: inner-spaces\nallow: ['学宪法 讲宪法']\nmessage: 多了空格\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "标题报告\n2025 年，提案 3件，调委会 219 个，村(居 ) 调解。\n") ==
        Lines{"2:5-2:6 ws warning: 多了空格 => ", "2:10-2:11 ws warning: 多了空格 => ",
              "2:17-2:22 ws warning: 多了空格 => 219", "2:27-2:30 ws warning: 多了空格 => )"});
  // Latin and numbers among themselves, titles, section numbers, allowed names: nothing.
  CHECK(test::run(rules,
                  "标题报告\n一、 按照 GB/T 9704—2012 排版，用 Windows 10 系统。\n"
                  "学习《走中国特色社会主义法治道路 更好推进》，举办“学宪法 讲宪法”活动。\n"
                  "改进措施：1. 细化目录。\n")
            .empty());
}

}  // namespace fzcheck
