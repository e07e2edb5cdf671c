// kind: repeated-word — a word of Chinese characters written twice in a row; the replacement is
// the word once. Real reduplications are listed in `allow`.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet repeated_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("rep", rule_head("rep", "repeated-word") + more + "message: “{found}”重复“{word}”\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("repeated-word: the doubled word is reported, the word once is the replacement") {
  Report r =
      check(test::parse("标题报告\n一、工作\n加强教育教育工作，推进法治政府法治政府建设。\n"),
            repeated_rules());
  CHECK(test::show(r) ==
        Lines{"3:3-3:7 rep warning: “教育教育”重复“教育” => 教育",
              "3:12-3:20 rep warning: “法治政府法治政府”重复“法治政府” => 法治政府"});
}

TEST_CASE("repeated-word: allow lists real reduplications, as patterns of the whole double") {
  RuleSet rules = repeated_rules("allow: ['一.一.', '研究研究']\n");
  CHECK(
      test::run(rules, "标题报告\n一、工作\n一步一步推进，研究研究再说，一点一点落实。\n").empty());
  // The same text without `allow`: 一步一步 is a doubled 一步 as far as the characters go.
  CHECK(test::run(repeated_rules(), "标题报告\n一、工作\n一步一步推进，研究研究再说。\n") ==
        Lines{"3:1-3:5 rep warning: “一步一步”重复“一步” => 一步",
              "3:8-3:12 rep warning: “研究研究”重复“研究” => 研究"});
  // A pattern matches the whole double, not a part of it.
  CHECK(test::run(repeated_rules("allow: ['研究']\n"), "标题报告\n一、工作\n研究研究。\n") ==
        Lines{"3:1-3:5 rep warning: “研究研究”重复“研究” => 研究"});
}

TEST_CASE("repeated-word: only Chinese characters, between min_length and max_length") {
  RuleSet rules = repeated_rules();
  // One character doubled (常常, 人人) is below the default min_length of 2; digits and Latin
  // letters are not words here.
  CHECK(test::run(rules, "标题报告\n一、工作\n常常开会，人人参与，2024年2024年，abab，ABAB。\n")
            .empty());
  // Six characters doubled are above the default max_length of 4.
  CHECK(test::run(rules, "标题报告\n一、工作\n依法行政工作依法行政工作。\n").empty());
  CHECK(
      test::run(repeated_rules("min_length: 1\nmax_length: 6\n"),
                "标题报告\n一、工作\n常常开会，依法行政工作依法行政工作。\n") ==
      Lines{"3:1-3:3 rep warning: “常常”重复“常” => 常",
            "3:6-3:18 rep warning: “依法行政工作依法行政工作”重复“依法行政工作” => 依法行政工作"});
}

TEST_CASE("repeated-word: the longest double at a place wins") {
  // 工作工作工作工作 is 工作工作 twice (length 4 first), not 工作 four times.
  CHECK(test::run(repeated_rules(), "标题报告\n一、工作\n抓工作工作工作工作。\n") ==
        Lines{"3:2-3:10 rep warning: “工作工作工作工作”重复“工作工作” => 工作工作"});
  // Three times: one double, then the single word that is left.
  CHECK(test::run(repeated_rules(), "标题报告\n一、工作\n抓工作工作工作。\n") ==
        Lines{"3:2-3:6 rep warning: “工作工作”重复“工作” => 工作"});
}

TEST_CASE("repeated-word: scope text leaves headings out") {
  CHECK(test::run(repeated_rules(), "标题报告\n一、工作工作\n（一）落实落实。正文正文。\n") ==
        Lines{"3:9-3:13 rep warning: “正文正文”重复“正文” => 正文"});
  CHECK(test::run(repeated_rules("scope: headings\n"), "标题报告\n一、工作工作\n正文正文。\n") ==
        Lines{"2:3-2:7 rep warning: “工作工作”重复“工作” => 工作"});
}

TEST_CASE("repeated-word: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("rep", rule_head("rep", "repeated-word") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("min_length: 3\nmax_length: 2\nmessage: m\n") ==
        Lines{"rep/rule.yaml:6:13: 'max_length' must not be less than 'min_length'"});
  CHECK(errors("min_length: 0\nmessage: m\n") ==
        Lines{"rep/rule.yaml:5:13: 'min_length' must be a whole number from 1 to 20, not '0'"});
  CHECK(errors("max_length: 21\nmessage: m\n") ==
        Lines{"rep/rule.yaml:5:13: 'max_length' must be a whole number from 1 to 20, not '21'"});
  CHECK(errors("allow: ['研究(']\nmessage: m\n") ==
        Lines{"rep/rule.yaml:5:8: bad regular expression '研究(' in 'allow': missing ): 研究("});
  CHECK(errors("message: '{found}{words}'\n") ==
        Lines{"rep/rule.yaml:5:10: unknown placeholder {words} in 'message': this kind of rule "
              "provides {found}, {word}"});
}

}  // namespace fzcheck
