#include "text/utf8.hpp"

#include <doctest/doctest.h>

#include <random>

namespace fzcheck {

TEST_CASE("utf8::next decodes and rejects malformed sequences") {
  std::string s = "a\xC3\xA9\xE4\xB8\x80\xF0\x9F\x98\x80";  // a é 一 😀
  std::size_t i = 0;
  CHECK(utf8::next(s, i) == U'a');
  CHECK(utf8::next(s, i) == 0xE9);
  CHECK(utf8::next(s, i) == 0x4E00);
  CHECK(utf8::next(s, i) == 0x1F600);
  CHECK(i == s.size());

  for (std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8"}) {
    CAPTURE(bad);
    std::size_t j = 0;
    CHECK(utf8::next(bad, j) == utf8::kInvalid);
    CHECK(j == 1);
    CHECK(utf8::find_invalid(bad) == 0);
  }
}

TEST_CASE("utf8::prev walks back over code points") {
  std::string s = "x\xE4\xB8\x80y";
  std::size_t i = s.size();
  CHECK(utf8::prev(s, i) == U'y');
  CHECK(utf8::prev(s, i) == 0x4E00);
  CHECK(i == 1);
  CHECK(utf8::prev(s, i) == U'x');
  CHECK(i == 0);
}

TEST_CASE("utf8::find_invalid finds the first bad byte after a long ASCII run") {
  std::string s(100, 'a');
  s += "\xE4\xB8\x80";
  CHECK(utf8::valid(s));
  s += "\xFF";
  CHECK(utf8::find_invalid(s) == 103);
}

TEST_CASE("utf8::find_invalid agrees with decoding one code point at a time") {
  // Its fast paths (ASCII words, three-byte sequences) must accept and refuse what next() does:
  // bytes drawn mostly from lead and continuation bytes, so that near misses are common.
  auto reference = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t at = i;
      if (utf8::next(s, i) == utf8::kInvalid) return at;
    }
    return std::string_view::npos;
  };
  const unsigned char bytes[] = {'a',  0x80, 0xBF, 0x9F, 0xA0, 0xE0, 0xE1, 0xE4,
                                 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xC3, 0xFF, 0xB8};
  std::mt19937 rng(5);
  std::size_t invalid = 0, valid = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int b = 0; b < n; ++b) s += static_cast<char>(bytes[rng() % sizeof bytes]);
    CAPTURE(s);
    const std::size_t expected = reference(s);
    CHECK(utf8::find_invalid(s) == expected);
    (expected == std::string_view::npos ? valid : invalid)++;
  }
  CHECK(valid > 1000);
  CHECK(invalid > 1000);
  for (std::string ok : {"\xEF\xBF\xBF", "\xE1\x80\x80", "\xEE\x80\x80"}) CHECK(utf8::valid(ok));
  for (std::string bad : {"\xE0\x80\x80", "\xED\xBF\xBF", "\xE1\x80", "\xE4\xB8\x41"})
    CHECK(utf8::find_invalid(bad) == 0);
}

TEST_CASE("utf8 length, encode and whitespace") {
  CHECK(utf8::length("\xE4\xB8\x80\xE4\xB8\x8C"
                     "ab") == 4);
  CHECK(utf8::encode(0x3001) == "\xE3\x80\x81");
  CHECK(utf8::encode(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(utf8::is_space(0x3000));
  CHECK(utf8::is_space(0xA0));
  CHECK(utf8::is_space(0xFEFF));
  CHECK_FALSE(utf8::is_space(0x4E00));
  CHECK(utf8::trim("\xE3\x80\x80 ab \t") == "ab");
  CHECK(utf8::is_blank(" \t\xE3\x80\x80"));
  CHECK_FALSE(utf8::is_blank(" x"));
  CHECK(utf8::leading_space_bytes("  x") == 2);
  CHECK(utf8::trailing_space_bytes("x\xE3\x80\x80") == 3);
  CHECK(utf8::is_han(0x6CD5));
  CHECK_FALSE(utf8::is_han(U'a'));
}

TEST_CASE("utf8::next: the inline three-byte path at the end of the text and its edge cases") {
  // A three-byte sequence that ends exactly at the end, one cut short, and one followed by ASCII.
  std::string whole = "\xE4\xB8\x80";
  std::size_t i = 0;
  CHECK(utf8::next(whole, i) == 0x4E00);
  CHECK(i == 3);
  std::string_view cut("\xE4\xB8\x80", 2);
  i = 0;
  CHECK(utf8::next(cut, i) == utf8::kInvalid);
  CHECK(i == 1);
  // Overlong (E0 80 80 is U+0000), a surrogate (ED A0 80), a bad continuation byte: one byte
  // skipped, then decoding goes on.
  for (std::string bad : {"\xE0\x80\x80"
                          "a",
                          "\xED\xA0\x80"
                          "a",
                          "\xE4\x41\x80"
                          "a",
                          "\xE4\xB8\xC0"
                          "a"}) {
    CAPTURE(bad);
    std::size_t j = 0;
    CHECK(utf8::next(bad, j) == utf8::kInvalid);
    CHECK(j == 1);
  }
  // The smallest and largest three-byte values, and U+FFFF.
  for (auto [bytes, value] : {std::pair<std::string, char32_t>{"\xE0\xA0\x80", 0x800},
                              {"\xED\x9F\xBF", 0xD7FF},
                              {"\xEE\x80\x80", 0xE000},
                              {"\xEF\xBF\xBF", 0xFFFF}}) {
    const char32_t code_point = value;  // CAPTURE cannot name a structured binding (clang 14)
    CAPTURE(code_point);
    std::size_t j = 0;
    CHECK(utf8::next(bytes, j) == value);
    CHECK(j == 3);
  }
}

TEST_CASE("utf8::CodePointSet: the Basic Multilingual Plane and beyond") {
  utf8::CodePointSet empty;
  for (char32_t c : {char32_t{0}, char32_t{U'a'}, char32_t{0xFFFF}, char32_t{0x10000}})
    CHECK_FALSE(empty.contains(c));
  utf8::CodePointSet set(std::u32string_view(U"，。\u0000\uFFFF", 4));
  set.insert(0x1F600);
  set.insert(0x10FFFF);
  set.insert(0x1F600);  // twice is fine
  for (char32_t c : {char32_t{0xFF0C}, char32_t{0x3002}, char32_t{0}, char32_t{0xFFFF},
                     char32_t{0x1F600}, char32_t{0x10FFFF}}) {
    CAPTURE(static_cast<std::uint32_t>(c));
    CHECK(set.contains(c));
  }
  // Neighbours in the bit table and outside it.
  for (char32_t c :
       {char32_t{0xFF0B}, char32_t{0xFF0D}, char32_t{0x3001}, char32_t{1}, char32_t{0xFFFE},
        char32_t{0x10000}, char32_t{0x1F601}, char32_t{0x10FFFE}, utf8::kInvalid}) {
    CAPTURE(static_cast<std::uint32_t>(c));
    CHECK_FALSE(set.contains(c));
  }
}

}  // namespace fzcheck
