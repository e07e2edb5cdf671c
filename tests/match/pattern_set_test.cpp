// PatternSet: literals and RE2 regexes compiled together, one scan per document. Regexes with
// atoms run only where their atoms occur and must still find every match.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fzcheck/read.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

namespace {

Document parse(const std::string& text) {
  auto doc = parse_text(text, "t");
  REQUIRE(doc.ok());
  return std::move(*doc);
}

PatternId regex(PatternSet& set, const std::string& pattern) {
  auto added = set.add_regex(pattern);
  REQUIRE_MESSAGE(std::holds_alternative<PatternId>(added), std::get<std::string>(added));
  return std::get<PatternId>(added);
}

std::string regex_error(const std::string& pattern) {
  PatternSet set;
  auto added = set.add_regex(pattern);
  REQUIRE(std::holds_alternative<std::string>(added));
  return std::get<std::string>(added);
}

using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

Spans spans(const MatchIndex& index, PatternId id) {
  Spans out;
  for (const Match& m : index.all(id)) out.emplace_back(m.begin, m.end);
  return out;
}

// What a regex finds when run directly on every paragraph: leftmost, non-overlapping, and an
// empty match steps one code point further.
Spans reference(const Document& doc, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(pattern, options);
  REQUIRE(re.ok());
  Spans out;
  for (const Paragraph& p : doc.paragraphs) {
    re2::StringPiece para(doc.text.data() + p.span.begin, p.span.size());
    std::size_t pos = 0;
    re2::StringPiece m;
    while (pos <= para.size() && re.Match(para, pos, para.size(), RE2::UNANCHORED, &m, 1)) {
      auto b = static_cast<std::uint32_t>(m.data() - para.data());
      auto e = static_cast<std::uint32_t>(b + m.size());
      out.emplace_back(p.span.begin + b, p.span.begin + e);
      if (e > b) {
        pos = e;
      } else {
        if (e >= para.size()) break;
        pos = e + 1;
        while (pos < para.size() && (static_cast<unsigned char>(para[pos]) & 0xC0) == 0x80) ++pos;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("pattern set: identical literals and identical regexes share one id") {
  PatternSet set;
  PatternId a = set.add_literal("法制");
  PatternId b = set.add_literal("法治");
  CHECK(set.add_literal("法制") == a);
  CHECK(a != b);
  PatternId r = regex(set, "法[制治]");
  CHECK(regex(set, "法[制治]") == r);
  CHECK(r != a);
  CHECK(r != b);
  // A literal and a regex with the same text are different patterns.
  PatternId lit = set.add_literal("a.b");
  PatternId re = regex(set, "a.b");
  CHECK(lit != re);
  CHECK(set.size() == 5);
  CHECK(set.regex(lit) == nullptr);
  REQUIRE(set.regex(re) != nullptr);
  CHECK(set.regex(re)->pattern() == "a.b");
}

TEST_CASE("pattern set: a literal is found as written, a regex by its meaning") {
  PatternSet set;
  PatternId lit = set.add_literal("a.b");
  PatternId re = regex(set, "a.b");
  set.build();
  Document doc = parse("a.b axb");
  MatchIndex index = set.scan(doc);
  CHECK(spans(index, lit) == Spans{{0, 3}});
  CHECK(spans(index, re) == Spans{{0, 3}, {4, 7}});
}

TEST_CASE("pattern set: bad regexes are explained") {
  CHECK(regex_error("[unclosed") == "missing ]: [unclosed");
  CHECK(regex_error("(?=x)") ==
        "invalid perl operator: (?= (RE2 has no lookahead or lookbehind: match the text itself and "
        "list the contexts that must not count under 'except')");
  CHECK(regex_error("a(?!b)").find("RE2 has no lookahead or lookbehind") != std::string::npos);
  CHECK(regex_error("(?<=a)b").find("RE2 has no lookahead or lookbehind") != std::string::npos);
  CHECK(regex_error("(a)\\1") ==
        "invalid escape sequence: \\1 (RE2 has no backreferences; use a 'repeated-word' rule for "
        "doubled words)");
  CHECK(regex_error("a**") == "bad repetition operator: **");
}

TEST_CASE("pattern set: literals with upper-case ASCII match that case only, others fold") {
  PatternSet set;
  PatternId upper = set.add_literal("PDF");
  PatternId lower = set.add_literal("pdf");
  PatternId mixed = set.add_literal("Word文档");
  set.build();
  Document doc = parse("pdf PDF Pdf\nword文档 Word文档 WORD文档");
  MatchIndex index = set.scan(doc);
  CHECK(spans(index, upper) == Spans{{4, 7}});
  CHECK(spans(index, lower) == Spans{{0, 3}, {4, 7}, {8, 11}});
  CHECK(spans(index, mixed) == Spans{{23, 33}});
}

TEST_CASE("pattern set: regexes are case-sensitive unless they say (?i)") {
  PatternSet set;
  PatternId exact = regex(set, "ABC\\d");
  PatternId folded = regex(set, "(?i)abc\\d");
  set.build();
  Document doc = parse("abc1 ABC2 Abc3");
  MatchIndex index = set.scan(doc);
  CHECK(spans(index, exact) == Spans{{5, 9}});
  CHECK(spans(index, folded) == Spans{{0, 4}, {5, 9}, {10, 14}});
}

TEST_CASE("pattern set: a regex match never crosses paragraphs") {
  PatternSet set;
  PatternId re = regex(set, "甲.*乙");
  PatternId dot_nl = regex(set, "(?s)甲.*乙");
  set.build();
  Document doc = parse("甲在前\n乙在后\n甲乙");
  MatchIndex index = set.scan(doc);
  // 甲在前 = 9 bytes, '\n', 乙在后 = 9 bytes, '\n', 甲乙 at 20.
  CHECK(spans(index, re) == Spans{{20, 26}});
  CHECK(spans(index, dot_nl) == Spans{{20, 26}});
}

TEST_CASE("pattern set: regexes with and without atoms find what RE2 finds on every paragraph") {
  const std::vector<std::string> patterns = {
      "行政(许可|处罚|检查)[^。；]{0,6}公示",  // atoms
      "\\d{4}年",                              // atom 年
      "[一二三四五六七八九十]+是",             // atom 是
      "法[制治]审核",                          // atoms 法制审核 / 法治审核
      "(?i)pdf",                               // ASCII atom, case folded
      "[A-Z]{2,}",                             // no atom: runs everywhere
      "\\d+",                                  // no atom
      "^[（(]",                                // no atom of three bytes
      "。$",                                   // one three-byte atom
  };
  const std::vector<std::string> fragments = {"行政许可结果公示",
                                              "行政处罚信息",
                                              "已公示",
                                              "2024年",
                                              "二〇二四年",
                                              "一是",
                                              "统一是",
                                              "十二是",
                                              "法制审核",
                                              "法治审核",
                                              "审核",
                                              "PDF",
                                              "pdf文件",
                                              "AB",
                                              "x",
                                              "12",
                                              "（",
                                              "(",
                                              "。",
                                              "，",
                                              "行政检查",
                                              "公示",
                                              "年",
                                              "是"};
  std::mt19937 rng(7);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::string text;
  for (int p = 0; p < 400; ++p) {
    std::size_t n = pick(8);
    for (std::size_t k = 0; k < n; ++k) text += fragments[pick(fragments.size())];
    text += '\n';
  }
  Document doc = parse(text);
  REQUIRE(doc.paragraphs.size() >= 300);

  PatternSet set;
  std::vector<PatternId> ids;
  for (const auto& p : patterns) ids.push_back(regex(set, p));
  set.build();
  MatchIndex index = set.scan(doc);
  std::size_t total = 0;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    CAPTURE(patterns[i]);
    Spans expected = reference(doc, patterns[i]);
    CHECK(spans(index, ids[i]) == expected);
    CHECK(!expected.empty());
    total += expected.size();
  }
  CHECK(total > 500);
}

TEST_CASE("pattern set: atoms with non-ASCII letters still find upper-case text") {
  // RE2 lowercases the atoms it extracts (Ⅱ becomes ⅱ, Ｐ becomes ｐ, É becomes é) even for a
  // case-sensitive regex; the automaton folds ASCII only, so the text must not be trusted to
  // hold the lowered atom.
  const std::vector<std::string> patterns = {"第Ⅱ部分", "ＰＤＦ\\d", "Éclair\\d", "(?i)ｇｄｐ增长",
                                             "ΑΒΓ\\d"};
  Document doc =
      parse("见第Ⅱ部分。\n上传ＰＤＦ1文件\nÉclair2\nＧＤＰ增长\nΑΒΓ3\nｐｄｆ1 éclair3 第ⅱ部分");
  PatternSet set;
  std::vector<PatternId> ids;
  for (const auto& p : patterns) ids.push_back(regex(set, p));
  set.build();
  MatchIndex index = set.scan(doc);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    CAPTURE(patterns[i]);
    Spans expected = reference(doc, patterns[i]);
    CHECK(expected.size() == 1);
    CHECK(spans(index, ids[i]) == expected);
  }
}

TEST_CASE("pattern set: a regex with atoms runs only on paragraphs that hold them") {
  // Only observable through results: the atom 公示 is missing from the second paragraph, which
  // has text the regex would otherwise look at; the match in the third paragraph is found after a
  // paragraph with no hits at all.
  PatternSet set;
  PatternId re = regex(set, "执法.{0,4}公示");
  PatternId lit = set.add_literal("无关");
  set.build();
  Document doc = parse("执法结果公示\n执法记录\n无关\n\n执法信息要公示");
  MatchIndex index = set.scan(doc);
  CHECK(spans(index, re) == Spans{{0, 18}, {40, 61}});
  CHECK(spans(index, lit) == Spans{{32, 38}});
}

TEST_CASE("pattern set: empty matches advance one code point and end") {
  PatternSet set;
  PatternId star = regex(set, "x*");
  PatternId a_star = regex(set, "a*");
  set.build();
  Document doc = parse("一二\naab");
  MatchIndex index = set.scan(doc);
  // 一二 is 6 bytes: empty matches at 0, 3 and 6; then "aab" at 7.
  CHECK(spans(index, star) == Spans{{0, 0}, {3, 3}, {6, 6}, {7, 7}, {8, 8}, {9, 9}, {10, 10}});
  CHECK(spans(index, a_star) == Spans{{0, 0}, {3, 3}, {6, 6}, {7, 9}, {9, 9}, {10, 10}});
}

TEST_CASE("pattern set: a set with no patterns or only literals scans fine") {
  PatternSet empty;
  empty.build();
  Document doc = parse("甲\n乙");
  MatchIndex none = empty.scan(doc);
  CHECK(none.raw().empty());

  PatternSet literals;
  PatternId id = literals.add_literal("乙");
  literals.build();
  CHECK(spans(literals.scan(doc), id) == Spans{{4, 7}});
}

TEST_CASE("match index: matches starting in a span, and matches inside it") {
  MatchIndex index(1);
  index.raw()[0] = {{0, 3}, {2, 8}, {5, 6}, {9, 12}};
  auto starting = index.starting_in(0, {2, 9});
  REQUIRE(starting.size() == 2);
  CHECK(starting[0].begin == 2);
  CHECK(starting[1].begin == 5);
  CHECK(index.starting_in(0, {3, 5}).empty());
  CHECK(index.any_within(0, {2, 7}));        // {5, 6}
  CHECK_FALSE(index.any_within(0, {1, 5}));  // {2, 8} starts inside but ends outside
  CHECK(index.any_within(0, {9, 12}));
  CHECK_FALSE(index.any_within(0, {9, 11}));
}

TEST_CASE("pattern set: lifting repetition bounds") {
  CHECK(lift_repetition_bounds("[^。；]{0,30}存在") == "[^。；]{0,}存在");
  CHECK(lift_repetition_bounds("\\p{Han}{1,10}[发函]") == "\\p{Han}{1,}[发函]");
  CHECK(lift_repetition_bounds("a{6,60}?b{,3}") == "a{6,}?b{0,}");
  CHECK(lift_repetition_bounds("\\d{4}年") == "\\d{4}年");  // an exact count stays
  CHECK(lift_repetition_bounds("[\\s\\x{3000}]*x") == "[\\s\\x{3000}]*x");
  CHECK(lift_repetition_bounds("[{1,2}]x{1,2}") == "[{1,2}]x{1,}");  // inside a class: text
  CHECK(lift_repetition_bounds("[]{1,2}]") == "[]{1,2}]");           // ] first in a class
  CHECK(lift_repetition_bounds("[[:alpha:]{1,2}]") == "[[:alpha:]{1,2}]");
  CHECK(lift_repetition_bounds("\\{1,2\\}") == "\\{1,2\\}");  // escaped braces
  CHECK(lift_repetition_bounds("\\Qa{1,2}\\E") == "\\Qa{1,2}\\E");
  CHECK(lift_repetition_bounds("[abc") == "[abc");  // unreadable: as it was
  CHECK(lift_repetition_bounds("x{a,b}") == "x{a,b}");
  CHECK(lift_repetition_bounds("x{3,2}") == "x{3,2}");  // invalid: left for RE2 to report
  CHECK(lift_repetition_bounds("x{1,1001}") == "x{1,1001}");
}

TEST_CASE("pattern set: a trusted regex is compiled on its first use and finds the same") {
  const std::vector<std::string> patterns = {
      "(但|仍|还)[^。；]{0,30}(存在|有)[^。；]{0,30}(不足|问题)", "行政(许可|处罚)[^。；]{0,6}公示",
      "\\d{4}年", "[XxＸｘ]{2,}"};
  Document doc = parse(
      "但工作中仍存在一些不足。\n行政许可结果公示，行政处罚长长长长长长长公示\n2024年和xx、ＸＸ、ｘ"
      "ｘ"
      "\n还有问题没有。但有问题\n");
  PatternSet eager;
  PatternSet lazy;
  std::vector<PatternId> eager_ids, lazy_ids;
  for (const auto& p : patterns) {
    eager_ids.push_back(regex(eager, p));
    auto added = lazy.add_regex(p, Where::everywhere, true);
    REQUIRE(std::holds_alternative<PatternId>(added));
    lazy_ids.push_back(std::get<PatternId>(added));
  }
  CHECK(eager.lazy_regexes() == 0);
  CHECK(lazy.lazy_regexes() == 4);  // two with a stand-in; \d{4} and {2,} have no bound to lift
  eager.build();
  lazy.build();
  MatchIndex a = eager.scan(doc);
  MatchIndex b = lazy.scan(doc);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    CAPTURE(patterns[i]);
    CHECK(spans(b, lazy_ids[i]) == spans(a, eager_ids[i]));
    CHECK(spans(b, lazy_ids[i]) == reference(doc, patterns[i]));
    CHECK(lazy.regex(lazy_ids[i])->pattern() == patterns[i]);  // the regex, not the stand-in
    CHECK(lazy.capturing_groups(lazy_ids[i]) == lazy.regex(lazy_ids[i])->NumberOfCapturingGroups());
  }
  CHECK(spans(b, lazy_ids[3]).size() == 3);  // xx, ＸＸ and ｘｘ (atoms in both cases)
  auto found = lazy.find_in_text(lazy_ids[0], "但仍有问题");
  REQUIRE(found);
  CHECK(found->end == 15);
  // A bad regex is reported at load time whether trusted or not.
  PatternSet set;
  CHECK(std::holds_alternative<std::string>(set.add_regex("a{2,1}", Where::everywhere, true)));
  CHECK(std::holds_alternative<std::string>(set.add_regex("(a{1,2}", Where::everywhere, true)));
}

TEST_CASE("pattern set: a regex scoped to the signature is looked for there only") {
  Document doc = parse("某某局关于2024年工作的报告\n正文写到某某局。\n\n某某局\n2025年1月5日\n");
  REQUIRE(doc.signature);
  PatternSet set;
  auto in_signature = set.add_regex("某+局", Where::signature);
  auto nowhere = set.add_regex("某.局", Where::nowhere);
  auto shared = set.add_regex("[某]{2}局", Where::nowhere);
  set.add_regex("[某]{2}局");  // a second rule reads it everywhere
  set.build();
  MatchIndex index = set.scan(doc);
  const PatternId sig = std::get<PatternId>(in_signature);
  REQUIRE(index.all(sig).size() == 1);
  CHECK(doc.signature->span.begin <= index.all(sig)[0].begin);
  CHECK(index.all(sig)[0].end <= doc.signature->span.end);
  CHECK(index.all(std::get<PatternId>(nowhere)).empty());
  auto found = set.find_in_text(std::get<PatternId>(nowhere), "某某局");
  REQUIRE(found);
  CHECK(found->end == 9);
  CHECK(index.all(std::get<PatternId>(shared)).size() == 3);
}

TEST_CASE("pattern set: a regex scoped to the title is looked for there only") {
  Document doc =
      parse("某某局关于2024年\n工作的报告\n正文写到2024年的工作。\n\n某某局\n2025年1月5日\n");
  REQUIRE(doc.title);
  REQUIRE(doc.title->paragraphs.size() == 2);
  PatternSet set;
  const PatternId year = std::get<PatternId>(set.add_regex("\\d{4}年", Where::title));
  const PatternId report = std::get<PatternId>(set.add_regex("的报告$", Where::title));
  const PatternId both =
      std::get<PatternId>(set.add_regex("某+局", Where::title | Where::signature));
  set.build();
  MatchIndex index = set.scan(doc);
  const Span first = doc.paragraphs[doc.title->paragraphs[0]].span;
  const Span second = doc.paragraphs[doc.title->paragraphs[1]].span;
  REQUIRE(index.all(year).size() == 1);  // not the body's 2024年, nor the date's 2025年
  CHECK(first.begin <= index.all(year)[0].begin);
  CHECK(index.all(year)[0].end <= first.end);
  REQUIRE(index.all(report).size() == 1);  // on the title's second line
  CHECK(index.all(report)[0].end == second.end);
  CHECK(index.all(both).size() == 2);  // the title's and the signature's
}

TEST_CASE("pattern set: the matches of one paragraph on demand are those the scan finds there") {
  Document doc = parse("甲乙甲乙甲\n另一段：AbAB abab\n第三段2024年和2025年\n");
  PatternSet set;
  const PatternId lit = set.add_literal("甲乙");
  const PatternId folded = set.add_literal("ab");  // ASCII folded
  const PatternId exact = set.add_literal("AB");   // upper case: as written only
  const PatternId overlapping = set.add_literal("甲乙甲");
  const PatternId re = regex(set, "\\d{4}年");
  const PatternId empty = regex(set, "x*");
  set.build();
  const MatchIndex index = set.scan(doc);
  std::size_t compared = 0;
  for (PatternId id : {lit, folded, exact, overlapping, re, empty}) {
    Spans on_demand;
    for (std::uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
      for (const Match& m : set.paragraph_matches(id, doc, p))
        on_demand.emplace_back(m.begin, m.end);
    }
    CAPTURE(id);
    CHECK(on_demand == spans(index, id));
    compared += on_demand.size();
  }
  CHECK(spans(index, overlapping).size() == 2);  // 甲乙甲 twice, overlapping
  CHECK(spans(index, folded).size() == 4);
  CHECK(compared > 20);
}

}  // namespace fzcheck::detail
