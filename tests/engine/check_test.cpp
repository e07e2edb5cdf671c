// check(): parts classified by priority (and found deeper when allowed), the report year, the
// options, the order of findings, and one finding for one defect (supersedes).
#include <doctest/doctest.h>

#include <thread>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

std::string part(const std::string& id, int priority, const std::string& any,
                 const std::string& extra = "") {
  return rule_head(id, "required-section", "error") + "part: " + id + "\nname: " + id +
         "部分\npriority: " + std::to_string(priority) + "\nheading: {any: [" + any +
         "]}\nmessage: 缺少" + id + "\n" + extra;
}

// A pattern rule that flags 甲 in part `p`.
std::string in_part(const std::string& id, const std::string& p) {
  return rule_head(id, "pattern") + "scope: section:" + p + "\nmessage: 甲在" + p +
         "\nterms: [甲]\n";
}

CheckOptions only(std::set<std::string> ids) {
  CheckOptions o;
  o.only = std::move(ids);
  return o;
}

}  // namespace

TEST_CASE("engine: a heading that fits two parts goes to the one with the lower priority") {
  RulePack pack;
  // Folder order is the opposite of priority order.
  pack.rule("a-short", part("a-short", 20, "问题"))
      .rule("z-first", part("z-first", 10, "第一责任人"))
      .rule("in-short", in_part("in-short", "a-short"))
      .rule("in-first", in_part("in-first", "z-first"));
  RuleSet rules = pack.rules();
  const std::string doc =
      "某局2024年度报告\n一、第一责任人履职中存在的问题\n甲。\n二、其他\n甲。\n";
  CHECK(test::run(rules, doc) ==
        Lines{"1:1-1:1 a-short error: 缺少a-short", "3:1-3:2 in-first warning: 甲在z-first"});
  // With the priorities the other way round, the heading is the other part's.
  RulePack swapped;
  swapped.rule("a-short", part("a-short", 10, "问题"))
      .rule("z-first", part("z-first", 20, "第一责任人"))
      .rule("in-short", in_part("in-short", "a-short"))
      .rule("in-first", in_part("in-first", "z-first"));
  CHECK(test::run(swapped.rules(), doc) ==
        Lines{"1:1-1:1 z-first error: 缺少z-first", "3:1-3:2 in-short warning: 甲在a-short"});
}

TEST_CASE("engine: a part may take several sections, a section belongs to one part") {
  RulePack pack;
  pack.rule("m", part("m", 40, "举措"))
      .rule("in-m", in_part("in-m", "m"))
      .rule("n", part("n", 50, "举措"))
      .rule("in-n", in_part("in-n", "n"));
  CHECK(test::run(pack.rules(), "某局2024年度报告\n一、举措一\n甲。\n二、举措二\n甲。\n") ==
        Lines{"1:1-1:1 n error: 缺少n", "3:1-3:2 in-m warning: 甲在m",
              "5:1-5:2 in-m warning: 甲在m"});
}

TEST_CASE("engine: a part found only deeper is used by scopes when its rule allows it") {
  RulePack pack;
  pack.rule("first",
            part("first", 10, "第一责任人",
                 "subheading: true\nsubheading_message: 在{found}\ninside_severity: warning\n"))
      .rule("other", part("other", 20, "别的", "subheading: false\n"))
      .rule("in-first", in_part("in-first", "first"))
      .rule("in-other", in_part("in-other", "other"));
  CHECK(test::run(pack.rules(),
                  "某局2024年度报告\n一、主要工作\n甲。\n（一）第一责任人履职\n甲。\n（二）别的事\n"
                  "甲。\n") == Lines{"1:1-1:1 other error: 缺少other",
                                     "4:1-4:11 first warning: 在（一）第一责任人履职",
                                     "5:1-5:2 in-first warning: 甲在first"});
}

TEST_CASE("engine: the report year is the title's, else the year the body mentions most") {
  RulePack pack;
  pack.rule("late", rule_head("late", "deadline") +
                        "submit_by: '03-01'\n"
                        "message: '{year}年度报告：{date}晚于{deadline}'\n");
  RuleSet rules = pack.rules();
  const std::string body = "\n一、举措\n2024年完成。2024年继续。2025年计划。\n某局\n2026年3月5日\n";
  // The title's first year wins over the body's.
  CHECK(test::run(rules, "某局2023年度和2024年度报告" + body) ==
        Lines{"5:1-5:10 late warning: 2023年度报告：2026年3月5日晚于2024年3月1日"});
  // Full-width digits count too.
  CHECK(test::run(rules, "某局２０２５年度报告" + body) ==
        Lines{"5:1-5:10 late warning: 2025年度报告：2026年3月5日晚于2026年3月1日"});
  // No year in the title: the body's most mentioned year.
  CHECK(test::run(rules, "某局年度报告" + body) ==
        Lines{"5:1-5:10 late warning: 2024年度报告：2026年3月5日晚于2025年3月1日"});
  // The date line and the signature are not the body: 2026 (body, once) beats 2025 (date).
  CHECK(test::run(rules, "某局年度报告\n一、举措\n2026年完成。\n某局\n2025年3月5日\n").empty());
  CHECK(test::run(rules, "某局年度报告\n一、举措\n2024年完成。\n某局\n2025年3月5日\n") ==
        Lines{"5:1-5:10 late warning: 2024年度报告：2025年3月5日晚于2025年3月1日"});
  // Chinese numerals in the title count.
  CHECK(test::run(rules, "某局二〇二三年度报告" + body) ==
        Lines{"5:1-5:10 late warning: 2023年度报告：2026年3月5日晚于2024年3月1日"});
  // Years in the titles of documents (《…》) are not the year reported on.
  CHECK(test::run(rules,
                  "某局年度报告\n一、举措\n落实《2019年规划》《2019年方案》《2019年意见》，"
                  "2024年完成。\n某局\n2025年3月5日\n") ==
        Lines{"5:1-5:10 late warning: 2024年度报告：2025年3月5日晚于2025年3月1日"});
  // The preamble and the first part decide; later parts (plans for next year) only when those
  // name no year.
  CHECK(test::run(rules,
                  "某局年度报告\n2024年工作如下。\n一、举措\n完成。\n二、计划\n2025年甲。2025年乙。"
                  "2025年丙。\n某局\n2025年3月5日\n") ==
        Lines{"8:1-8:10 late warning: 2024年度报告：2025年3月5日晚于2025年3月1日"});
  CHECK(test::run(rules,
                  "某局年度报告\n一、举措\n完成。\n二、计划\n2025年甲。\n某局\n2026年3月5日\n") ==
        Lines{"7:1-7:10 late warning: 2025年度报告：2026年3月5日晚于2026年3月1日"});
  // Years outside 1990–2100 and numbers of other lengths are no years.
  CHECK(test::run(rules, "某局年度报告\n一、举措\n1989年和2101年和20245年。\n某局\n2025年3月5日\n")
            .empty());
}

TEST_CASE("engine: a rule with years runs only on reports about those years") {
  RulePack pack;
  const std::string flag = "message: 甲\nterms: [甲]\n";
  pack.rule("from", rule_head("from", "pattern") + "years: {from: 2021}\n" + flag)
      .rule("until", rule_head("until", "pattern") + "years: {until: 2020}\n" + flag)
      .rule("range", rule_head("range", "pattern") + "years: {from: 2019, until: 2020}\n" + flag)
      .rule("always", rule_head("always", "pattern") + flag);
  RuleSet rules = pack.rules();
  auto ids = [&](const std::string& title) {
    Lines out;
    for (const Finding& f : check(test::parse(title + "\n一、工作\n甲。\n"), rules).findings)
      out.push_back(f.rule_id);
    return out;
  };
  // Both ends are included.
  CHECK(ids("某局2021年度报告") == Lines{"always", "from"});
  CHECK(ids("某局2020年度报告") == Lines{"always", "range", "until"});
  CHECK(ids("某局2019年度报告") == Lines{"always", "range", "until"});
  CHECK(ids("某局2018年度报告") == Lines{"always", "until"});
  CHECK(ids("某局2035年度报告") == Lines{"always", "from"});
  // The report year is the title's, else the body's.
  CHECK(check(test::parse("某局年度报告\n2022年，我局工作。\n一、工作\n甲。\n"), rules).year ==
        2022);
  CHECK(check(test::parse("某局年度报告\n2022年，我局工作。\n一、工作\n甲。\n"), rules)
            .findings.size() == 2);
  // An unknown year: only the rule without years runs.
  CHECK(ids("某局年度报告") == Lines{"always"});
  const RuleInfo* from = rules.find("from");
  REQUIRE(from != nullptr);
  CHECK(from->from_year == 2021);
  CHECK_FALSE(from->until_year.has_value());
  CHECK(rules.find("always")->from_year == std::nullopt);
}

TEST_CASE("engine: the parts of a pack that does not check the document do not take its headings") {
  // Pack a declares the types and checks every document; pack b checks only 乙类报告, and its part
  // (of a lower priority number) fits the same heading as a's.
  test::TempDir dir;
  dir.write("a/pack.yaml",
            "id: a\ntitle: 甲\ndocument_types:\n"
            "  - {id: kind-a, name: 甲类报告, priority: 10, title: ['甲类报告']}\n"
            "  - {id: kind-b, name: 乙类报告, priority: 10, title: ['乙类报告']}\n"
            "  - {id: other, name: 公文, fallback: true}\n");
  dir.write("a/intro/rule.yaml", part("intro", 50, "情况"));
  dir.write("b/pack.yaml", "id: b\ntitle: 乙\napplies_to: [kind-b]\n");
  dir.write("b/overall/rule.yaml", part("overall", 10, "情况"));
  auto loaded = RuleSet::load({dir.path() / "a", dir.path() / "b"});
  REQUIRE(loaded.ok());
  // A 甲类报告: b does not apply, a's part has its heading.
  Report a = check(test::parse("某局2024年甲类报告\n一、总体情况\n正文。\n"), *loaded);
  CHECK(test::show(a).empty());
  REQUIRE(a.parts.size() == 1);
  CHECK(a.parts[0].id == "intro");
  CHECK(a.parts[0].how == PartStatus::How::heading);
  // A 乙类报告: both apply, and b's part comes first.
  CHECK(test::show(check(test::parse("某局2024年乙类报告\n一、总体情况\n正文。\n"), *loaded)) ==
        Lines{"1:1-1:1 intro error: 缺少intro"});
}

TEST_CASE("engine: disabled, only and severity overrides") {
  RulePack pack;
  for (const char* id : {"a", "b", "c"}) {
    pack.rule(id, rule_head(id, "pattern") + "message: " + id + "\nterms: [甲]\n");
  }
  RuleSet rules = pack.rules();
  const std::string doc = "某局2024年度报告\n一、举措\n甲。\n";
  CHECK(test::run(rules, doc) ==
        Lines{"3:1-3:2 a warning: a", "3:1-3:2 b warning: b", "3:1-3:2 c warning: c"});
  CheckOptions disabled;
  disabled.disabled = {"b"};
  CHECK(test::run(rules, doc, disabled) == Lines{"3:1-3:2 a warning: a", "3:1-3:2 c warning: c"});
  CHECK(test::run(rules, doc, only({"c"})) == Lines{"3:1-3:2 c warning: c"});
  CheckOptions both = only({"a", "b"});
  both.disabled = {"a"};
  CHECK(test::run(rules, doc, both) == Lines{"3:1-3:2 b warning: b"});
  CheckOptions overrides;
  overrides.severity_overrides = {{"a", Severity::error}, {"c", Severity::info}};
  Report report = check(test::parse(doc), rules, overrides);
  CHECK(test::show(report) ==
        Lines{"3:1-3:2 a error: a", "3:1-3:2 b warning: b", "3:1-3:2 c info: c"});
  CHECK(report.count(Severity::error) == 1);
  CHECK(report.count(Severity::warning) == 1);
  CHECK(report.count(Severity::info) == 1);
  CHECK(report.file == "t.txt");
}

TEST_CASE("engine: findings sorted by position, then rule id") {
  RulePack pack;
  pack.rule("b-long", rule_head("b-long", "pattern") + "message: 长\nterms: [甲乙]\n")
      .rule("a-short", rule_head("a-short", "pattern") + "message: 短\nterms: [甲, 丙]\n")
      .rule("c-title",
            rule_head("c-title", "element-present") + "element: title\nmessage: 没有标题\n");
  RuleSet rules = pack.rules();
  CHECK(test::run(rules, "一、举措\n丙甲乙。\n\n甲乙丙甲。\n") ==
        Lines{"1:1-1:1 c-title warning: 没有标题", "2:1-2:2 a-short warning: 短",
              "2:2-2:3 a-short warning: 短", "2:2-2:4 b-long warning: 长",
              "4:1-4:2 a-short warning: 短", "4:1-4:3 b-long warning: 长",
              "4:3-4:4 a-short warning: 短", "4:4-4:5 a-short warning: 短"});
}

TEST_CASE("engine: one rule set checked from several threads gives the same findings") {
  const RuleSet& rules = RuleSet::builtin();
  const std::string text =
      test::read_file(test::source_path("examples/reports/000_564c8ac60a8ddf78.txt"));
  Document doc = test::parse(text, "000.txt");
  Lines expected = test::show(check(doc, rules));
  REQUIRE_FALSE(expected.empty());
  std::vector<Lines> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) results[t] = test::show(check(doc, rules));
    });
  }
  for (auto& th : threads) th.join();
  for (const Lines& r : results) CHECK(r == expected);
  CHECK(&RuleSet::builtin() == &rules);
}

TEST_CASE("supersedes: an overlapping finding of the superseded rule goes, others stay") {
  test::RulePack pack;
  pack.rule("title", test::rule_head("title", "pattern") +
                         "supersedes: [dash]\nmessage: 名称\nterms: ['《纲要（2021-2025）》']\n")
      .rule("dash",
            test::rule_head("dash", "pattern") + "message: 连接号\npatterns: ['\\d{4}-\\d{4}']\n");
  CHECK(test::run(pack.rules(), "标题报告\n一、工作\n对照《纲要（2021-2025）》和2019-2020年。\n") ==
        test::Lines{"3:3-3:18 title warning: 名称", "3:19-3:28 dash warning: 连接号"});
}

TEST_CASE("supersedes: unknown rules") {
  test::RulePack pack;
  pack.rule("a",
            test::rule_head("a", "pattern") +
                "supersedes: [nonesuch, 'other-pack:x', 't:missing']\nmessage: m\nterms: [甲]\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        test::Lines{
            "a/rule.yaml:5:14: unknown rule 'nonesuch' in 'supersedes' (a rule of another pack "
            "is written as pack:rule)",
            "a/rule.yaml:5:40: unknown rule 't:missing' in 'supersedes'"});
}

// A rule that superseded itself dropped every one of its own findings, without a word.
TEST_CASE("supersedes: a rule that supersedes itself, or rules in a circle, are refused") {
  test::RulePack self;
  self.rule("a", test::rule_head("a", "pattern") + "supersedes: [a]\nmessage: m\nterms: [甲]\n");
  CHECK(test::errors(self.load(), self.path()) ==
        test::Lines{"a/rule.yaml:5:14: rule 'a' supersedes itself: it would drop all of its own "
                    "findings"});
  test::RulePack circle;
  circle.rule("a", test::rule_head("a", "pattern") + "supersedes: [b]\nmessage: m\nterms: [甲]\n")
      .rule("b", test::rule_head("b", "pattern") + "supersedes: [c]\nmessage: m\nterms: [甲]\n")
      .rule("c", test::rule_head("c", "pattern") + "supersedes: ['t:a']\nmessage: m\nterms: [甲]\n")
      .rule("d", test::rule_head("d", "pattern") + "supersedes: [a]\nmessage: m\nterms: [甲]\n");
  CHECK(test::errors(circle.load(), circle.path()) ==
        test::Lines{"a/rule.yaml:5:14: rules supersede each other in a circle (a -> b -> c -> a): "
                    "each would drop the others' findings where they overlap",
                    "b/rule.yaml:5:14: rules supersede each other in a circle (b -> c -> a -> b): "
                    "each would drop the others' findings where they overlap",
                    "c/rule.yaml:5:14: rules supersede each other in a circle (c -> a -> b -> c): "
                    "each would drop the others' findings where they overlap"});
}

TEST_CASE("check: terms the office allows, for every rule and for one rule") {
  auto doc = parse_text(
      "某县教育局2024年度法治政府建设情况报告\n一、主要举措和成效\n聘任法制副校长12名，开展法制宣传"
      "。\n");
  REQUIRE(doc.ok());
  auto terms = [&](const CheckOptions& options) {
    std::vector<std::string> out;
    for (const Finding& f : check(*doc, RuleSet::builtin(), options).findings) {
      if (f.rule_id == "term-fazhi") out.push_back(f.excerpt);
    }
    return out;
  };
  CheckOptions none;
  REQUIRE(terms(none).size() == 2);  // 法制副校长, 法制宣传
  CheckOptions all;
  all.allowed_terms = {"法制副校长"};
  CHECK(terms(all).size() == 1);  // only the one inside the allowed term is dropped
  CheckOptions other_rule;
  other_rule.allowed_terms_by_rule["heading-form"] = {"法制副校长"};
  CHECK(terms(other_rule).size() == 2);
  CheckOptions this_rule;
  this_rule.allowed_terms_by_rule["term-fazhi"] = {"法制副校长", "法制宣传"};
  CHECK(terms(this_rule).empty());
  CheckOptions longer;
  longer.allowed_terms = {"聘任法制副校长12名"};  // a finding inside a longer allowed phrase
  CHECK(terms(longer).size() == 1);
}

TEST_CASE("check: an office's own deadlines and parts written inside another part") {
  auto doc = parse_text(
      "某县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n推进依法行政。本局主要负责人履行"
      "推进法治建设"
      "第一责任人职责。\n二、存在的不足和原因\n一是学习不够，原因是重视不够。\n三、2025年工作安排\n"
      "继续推进。\n"
      "某县司法局\n2025年2月20日\n");
  REQUIRE(doc.ok());
  auto rule = [&](const CheckOptions& options, const std::string& id) {
    std::size_t n = 0;
    for (const Finding& f : check(*doc, RuleSet::builtin(), options).findings) n += f.rule_id == id;
    return n;
  };
  CheckOptions defaults;
  CHECK(rule(defaults, "deadline") == 0);                // 2月20日 is before 3月1日
  CHECK(rule(defaults, "part-first-responsible") == 1);  // a note: inside the measures
  CheckOptions office;
  office.submit_by = MonthDay{2, 15};
  office.parts_inside_ok = true;
  CHECK(rule(office, "deadline") == 1);
  CHECK(rule(office, "part-first-responsible") == 0);
}

TEST_CASE("check: last year's report gets its own facts (its parts, its lines)") {
  RulePack pack("t",
                "document_types:\n  - {id: annual, name: 年报, title: ['年度报告']}\n"
                "  - {id: other, name: 其他, fallback: true}\n");
  pack.rule("part-a", part("part-a", 10, "举措"))
      .rule("copy", rule_head("copy", "previous-report") +
                        "compare: passages\nscope: section:part-a\nmin_length: 10\n"
                        "message: '{length}字同{previous}第{previous_line}行'\n");
  RuleSet set = pack.rules();
  CheckOptions options = only({"copy"});
  // Last year's part is found in it as in this one, at its own lines.
  options.previous = std::make_shared<const Document>(
      test::parse("某局的材料\n前言。\n一、主要举措\n甲乙丙丁戊己庚辛壬癸。\n", "2022.txt"));
  Report r = check(test::parse("某局2023年度报告\n一、主要举措\n本年甲乙丙丁戊己庚辛壬癸。\n"), set,
                   options);
  CHECK(r.previous == "2022.txt");
  CHECK(test::show(r) == Lines{"3:3-3:14 copy warning: 11字同2022.txt第4行"});
  // The same document without it: nothing, and no previous file in the report.
  Report alone = check(test::parse("某局2023年度报告\n一、主要举措\n本年甲乙丙丁戊己庚辛壬癸。\n"),
                       set, only({"copy"}));
  CHECK(alone.previous.empty());
  CHECK(alone.findings.empty());
}

TEST_CASE("identify: the type, the year and the organ check() would see") {
  RulePack pack("t",
                "document_types:\n  - {id: annual, name: 年报, title: ['年度报告']}\n"
                "  - {id: other, name: 其他, fallback: true}\n");
  RuleSet set = pack.rules();
  ReportIdentity a = identify(test::parse("某县司法局2023年度报告\n正文。\n"), set);
  CHECK(a.type == "annual");
  CHECK(a.year == 2023);
  CHECK(a.organ == "某县司法局");
  ReportIdentity b =
      identify(test::parse("会议纪要\n2022年的事。\n某县司法局\n2023年1月5日\n"), set);
  CHECK(b.type == "other");
  CHECK(b.year == 2022);
  CHECK(b.organ == "某县司法局");
  CheckOptions forced;
  forced.document_type = "annual";
  CHECK(identify(test::parse("会议纪要\n2022年的事。\n某局\n2023年1月5日\n"), set, forced).type ==
        "annual");
  // Without organ (or year) it cannot be paired: no type is worked out.
  ReportIdentity nobody = identify(test::parse("会议纪要\n2022年的事。\n"), set);
  CHECK(nobody.organ.empty());
  CHECK(nobody.year == 2022);
  CHECK(nobody.type.empty());
}

TEST_CASE("pair_previous: same type and organ, the year before, and only one of them") {
  std::vector<ReportIdentity> reports = {
      {"annual", 2023, "甲局"},  // 0: paired with 1
      {"annual", 2022, "甲局"},  // 1: paired with 3
      {"other", 2022, "甲局"},   // 2: another type
      {"annual", 2021, "甲局"},  // 3: nothing before it
      {"annual", 2023, "乙局"},  // 4: two reports of 2022: not paired
      {"annual", 2022, "乙局"},  // 5
      {"annual", 2022, "乙局"},  // 6
      {"annual", 2021, "丙局"},  // 7: 2019 is not the year before
      {"annual", 2019, "丙局"},  // 8
      {"annual", 2023, ""},      // 9: no organ
      {"annual", 2022, ""},      // 10
      {"annual", 0, "丁局"},     // 11: no year
  };
  std::vector<PreviousMatch> m = pair_previous(reports);
  REQUIRE(m.size() == reports.size());
  CHECK(m[0].previous == 1u);
  CHECK(m[1].previous == 3u);
  CHECK_FALSE(m[2].previous);
  CHECK_FALSE(m[3].previous);
  CHECK_FALSE(m[4].previous);
  CHECK(m[4].candidates == std::vector<std::size_t>{5, 6});
  CHECK(m[5].candidates.empty());
  CHECK_FALSE(m[7].previous);
  CHECK_FALSE(m[9].previous);
  CHECK_FALSE(m[11].previous);
  CHECK(m[0].candidates == std::vector<std::size_t>{1});
}

}  // namespace fzcheck
