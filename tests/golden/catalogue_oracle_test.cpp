// The reviewer's expectations of ../shared/domain/catalogue.md §10, written down by hand:
// every Tier A finding must be produced (rule and line, with how many times where the catalogue
// counts them), and every "no flag" row must stay silent. Independent of the generated golden
// files, so that regenerating those cannot quietly drop what a careful reviewer flags.
// Where §13 (corrections from real reports) overrides §10, the override is followed and said so
// next to the entry.
#include <doctest/doctest.h>

#include <map>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

const Report& report_of(const std::string& sample) {
  static std::map<std::string, Report> cache;
  auto it = cache.find(sample);
  if (it != cache.end()) return it->second;
  auto doc = read_document(test::source_path("examples/reports/" + sample + ".txt"));
  REQUIRE(doc.ok());
  return cache.emplace(sample, check(*doc, RuleSet::builtin())).first->second;
}

// Findings of `rule` on `line` (0: any line).
std::size_t count(const std::string& sample, std::uint32_t line, const std::string& rule) {
  std::size_t n = 0;
  for (const Finding& f : report_of(sample).findings)
    n += f.rule_id == rule && (line == 0 || f.begin.line == line);
  return n;
}

struct Expect {
  const char* sample;
  std::uint32_t line;  // 0: anywhere
  const char* rule;
  std::size_t times;  // at least this many on the line
};

const char* const k000 = "000_564c8ac60a8ddf78";
const char* const k001 = "001_0a9e7cee78fe9105";
const char* const k002 = "002_761e60630c4c52e8";
const char* const k003 = "003_2ea09a882f67caa3";
const char* const k004 = "004_982b1b364f1fe93d";

}  // namespace

TEST_CASE("catalogue §10: every Tier A finding is produced") {
  const Expect tier_a[] = {
      // 000 索县教育局
      {k000, 0, "part-first-responsible", 1},
      {k000, 0, "signature-present", 1},
      {k000, 0, "date-present", 1},
      {k000, 20, "heading-form", 1},  // 3、 should be 三、
      {k000, 5, "heading-form", 1},
      {k000, 7, "heading-form", 1},
      {k000, 9, "heading-form", 1},
      {k000, 11, "heading-form", 1},  // （1）–（4） under 一、
      {k000, 18, "heading-form", 1},  // （3） among （一）（二）
      {k000, 12, "term-fazhi", 1},
      {k000, 19, "term-fazhi", 3},
      {k000, 17, "term-fazhi-shenhe", 1},
      {k000, 12, "dunhao-after-deng", 1},
      {k000, 20, "conversion-artefact", 1},
      // 001 梨树县教育局
      {k001, 0, "date-present", 1},
      {k001, 6, "year-range-dash", 2},
      {k001, 7, "conversion-artefact", 1},
      // 002 曲沃县教科局
      {k002, 1, "title-organ", 1},
      {k002, 0, "signature-present", 1},
      {k002, 0, "date-present", 1},
      {k002, 4, "heading-punctuation", 1},
      {k002, 10, "heading-punctuation", 1},
      {k002, 13, "heading-punctuation", 1},
      {k002, 15, "heading-punctuation", 1},
      {k002, 29, "heading-punctuation", 1},
      // §10 flags the full-width （二） of L6 and L32 as odd among half-width siblings; §13.6: the
      // half-width majority is the defect (heading-punctuation on L4, 10, 13, 15, 29 above).
      {k002, 7, "halfwidth-punctuation", 4},
      {k002, 8, "halfwidth-punctuation", 1},
      {k002, 9, "halfwidth-punctuation", 1},
      {k002, 11, "halfwidth-punctuation", 1},
      {k002, 12, "halfwidth-punctuation", 1},
      {k002, 22, "halfwidth-punctuation", 1},
      {k002, 31, "halfwidth-punctuation", 1},
      {k002, 9, "unpaired-punctuation", 1},
      {k002, 14, "paragraph-end", 1},
      // 003 湟中区教育系统
      {k003, 1, "title-present", 1},
      {k003, 0, "signature-present", 1},
      {k003, 0, "date-present", 1},
      {k003, 9, "jin-yu", 1},
      {k003, 14, "term-fazhi", 1},
      {k003, 6, "doubled-punctuation", 1},
      {k003, 16, "dunhao-between-titles", 1},
      {k003, 4, "halfwidth-punctuation", 1},
      {k003, 5, "halfwidth-punctuation", 1},
      {k003, 14, "copied-passage", 1},
      // 004 第七师胡杨河市教育局
      {k004, 0, "part-shortcomings", 1},
      {k004, 9, "part-first-responsible", 1},
      {k004, 21, "heading-sequence-l1", 1},
      {k004, 0, "signature-present", 1},
      {k004, 0, "date-present", 1},
      {k004, 4, "document-title", 1},
      {k004, 4, "year-range-dash", 1},
      {k004, 16, "term-fazhi", 2},
      {k004, 25, "term-fazhi", 1},
      {k004, 24, "repeated-word", 1},
      {k004, 14, "halfwidth-punctuation", 1},
      {k004, 18, "halfwidth-punctuation", 3},
      {k004, 7, "conversion-artefact", 1},
  };
  for (const Expect& e : tier_a) {
    CAPTURE(e.sample);
    CAPTURE(e.line);
    CAPTURE(e.rule);
    CHECK(count(e.sample, e.line, e.rule) >= e.times);
  }
}

TEST_CASE("catalogue §10/§13.3: the part-1st finding of 004 is info, of 000 an error") {
  // §10 gives a warning for 004's sub-heading 1.全面落实法治建设第一责任人职责; §13.3: content
  // inside another part is info, naming where it is.
  std::size_t seen = 0;
  for (const Finding& f : report_of(k004).findings) {
    if (f.rule_id != "part-first-responsible") continue;
    CHECK(f.severity == Severity::info);
    CHECK(f.begin.line == 9);
    ++seen;
  }
  CHECK(seen == 1);
  for (const Finding& f : report_of(k000).findings) {
    if (f.rule_id == "part-first-responsible") CHECK(f.severity == Severity::error);
  }
}

TEST_CASE("catalogue §10: Tier B items the checker covers") {
  const Expect tier_b[] = {
      {k000, 14, "shortcomings-causes", 1},
      {k000, 20, "next-year-plan-year", 1},
      {k000, 3, "dunhao-before-conjunction", 1},
      {k001, 18, "shortcomings-causes", 1},
      {k001, 11, "relative-time", 1},
      {k001, 13, "heading-terminator", 1},
      {k001, 0, "three-systems", 1},
      {k002, 19, "shortcomings-causes", 1},
      {k002, 17, "heading-terminator", 1},
      {k002, 0, "three-systems", 1},
      {k003, 8, "document-outdated", 1},
      {k003, 3, "citation-consistency", 1},
      {k004, 7, "zai-lingdao", 1},
      {k004, 12, "paragraph-end", 1},
      {k004, 19, "zuochu-jueding", 1},
      // §10 gives 004 L15 「二、履行法治政府建设职责情况」 an info as an extra part; §13.1: a theme
      // before the other parts is more measures, and nothing is said.
      {k004, 21, "next-year-plan-year", 1},
  };
  for (const Expect& e : tier_b) {
    CAPTURE(e.sample);
    CAPTURE(e.line);
    CAPTURE(e.rule);
    CHECK(count(e.sample, e.line, e.rule) >= e.times);
  }
}

TEST_CASE("catalogue §10: the no-flag rows stay silent") {
  const Expect none[] = {
      {k001, 11, "jiezhi", 0},      // 截止于2024年11月 is acceptable
      {k001, 21, "term-fazhi", 0},  // 学法制度 / 学法用法制度
      {k001, 0, "title-present", 0},
      {k001, 0, "title-organ", 0},
      {k001, 0, "part-measures", 0},
      {k001, 0, "part-shortcomings", 0},
      {k001, 0, "part-first-responsible", 0},
      {k001, 0, "part-next-year", 0},
      {k001, 0, "part-order", 0},
      {k002, 2, "unpaired-punctuation", 0},  // 《…〈…（2021—2025年）〉…》 nests correctly
      {k002, 2, "year-range-dash", 0},
      {k002, 2, "document-title", 0},
      {k002, 9, "dunhao-between-titles", 0},  // “法在心中活动”“学宪法，讲宪法” without 顿号
      {k002, 9, "year-range-dash", 0},  // 9月23日—24日
      {k002, 0, "part-measures", 0},
      {k002, 0, "part-shortcomings", 0},
      {k002, 0, "part-first-responsible", 0},
      {k002, 0, "part-next-year", 0},
      {k003, 0, "shortcomings-causes", 0},  // 原因是： per item
      {k003, 0, "three-systems", 0},        // all three systems, correct names
      {k003, 0, "part-measures", 0},
      {k003, 0, "part-shortcomings", 0},
      {k003, 0, "part-first-responsible", 0},
      {k003, 0, "part-next-year", 0},
      {k003, 0, "next-year-plan-year", 0},
      {k004, 16, "jin-yu", 0},        // 近千名教师万余名学生
      {k004, 0, "three-systems", 0},  // 3 of 3, correct names
      {k004, 12, "term-fazhi", 0},    // 领导干部学法制度
      {k004, 22, "document-title", 0},  // 《法治政府建设实施纲要（2021—2025年）》 is right
      {k004, 22, "year-range-dash", 0},
      {k000, 22, "term-fazhi-shenhe", 0},  // 法制审核制度 is the official term
  };
  for (const Expect& e : none) {
    CAPTURE(e.sample);
    CAPTURE(e.line);
    CAPTURE(e.rule);
    CHECK(count(e.sample, e.line, e.rule) == 0);
  }
}

}  // namespace fzcheck
