// The byte-level Aho–Corasick automaton: every occurrence of every pattern, overlaps included,
// ASCII case folding, code-point boundaries, and agreement with a naive search on many patterns.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "match/aho_corasick.hpp"

namespace fzcheck::detail {

namespace {

// (pattern, begin, end) of every hit, in the order scan() reports them.
using Hit = std::tuple<std::uint32_t, std::size_t, std::size_t>;

std::vector<Hit> hits(const AhoCorasick& ac, std::string_view text) {
  std::vector<Hit> out;
  ac.scan(text, [&](std::uint32_t pattern, std::size_t end) {
    out.emplace_back(pattern, end - ac.pattern_length(pattern), end);
  });
  return out;
}

AhoCorasick build(const std::vector<std::string>& patterns) {
  AhoCorasick ac;
  for (const auto& p : patterns) ac.add(p);
  ac.build();
  return ac;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

}  // namespace

TEST_CASE("aho-corasick: indices, lengths and states") {
  AhoCorasick ac;
  CHECK(ac.add("he") == 0);
  CHECK(ac.add("she") == 1);
  CHECK(ac.add("法治") == 2);
  ac.build();
  CHECK(ac.pattern_count() == 3);
  CHECK(ac.pattern_length(1) == 3);
  CHECK(ac.pattern_length(2) == 6);  // bytes, not code points
  // root, h, he, s, sh, she, 法 (3 bytes), 法治 (3 more bytes)
  CHECK(ac.state_count() == 12);
  CHECK_THROWS_AS(ac.add("x"), std::logic_error);
}

TEST_CASE("aho-corasick: an empty automaton reports nothing") {
  AhoCorasick ac;
  ac.build();
  CHECK(ac.pattern_count() == 0);
  CHECK(hits(ac, "anything at all").empty());
}

TEST_CASE("aho-corasick: overlapping and nested matches are all reported, by end offset") {
  AhoCorasick ac = build({"he", "she", "his", "hers"});
  // u s h e r s
  // 0 1 2 3 4 5
  CHECK(hits(ac, "ushers") == std::vector<Hit>{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}});
  CHECK(hits(ac, "hishe") == std::vector<Hit>{{2, 0, 3}, {1, 2, 5}, {0, 3, 5}});
  // Self-overlapping pattern: "aa" in "aaaa" three times.
  AhoCorasick aa = build({"aa"});
  CHECK(hits(aa, "aaaa") == std::vector<Hit>{{0, 0, 2}, {0, 1, 3}, {0, 2, 4}});
  // The same pattern added twice is reported under both indices.
  AhoCorasick twice = build({"ab", "ab"});
  CHECK(hits(twice, "xab") == std::vector<Hit>{{0, 1, 3}, {1, 1, 3}});
}

TEST_CASE("aho-corasick: ASCII letters fold to lower case on both sides, nothing else does") {
  AhoCorasick ac = build({"PDF", "word", "É"});
  CHECK(hits(ac, "pdf PDF Pdf") == std::vector<Hit>{{0, 0, 3}, {0, 4, 7}, {0, 8, 11}});
  CHECK(hits(ac, "WORD Word") == std::vector<Hit>{{1, 0, 4}, {1, 5, 9}});
  // Non-ASCII letters are compared as bytes: É (C3 89) does not match é (C3 A9).
  CHECK(hits(ac, "é").empty());
  CHECK(hits(ac, "É") == std::vector<Hit>{{2, 0, 2}});
  // Punctuation next to letters is not folded: '[' is 'Z' + 1 and '{' is 'z' + 1.
  AhoCorasick brackets = build({"[", "@"});
  CHECK(hits(brackets, "{`").empty());
  CHECK(hits(brackets, "[@") == std::vector<Hit>{{0, 0, 1}, {1, 1, 2}});
}

TEST_CASE("aho-corasick: multi-byte UTF-8 patterns match only whole code points") {
  // 一 is E4 B8 80, 丁 is E4 B8 81, 七 is E4 B8 83: they share their first two bytes.
  AhoCorasick ac = build({"丁", "一丁", "丁七"});
  CHECK(hits(ac, "一丁七") == std::vector<Hit>{{1, 0, 6}, {0, 3, 6}, {2, 3, 9}});
  CHECK(hits(ac, "一一七").empty());
  // A two-byte, a three-byte and a four-byte code point next to each other.
  AhoCorasick mixed = build({"é", "法", "𠀀"});
  CHECK(hits(mixed, "aé法𠀀法") == std::vector<Hit>{{0, 1, 3}, {1, 3, 6}, {2, 6, 10}, {1, 10, 13}});
}

TEST_CASE("aho-corasick: 500 patterns agree with a naive std::string::find loop") {
  // Symbols: ASCII letters of both cases and CJK characters that share lead bytes, so that
  // partial byte matches are everywhere. Fixed seed: the same text every run.
  const std::vector<std::string> symbols = {"a",  "b",  "c",  "A",  "B",  "一", "丁",
                                            "七", "万", "法", "治", "，", "x"};
  std::mt19937 rng(20240229);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::string text;
  std::vector<std::size_t> boundaries;  // code-point starts
  for (int i = 0; i < 20000; ++i) {
    boundaries.push_back(text.size());
    text += symbols[pick(symbols.size())];
  }
  std::vector<std::string> patterns;
  while (patterns.size() < 500) {
    std::string p;
    std::size_t len = 1 + pick(5);
    for (std::size_t k = 0; k < len; ++k) p += symbols[pick(symbols.size())];
    patterns.push_back(p);
  }
  AhoCorasick ac = build(patterns);

  std::vector<Hit> expected;
  const std::string folded_text = lower_ascii(text);
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    const std::string folded = lower_ascii(patterns[id]);
    for (std::size_t at = folded_text.find(folded); at != std::string::npos;
         at = folded_text.find(folded, at + 1)) {
      expected.emplace_back(id, at, at + folded.size());
    }
  }
  std::vector<Hit> actual = hits(ac, text);
  // scan() reports by end offset; compare as sets.
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  CHECK(expected.size() > 5000);  // the comparison is not vacuous
  CHECK(actual.size() == expected.size());
  CHECK(actual == expected);
  // And every hit starts on a code-point boundary.
  bool all_on_boundaries = std::all_of(actual.begin(), actual.end(), [&](const Hit& h) {
    return std::binary_search(boundaries.begin(), boundaries.end(), std::get<1>(h));
  });
  CHECK(all_on_boundaries);
}

}  // namespace fzcheck::detail
