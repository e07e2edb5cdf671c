// kind: pattern — terms and regexes that must not appear, replacements, exceptions, overlaps and
// scopes.
#include <doctest/doctest.h>

#include <chrono>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

CheckOptions only(const std::string& id) {
  CheckOptions o;
  o.only = {id};
  return o;
}

const std::string kScopes =
    "某局关于甲的2024年度法治政府建设情况报告\n"  // 1 title
    "甲在导语。\n"                                // 2 preamble
    "一、主要举措甲\n"                            // 3 heading
    "（一）甲标题。甲正文。\n"                    // 4 run-in heading and text
    "正文甲。\n"                                  // 5 body
    "二、存在问题\n"                              // 6 heading
    "问题甲。\n"                                  // 7 body
    "某甲局\n"                                    // 8 signature
    "2025年2月24日\n";                            // 9 date

}  // namespace

TEST_CASE("pattern: terms with the rule's message or their own, and certain replacements") {
  RulePack pack;
  pack.rule(
      "words",
      rule_head("words", "pattern", "error") +
          "message: 不要写“{match}”\n"
          "terms:\n"
          "  - 法制教育\n"
          "  - {find: 法制副校长, replace: 法治副校长, message: '“{match}”应为“{replacement}”'}\n"
          "  - {find: 依法治县, replace: 全面依法治县}\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n开展法制教育，聘请法制副校长。\n推进依法治县。\n") ==
        Lines{"3:3-3:7 words error: 不要写“法制教育”",
              "3:10-3:15 words error: “法制副校长”应为“法治副校长” => 法治副校长",
              "4:3-4:7 words error: 不要写“依法治县” => 全面依法治县"});
}

TEST_CASE("pattern: overlapping matches, the earliest and then the longest wins") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") +
                     "message: “{match}”\nterms: [法制, 法制教育, 教育局, 育局长, 局长]\n");
  RuleSet rules = pack.rules();
  // 法制教育局长: 法制教育 (longest at 0) wins over 法制; 教育局 and 育局长 overlap it; 局长 starts
  // after it ends.
  CHECK(test::run(rules, "标题报告\n一、工作\n法制教育局长。\n") ==
        Lines{"3:1-3:5 r warning: “法制教育”", "3:5-3:7 r warning: “局长”"});
  // Regexes and literals compete the same way.
  RulePack mixed;
  mixed.rule("r", rule_head("r", "pattern") +
                      "message: “{match}”\nterms: [近年来]\npatterns: ['近\\d+年', '年来.{2}']\n");
  CHECK(test::run(mixed.rules(), "标题报告\n一、工作\n近年来做了工作，近3年来也是。\n") ==
        Lines{"3:1-3:4 r warning: “近年来”", "3:9-3:12 r warning: “近3年”"});
}

TEST_CASE("pattern: of two entries with the same match, the one listed first wins, every time") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") +
                     "message: m\nterms: [{find: 法制, message: 第一}]\n"
                     "patterns: [{match: '法(制)', message: 第二}]\n");
  std::string line;
  for (int i = 0; i < 40; ++i) line += "法制，";
  Lines found = test::run(pack.rules(), "标题报告\n一、工作\n" + line + "。\n");
  REQUIRE(found.size() == 40);
  for (std::size_t i = 0; i < found.size(); ++i) {
    CAPTURE(i);
    CHECK(found[i] == "3:" + std::to_string(3 * i + 1) + "-3:" + std::to_string(3 * i + 3) +
                          " r warning: 第一");
  }
}

TEST_CASE("pattern: a match that overlaps an exception does not count") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") +
                     "message: “{match}”应为“法治”\nterms: [法制]\nexcept: [法制审核, 审核法, "
                     "'法制(办|局)']\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules,
                  "标题报告\n一、工作\n法制审核制度；法制宣传；审核法制；县法制办；法制。\n") ==
        Lines{"3:8-3:10 r warning: “法制”应为“法治”", "3:23-3:25 r warning: “法制”应为“法治”"});
}

TEST_CASE("pattern: regex replacements with capture groups") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern", "info") +
                     "message: “{match}”应为“{replacement}”\n"
                     "patterns:\n"
                     "  - {match: '截止(\\d{4})年(\\d{1,2})月', replace: '截至\\1年\\2月'}\n"
                     "  - {match: '(\\p{Han})\\s+(\\p{Han})', replace: '\\1\\2'}\n"
                     "  - {match: 至今为止, replace: 截至目前}\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules,
                  "标题报告\n一、工作\n截止2024年12月底，共办理。法治 政府。至今为止完成。\n") ==
        Lines{"3:1-3:11 r info: “截止2024年12月”应为“截至2024年12月” => 截至2024年12月",
              "3:18-3:21 r info: “治 政”应为“治政” => 治政",
              "3:23-3:27 r info: “至今为止”应为“截至目前” => 截至目前"});
}

TEST_CASE("pattern: literals with upper-case ASCII keep their case, lower-case ones fold") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: “{match}”\nterms: [PDF, app]\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n上传pdf和PDF，下载App和APP。\n") ==
        Lines{"3:7-3:10 r warning: “PDF”", "3:13-3:16 r warning: “App”",
              "3:17-3:20 r warning: “APP”"});
}

TEST_CASE("pattern: every scope") {
  RulePack pack;
  pack.rule("part", rule_head("part", "required-section") +
                        "message: 缺少举措\npart: measures\nname: 举措\nheading: {any: [举措]}\n");
  for (const char* scope : {"document", "title", "preamble", "body", "headings", "text",
                            "signature", "section:measures"}) {
    std::string id =
        std::string("s-") + (std::string(scope) == "section:measures" ? "part" : scope);
    pack.rule(id, rule_head(id, "pattern") + "message: 甲\nscope: '" + scope + "'\nterms: [甲]\n");
  }
  pack.rule("s-date",
            rule_head("s-date", "pattern") + "message: 月\nscope: date\npatterns: ['\\d+月']\n");
  RuleSet rules = pack.rules();
  auto lines = [&](const std::string& id) {
    Lines out;
    for (const std::string& f : test::run(rules, kScopes, only(id)))
      out.push_back(f.substr(0, f.find(' ')));
    return out;
  };
  CHECK(lines("s-document") == Lines{"1:5-1:6", "2:1-2:2", "3:7-3:8", "4:4-4:5", "4:8-4:9",
                                     "5:3-5:4", "7:3-7:4", "8:2-8:3"});
  CHECK(lines("s-title") == Lines{"1:5-1:6"});
  CHECK(lines("s-preamble") == Lines{"2:1-2:2"});
  CHECK(lines("s-body") == Lines{"2:1-2:2", "3:7-3:8", "4:4-4:5", "4:8-4:9", "5:3-5:4", "7:3-7:4"});
  CHECK(lines("s-headings") == Lines{"3:7-3:8", "4:4-4:5"});
  CHECK(lines("s-text") == Lines{"2:1-2:2", "4:8-4:9", "5:3-5:4", "7:3-7:4"});
  CHECK(lines("s-signature") == Lines{"8:2-8:3"});
  CHECK(lines("s-part") == Lines{"3:7-3:8", "4:4-4:5", "4:8-4:9", "5:3-5:4"});
  CHECK(lines("s-date") == Lines{"9:6-9:8"});
  CHECK(rules.find("s-body")->scope == "body");
  CHECK(rules.find("s-part")->scope == "section:measures");
}

TEST_CASE("pattern: empty matches are never findings") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: “{match}”\npatterns: ['x*', '甲?']\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n乙甲丙xx。\n") ==
        Lines{"3:2-3:3 r warning: “甲”", "3:4-3:6 r warning: “xx”"});
}

TEST_CASE("pattern: once reports only the first match of all the entries") {
  RulePack pack;
  pack.rule("old", rule_head("old", "pattern", "error") +
                       "terms: [乙栏, 甲栏]\nonce: true\nmessage: 旧表“{match}”\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "标题报告\n一、表\n甲栏\t乙栏\t甲栏\n乙栏\n") ==
        Lines{"3:1-3:3 old error: 旧表“甲栏”"});
  CHECK(test::run(rules, "标题报告\n一、表\n无。\n").empty());
  RulePack every;
  every.rule("old", rule_head("old", "pattern") + "terms: [甲栏]\nonce: false\nmessage: m\n");
  CHECK(test::run(every.rules(), "标题报告\n一、表\n甲栏、甲栏。\n").size() == 2);
}

TEST_CASE("pattern: title_year_group reports a year that is not the title's") {
  RulePack pack;
  pack.rule("period", rule_head("period", "pattern") +
                          "patterns: [{match: '期限为(\\d{4})年', title_year_group: 1}]\n"
                          "message: '{year}年，标题{title_year}年：{match}'\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "某局2024年度报告\n统计期限为2023年。\n一、工作\n期限为2024年。\n") ==
        Lines{"2:3-2:11 period warning: 2023年，标题2024年：期限为2023年"});
  // No year in the title: nothing to compare with.
  CHECK(test::run(rules, "某局年度报告\n统计期限为2023年。\n一、工作\n无。\n").empty());

  RulePack bad;
  bad.rule("r", rule_head("r", "pattern") +
                    "message: m\n"
                    "patterns: [{match: '期限为\\d{4}年', title_year_group: 1}]\n"
                    "terms: [{find: 甲, title_year_group: 1}]\n");
  CHECK(test::errors(bad.load(), bad.path()) ==
        Lines{"r/rule.yaml:6:51: the pattern has no group 1 to read a year from",
              "r/rule.yaml:7:19: unknown key 'title_year_group' in this item of 'terms'"});
}

TEST_CASE("pattern: {year} and {title_year} only where an entry reads a year") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: '{year}'\npatterns: ['(\\d{4})年']\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"r/rule.yaml:5:10: unknown placeholder {year} in 'message': this kind of rule "
              "provides {match}, {replacement}"});
}

TEST_CASE("pattern: load errors of the kind") {
  RulePack none;
  none.rule("r", rule_head("r", "pattern") + "message: m\n");
  CHECK(test::errors(none.load(), none.path()) ==
        Lines{"r/rule.yaml:1:1: a pattern rule needs 'terms' or 'patterns'"});

  RulePack bad;
  bad.rule("r", rule_head("r", "pattern") +
                    "message: 改为{replacement}\n"
                    "terms: ['', {replace: 乙}, {find: 甲, message: '{what}'}]\n"
                    "patterns: [{match: 乙, replace: 丙}]\n");
  CHECK(test::errors(bad.load(), bad.path()) ==
        Lines{"r/rule.yaml:5:10: the message uses {replacement} but some terms or patterns have no "
              "'replace'",
              "r/rule.yaml:6:9: an item of 'terms' must not be empty",
              "r/rule.yaml:6:13: missing required key 'find' in this item of 'terms'",
              "r/rule.yaml:6:46: unknown placeholder {what} in 'message': this kind of rule "
              "provides {match}, {replacement}"});
}

TEST_CASE("pattern: (a+)+$ on 100,000 a's and a '!' finishes quickly: RE2 is linear") {
  RulePack pack;
  pack.rule("redos", rule_head("redos", "pattern") +
                         "message: “{match}”\nscope: document\npatterns: ['(a+)+$', '(x|x)*y']\n");
  RuleSet rules = pack.rules();
  std::string text =
      "标题报告\n" + std::string(100000, 'a') + "!\n" + std::string(50000, 'x') + "\n";
  Document doc = test::parse(text);
  auto start = std::chrono::steady_clock::now();
  Report report = check(doc, rules);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(report.findings.empty());  // neither matches: the a's are followed by '!', no y at all
  CHECK(elapsed < std::chrono::seconds(1));
  // Without the '!', the whole line matches, still at once.
  Document matching = test::parse("标题报告\n" + std::string(100000, 'a') + "\n");
  Report found = check(matching, rules);
  REQUIRE(found.findings.size() == 1);
  CHECK(test::at(found.findings[0].begin) == "2:1");
  CHECK(test::at(found.findings[0].end) == "2:100001");
}

}  // namespace fzcheck
