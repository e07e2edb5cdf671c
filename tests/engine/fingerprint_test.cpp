// Finding::fingerprint: who a finding is from one draft to the next. Stable when text is added
// or changed elsewhere (lines shift, sections are renumbered), different when its own words or the
// headings above it change, and different for identical findings under the same headings.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "engine/fingerprint.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

// 法制教育 and 错字 are flagged wherever they are, and ABC1 in either width, with or without a
// space; a missing signature at the end of the text.
const RuleSet& rules() {
  static const RuleSet set = [] {
    RulePack pack;
    pack.rule("words", rule_head("words", "pattern") + "message: 不要写“{match}”\n" +
                           "terms: [法制教育, 错字]\npatterns: ['[AＡ][BＢ][CＣ][ 　]?[1１]']\n")
        .rule("sig", rule_head("sig", "element-present", "info") +
                         "element: signature\nmessage: 无落款\n");
    return pack.rules();
  }();
  return set;
}

// The findings of a document as check() gives them.
std::vector<Finding> findings(const std::string& text) {
  return check(test::parse(text), rules()).findings;
}

const Finding& only(const std::vector<Finding>& all, const std::string& rule,
                    const std::string& excerpt) {
  auto it = std::find_if(all.begin(), all.end(), [&](const Finding& f) {
    return f.rule_id == rule && f.excerpt == excerpt;
  });
  REQUIRE(it != all.end());
  CHECK(std::count_if(all.begin(), all.end(), [&](const Finding& f) {
          return f.rule_id == rule && f.excerpt == excerpt;
        }) == 1);
  return *it;
}

const std::string kDraft =
    "某局2024年度法治政府建设情况报告\n"
    "导语。\n"
    "一、主要举措\n"
    "（一）加强学习\n"
    "开展法制教育。\n"
    "（二）完善制度\n"
    "制度完善。\n"
    "二、存在的不足\n"
    "有错字。\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("fingerprint text: whitespace out, full-width ASCII folded, the first line, 80 at most") {
  using detail::fingerprint_text;
  CHECK(fingerprint_text("法制\u3000教育 ") == "法制教育");
  CHECK(fingerprint_text("\t（一）\u00a0加强") == "(一)加强");
  CHECK(fingerprint_text("ＡＢＣ１，２") == "ABC1,2");
  CHECK(fingerprint_text("ABC1,2") == "ABC1,2");
  CHECK(fingerprint_text("甲乙\n丙") == "甲乙");
  CHECK(fingerprint_text("") == "");
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += i % 2 ? "字 " : "文";
  CHECK(fingerprint_text(long_text) == [] {
    std::string s;
    for (int i = 0; i < 80; ++i) s += i % 2 ? "字" : "文";
    return s;
  }());
}

TEST_CASE(
    "fingerprint: the heading path is every heading above, outermost first, without numbers") {
  const Document doc = test::parse(kDraft);
  const auto at = static_cast<std::uint32_t>(doc.text.find("开展"));
  CHECK(detail::heading_path(doc, at) == std::vector<std::string>{"主要举措", "加强学习"});
  CHECK(detail::heading_path(doc, static_cast<std::uint32_t>(doc.text.find("有错字"))) ==
        std::vector<std::string>{"存在的不足"});
  CHECK(detail::heading_path(doc, static_cast<std::uint32_t>(doc.text.find("导语"))).empty());
}

TEST_CASE("fingerprint: 16 hex digits, one for each finding of a document") {
  const auto all = findings(kDraft);
  REQUIRE(all.size() == 3);  // 法制教育, 错字, no signature
  std::set<std::string> seen;
  for (const Finding& f : all) {
    CHECK(f.fingerprint.size() == 16);
    CHECK(std::all_of(f.fingerprint.begin(), f.fingerprint.end(),
                      [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
    seen.insert(f.fingerprint);
  }
  CHECK(seen.size() == all.size());
  // The same document checked again gives the same fingerprints.
  const auto again = findings(kDraft);
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(again[i].fingerprint == all[i].fingerprint);
}

TEST_CASE("fingerprint: stable when a paragraph is inserted above and text elsewhere changes") {
  const auto before = findings(kDraft);
  // A paragraph above everything, another inside the section, words changed in another section:
  // every line moves, the offsets too.
  std::string edited = replaced(kDraft, "导语。\n", "导语。\n新加的一段导语，说明情况。\n");
  edited = replaced(edited, "开展法制教育。", "认真开展法制教育。又一句。");
  edited = replaced(edited, "制度完善。", "制度已经完善，并且印发。\n补充一段。");
  const auto after = findings(edited);
  for (const char* excerpt : {"法制教育", "错字"}) {
    const Finding& a = only(before, "words", excerpt);
    const Finding& b = only(after, "words", excerpt);
    CHECK(a.begin.line != b.begin.line);
    CHECK(a.fingerprint == b.fingerprint);
  }
  CHECK(only(before, "sig", "").fingerprint == only(after, "sig", "").fingerprint);
}

TEST_CASE("fingerprint: stable when sections are renumbered and spacing or width changes") {
  const auto before = findings(kDraft);
  // A new first section: 一、 becomes 二、, 二、 becomes 三、; the heading's words stay.
  std::string edited =
      replaced(kDraft, "一、主要举措\n", "一、总体情况\n情况良好。\n二、主要举措\n");
  edited = replaced(edited, "二、存在的不足", "三、存在的不足");
  edited = replaced(edited, "（一）加强学习", "（一） 加强 学习");
  const auto after = findings(edited);
  CHECK(only(before, "words", "法制教育").fingerprint ==
        only(after, "words", "法制教育").fingerprint);
  CHECK(only(before, "words", "错字").fingerprint == only(after, "words", "错字").fingerprint);
  // Width and spaces inside the excerpt do not count either.
  const auto half = findings(replaced(kDraft, "有错字。", "有ABC 1。"));
  const auto full = findings(replaced(kDraft, "有错字。", "有ＡＢＣ　１。"));
  REQUIRE(half.size() == 3);
  REQUIRE(full.size() == 3);
  CHECK(only(half, "words", "ABC 1").fingerprint == only(full, "words", "ＡＢＣ　１").fingerprint);
}

TEST_CASE("fingerprint: different when the excerpt or a heading above it changes") {
  const auto before = findings(kDraft);
  const std::string fp = only(before, "words", "法制教育").fingerprint;
  // Another excerpt at the same place.
  CHECK(only(findings(replaced(kDraft, "开展法制教育。", "开展ABC1。")), "words", "ABC1")
            .fingerprint != fp);
  // The same words under another heading, at the first level or the second.
  CHECK(only(findings(replaced(kDraft, "（一）加强学习", "（一）加强培训")), "words", "法制教育")
            .fingerprint != fp);
  CHECK(only(findings(replaced(kDraft, "一、主要举措", "一、主要做法")), "words", "法制教育")
            .fingerprint != fp);
  // The same words moved under the other subheading.
  std::string moved = replaced(kDraft, "开展法制教育。", "开展学习。");
  moved = replaced(moved, "制度完善。", "开展法制教育。");
  CHECK(only(findings(moved), "words", "法制教育").fingerprint != fp);
  // Another rule with the same words: a rule of its own.
  const Finding& f = only(before, "words", "法制教育");
  Finding other = f;
  other.rule_id = "other";
  std::vector<Finding> list = {other};
  detail::assign_fingerprints(list, test::parse(kDraft));
  CHECK(list[0].fingerprint != fp);
}

TEST_CASE("fingerprint: identical findings under the same heading are told apart by their order") {
  const std::string twice = replaced(kDraft, "有错字。", "有错字。\n又有错字。");
  const auto all = findings(twice);
  std::vector<const Finding*> words;
  for (const Finding& f : all) {
    if (f.excerpt == "错字") words.push_back(&f);
  }
  REQUIRE(words.size() == 2);
  CHECK(words[0]->fingerprint != words[1]->fingerprint);
  // The first of them is the one the draft with one had.
  CHECK(words[0]->fingerprint == only(findings(kDraft), "words", "错字").fingerprint);
  // Under different headings the same words are not counted together.
  const std::string apart = replaced(kDraft, "制度完善。", "有错字。");
  const auto both = findings(apart);
  std::vector<std::string> fps;
  for (const Finding& f : both) {
    if (f.excerpt == "错字") fps.push_back(f.fingerprint);
  }
  REQUIRE(fps.size() == 2);
  CHECK(fps[0] != fps[1]);
  CHECK(fps[1] == only(findings(kDraft), "words", "错字").fingerprint);
}

TEST_CASE(
    "fingerprint: something missing from the whole document keeps it when a section is added") {
  const auto before = findings(kDraft);
  const Finding& sig = only(before, "sig", "");
  CHECK(sig.heading ==
        "二、存在的不足");  // reported at the end of the text, under the last heading
  const auto after = findings(kDraft + "三、下一步打算\n继续努力。\n");
  CHECK(only(after, "sig", "").heading == "三、下一步打算");
  CHECK(only(after, "sig", "").fingerprint == sig.fingerprint);
  // Blank lines after the text do not matter either.
  CHECK(only(findings(kDraft + "\n\n"), "sig", "").fingerprint == sig.fingerprint);
}

TEST_CASE("fingerprint: the values are fixed, so that baselines written before stay valid") {
  // Changing how fingerprints are made makes every baseline useless: raise kFingerprintVersion
  // (fzcheck/baseline.hpp) and the "fzcheck/v1" of SARIF, and say so in docs/baseline.md.
  const auto all = findings(kDraft);
  REQUIRE(all.size() == 3);
  CHECK(only(all, "words", "法制教育").fingerprint == "68463eee4f880027");
  CHECK(only(all, "words", "错字").fingerprint == "9b9c7a44ea2e4931");
  CHECK(only(all, "sig", "").fingerprint == "8b0494c2c5e1bbbd");
}

}  // namespace fzcheck
