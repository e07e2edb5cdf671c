#include "util/utf8.hpp"

#include <doctest/doctest.h>

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

}  // namespace fzcheck
