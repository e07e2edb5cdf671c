// kind: doubled-punctuation — a run of marks; a run of one mark repeated gets the single mark.
#include <doctest/doctest.h>

#include <chrono>

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

TEST_CASE("doubled-punctuation: a run of marks is one finding, however long") {
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲，，，乙\n") ==
        Lines{"3:2-3:5 dbl warning: “，，，”连用 => ，"});
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲，，，，乙\n") ==
        Lines{"3:2-3:6 dbl warning: “，，，，”连用 => ，"});
  // Different marks in a run: one finding, no replacement; a run with an allowed pair in it too.
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲，；，乙？！。丙\n") ==
        Lines{"3:2-3:5 dbl warning: “，；，”连用", "3:6-3:9 dbl warning: “？！。”连用"});
  // The message shows the first ten marks of a long run.
  CHECK(test::run(doubled_rules(), "标题报告\n一、工作\n甲" + std::string(12, ',') + "乙\n") ==
        Lines{"3:2-3:14 dbl warning: “,,,,,,,,,,…”连用 => ,"});
}

// A line of a million 、 was one finding per pair, each located by counting from the start of
// its line: minutes of work. It is one finding now, and its end is at the end of the line.
TEST_CASE("doubled-punctuation: a line of a million marks is one finding") {
  const int n = 1 << 20;
  std::string text = "标题报告\n一、工作\n甲";
  for (int i = 0; i < n; ++i) text += "、";
  text += "乙\n";
  auto started = std::chrono::steady_clock::now();
  Report r = check(test::parse(text), doubled_rules());
  MESSAGE("a line of "
          << n << " 、: "
          << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
          << " s");
  REQUIRE(r.findings.size() == 1);
  const Finding& f = r.findings.front();
  CHECK(f.begin == Position{3, 2});
  CHECK(f.end == Position{3, n + 2});
  CHECK(f.end_offset == text.size() - std::string("乙\n").size());
  CHECK(f.replacement == "、");
  CHECK(f.message == "“、、、、、、、、、、…”连用");
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
