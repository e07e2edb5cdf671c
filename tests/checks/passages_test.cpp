// The passage search shared by copied-passage and previous-report: units without whitespace, years
// and numbers folded, table rows left out, and passages of one set of units found in another.
#include <doctest/doctest.h>

#include "checks/passages.hpp"
#include "facts/document_facts.hpp"
#include "rule_pack.hpp"
#include "rules/ruleset_impl.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// The units of a text, made with `options` (regions: the whole text).
std::vector<TextUnit> units_of(const std::string& text, UnitOptions options) {
  static const RuleSet rules = test::RulePack().rules();
  const RuleSet::Impl& impl = rules.impl();
  Document doc = test::parse(text);
  MatchIndex matches = impl.patterns.scan(doc);
  CheckOptions check_options;
  DocumentFacts facts =
      find_document_facts(doc, matches, {impl.patterns, impl.types, impl.parts}, check_options);
  CheckContext ctx(doc, matches, check_options, facts, impl.parts, impl.patterns);
  std::vector<Span> all{{0, static_cast<std::uint32_t>(doc.text.size())}};
  if (!options.regions) options.regions = &all;
  return report_units(ctx, options);
}

std::string utf8_of(const std::u32string& chars) {
  std::string out;
  for (char32_t c : chars) utf8::append(out, c);
  return out;
}

}  // namespace

TEST_CASE("passages: units are the preamble and each level-one section, without whitespace") {
  auto units =
      units_of("标题报告\n前言 一\u3000句。\n一、甲部分\n甲的 正文。\n二、乙部分\n乙。\n", {});
  REQUIRE(units.size() == 3);
  CHECK(utf8_of(units[0].chars) == "前言一句。");
  CHECK(units[1].label == "一、甲部分");
  CHECK(utf8_of(units[1].chars) == "一、甲部分甲的正文。");
}

TEST_CASE("passages: every char's offset is found again from the sparse marks") {
  // Longer than several marks apart, with whitespace of every kind and a table left out between
  // two pieces of one unit.
  std::string text = "标题报告\n一、部分\n";
  for (int i = 0; i < 90; ++i) text += i % 7 == 0 ? "甲 \u3000" : (i % 11 == 0 ? "乙\u00A0" : "乙");
  text += "\n项目\t数量\n合计\t7\n";
  for (int i = 0; i < 70; ++i) text += i % 5 == 0 ? "丙 " : "丁";
  text += "\n二、另一部分\n正文。\n";
  Document doc = test::parse(text);
  UnitOptions options;
  options.skip_tables = true;
  auto units = units_of(text, options);
  REQUIRE(units.size() == 2);
  REQUIRE(units[0].chars.size() > 3 * TextUnit::kMarkEvery);
  for (const TextUnit& u : units) {
    std::uint32_t last = 0;
    for (std::size_t k = 0; k < u.chars.size(); ++k) {
      CAPTURE(k);
      const std::uint32_t at = u.offset(doc.text, k);
      std::size_t i = at;
      CHECK(utf8::next(doc.text, i) == u.chars[k]);
      CHECK((k == 0 || at > last));
      last = at;
    }
    CHECK(u.offset(doc.text, u.chars.size()) > last);
  }
  // The table's text is not in the unit, and the chars after it are found after it.
  const std::size_t table = doc.text.find("合计");
  CHECK(units[0].offset(doc.text, units[0].chars.size() - 1) > table);
}

TEST_CASE("passages: years and numbers folded, table rows left out") {
  const std::string text =
      "标题报告\n一、部分\n2023年办理12件，二〇二三年共３件。\n项目\t数量\t说明\n合计\t7\t无\n"
      "表后。\n二、另一部分\n正文。\n";
  UnitOptions years;
  years.fold_years = true;
  CHECK(utf8_of(units_of(text, years)[0].chars) ==
        "一、部分0000年办理12件，0000年共３件。项目数量说明合计7无表后。");
  UnitOptions all = years;
  all.fold_numbers = true;
  all.skip_tables = true;
  CHECK(utf8_of(units_of(text, all)[0].chars) == "一、部分0000年办理00件，0000年共0件。表后。");
}

TEST_CASE("passages: an index of one set of units searched with another") {
  auto before = units_of("标题报告\n一、甲\n甲乙丙丁戊己庚辛壬癸。\n", {});
  auto after = units_of("标题报告\n一、乙\n另外的话。甲乙丙丁戊己庚辛壬癸。\n二、丙\n无关。\n", {});
  PassageIndex index(before, 10);
  std::vector<CopiedRun> runs;
  index.find(
      after, 0, 100, [](std::uint32_t, std::uint32_t) { return true; },
      [&](const CopiedRun& run) { runs.push_back(run); });
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].unit == 0);
  CHECK(runs[0].from == 0);
  CHECK(runs[0].pos == 8);       // 一、乙另外的话。|甲
  CHECK(runs[0].from_pos == 3);  // 一、甲|甲
  CHECK(runs[0].len == 11);      // 甲…癸。
  // Nothing accepted: nothing found.
  runs.clear();
  index.find(
      after, 0, 100, [](std::uint32_t, std::uint32_t) { return false; },
      [&](const CopiedRun& run) { runs.push_back(run); });
  CHECK(runs.empty());
}

}  // namespace fzcheck::detail
