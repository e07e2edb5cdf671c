#include <doctest/doctest.h>

#include "model/parse.hpp"

namespace fzcheck {

namespace {
struct Parsed {
  bool ok = false;
  Marker m;
  std::string raw;
  std::string rest;
};

Parsed parse(const std::string& text) {
  auto arts = detail::find_artefacts(text);
  auto match = detail::parse_marker(text, {0, static_cast<std::uint32_t>(text.size())}, arts);
  Parsed p;
  if (!match) return p;
  p.ok = true;
  p.m = match->marker;
  p.raw = text.substr(p.m.span.begin, p.m.span.size());
  p.rest = text.substr(match->content_begin);
  return p;
}
}  // namespace

TEST_CASE("marker forms of GB/T 9704 and their variants") {
  struct Case {
    const char* text;
    Numeral numeral;
    Bracket bracket;
    Delimiter delimiter;
    std::uint32_t ordinal;
    std::uint8_t form;
    const char* raw;
  };
  const Case cases[] = {
      {"一、主要举措", Numeral::chinese, Bracket::none, Delimiter::dun, 1, 1, "一、"},
      {"十二、其他", Numeral::chinese, Bracket::none, Delimiter::dun, 12, 1, "十二、"},
      {"二十、其他", Numeral::chinese, Bracket::none, Delimiter::dun, 20, 1, "二十、"},
      {"三.标题", Numeral::chinese, Bracket::none, Delimiter::dot, 3, 1, "三."},
      {"（一）加强领导", Numeral::chinese, Bracket::full, Delimiter::none, 1, 2, "（一）"},
      {"(三)坚持依法治教", Numeral::chinese, Bracket::half, Delimiter::none, 3, 2, "(三)"},
      {"（四)混用", Numeral::chinese, Bracket::mixed, Delimiter::none, 4, 2, "（四)"},
      {"（一）、多了顿号", Numeral::chinese, Bracket::full, Delimiter::dun, 1, 2, "（一）、"},
      {"1.深入学习", Numeral::arabic, Bracket::none, Delimiter::dot, 1, 3, "1."},
      {"1、深入学习", Numeral::arabic, Bracket::none, Delimiter::dun, 1, 3, "1、"},
      {"1．全角点", Numeral::arabic, Bracket::none, Delimiter::fullwidth_dot, 1, 3, "1．"},
      {"１２．全角数字", Numeral::arabic, Bracket::none, Delimiter::fullwidth_dot, 12, 3, "１２．"},
      {"（1）法治工作", Numeral::arabic, Bracket::full, Delimiter::none, 1, 4, "（1）"},
      {"(2)半角", Numeral::arabic, Bracket::half, Delimiter::none, 2, 4, "(2)"},
      {"3）右括号", Numeral::arabic, Bracket::close_only, Delimiter::none, 3, 4, "3）"},
      {"①带圈", Numeral::circled, Bracket::none, Delimiter::none, 1, 5, "①"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Parsed p = parse(c.text);
    REQUIRE(p.ok);
    CHECK(p.m.numeral == c.numeral);
    CHECK(p.m.bracket == c.bracket);
    CHECK(p.m.delimiter == c.delimiter);
    CHECK(p.m.ordinal == c.ordinal);
    CHECK(p.m.form == c.form);
    CHECK(p.raw == c.raw);
  }
}

TEST_CASE("stray spaces and artefacts after a marker") {
  Parsed p = parse("3、 [bookmark: _GoBack]下一步工作打算");
  REQUIRE(p.ok);
  CHECK(p.raw == "3、");
  CHECK(p.m.spaces_after == 1);
  CHECK(p.rest == "下一步工作打算");

  Parsed q =
      parse("    （1）　 法治工作");  // leading spaces, then an ideographic and an ASCII space
  REQUIRE(q.ok);
  CHECK(q.m.span.begin == 4);
  CHECK(q.m.spaces_after == 2);
  CHECK(q.rest == "法治工作");

  Parsed r = parse("[bookmark: _GoBack]2.加强领导");
  REQUIRE(r.ok);
  CHECK(r.m.ordinal == 2);
  CHECK(r.rest == "加强领导");
}

TEST_CASE("numbers that are not section markers") {
  for (const char* text :
       {"一是加强队伍建设", "二是推进依法执政", "第一，加强领导", "2024年，我局", "1.5万人次参加",
        "12400左右", "（2021—2025年）", "（试行）", "十一五规划", "一二、不是数字", "0.不是序号",
        "1000.太大", "（）空括号", "(a)拉丁字母", "共8场次", "“一、”引号里"}) {
    CAPTURE(text);
    CHECK_FALSE(parse(text).ok);
  }
}

TEST_CASE("chinese_number accepts 1 to 99 in standard form only") {
  CHECK(detail::chinese_number(U"一") == 1);
  CHECK(detail::chinese_number(U"十") == 10);
  CHECK(detail::chinese_number(U"十一") == 11);
  CHECK(detail::chinese_number(U"二十") == 20);
  CHECK(detail::chinese_number(U"九十九") == 99);
  CHECK(detail::chinese_number(U"一二") == 0);
  CHECK(detail::chinese_number(U"十十") == 0);
  CHECK(detail::chinese_number(U"〇") == 0);
  CHECK(detail::chinese_number(U"二十一二") == 0);
}

}  // namespace fzcheck
