// kind: paragraph-end — running text ends with sentence-final punctuation; short paragraphs,
// headings, titles, signatures and dates are left alone.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet end_rules(const std::string& more = "min_length: 10\n") {
  RulePack pack;
  pack.rule("end", rule_head("end", "paragraph-end", "info") + "end_marks: '。！？；…”）'\n" +
                       more + "message: 段末无句末点号\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("paragraph-end: a paragraph of running text without a closing mark") {
  Report r = check(test::parse("某局2024年度法治政府建设报告\n"
                               "春夏秋冬，东南西北中\n"        // 2 preamble, exactly 10
                               "一、主要举措\n"                // 3 heading
                               "春夏秋冬，东南西北中。\n"      // 4 ends with 。
                               "春夏秋冬，东南西北\n"          // 5 nine: too short
                               "春夏秋冬，东南西北中发财  \n"  // 6 trailing spaces trimmed
                               "（一）强化领导。春夏秋冬，东南西北中\n"  // 7 run-in text
                               "（二）健全制度春夏秋冬，东南西北中\n"    // 8 a heading line
                               "春夏秋冬，东南西北中”\n"                 // 9 a closing quote counts
                               "某县教育局\n"
                               "2025年2月24日\n"),
                   end_rules());
  CHECK(test::show(r) == Lines{"2:11-2:11 end info: 段末无句末点号",
                               "6:13-6:13 end info: 段末无句末点号",
                               "7:19-7:19 end info: 段末无句末点号"});
  for (const Finding& f : r.findings) CHECK_FALSE(f.replacement);
}

TEST_CASE("paragraph-end: the minimum length defaults to 40 code points") {
  std::string forty;
  for (int i = 0; i < 4; ++i) forty += "一二三四五六七八九十";
  CHECK(test::run(end_rules(""), "标题报告\n一、工作\n" + forty + "\n" + forty.substr(3) + "\n") ==
        Lines{"3:41-3:41 end info: 段末无句末点号"});
}

TEST_CASE("paragraph-end: the marks are the rule's") {
  RulePack pack;
  pack.rule("end", rule_head("end", "paragraph-end") +
                       "end_marks: '.'\nmin_length: 1\nmessage: m\nscope: text\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n甲。\n乙.\n") ==
        Lines{"3:3-3:3 end warning: m"});
}

TEST_CASE("paragraph-end: scope") {
  RuleSet rules = end_rules("min_length: 2\nscope: preamble\n");
  CHECK(test::run(rules, "标题报告\n导语，没有句号\n一、工作\n正文没有句号\n") ==
        Lines{"2:8-2:8 end info: 段末无句末点号"});
}

TEST_CASE("paragraph-end: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("end", rule_head("end", "paragraph-end") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("message: m\n") ==
        Lines{"end/rule.yaml:1:1: missing required key 'end_marks' in this rule"});
  CHECK(errors("end_marks: 。\nmin_length: 0\nmessage: m\n") ==
        Lines{"end/rule.yaml:6:13: 'min_length' must be a whole number from 1 to 100000, not '0'"});
  CHECK(errors("end_marks: 。\nmin_length: ten\nmessage: m\n") ==
        Lines{"end/rule.yaml:6:13: 'min_length' must be a whole number from 1 to 100000, not "
              "'ten'"});
  CHECK(errors("end_marks: 。\nmessage: '{found}'\n") ==
        Lines{"end/rule.yaml:6:10: unknown placeholder {found} in 'message': this kind of rule "
              "provides none"});
}

}  // namespace fzcheck
