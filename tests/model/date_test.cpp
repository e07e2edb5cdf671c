#include <doctest/doctest.h>

#include "model/parse.hpp"

namespace fzcheck {

namespace {
std::optional<DateLine> date(const std::string& text) {
  return detail::parse_date(text, {0, static_cast<std::uint32_t>(text.size())});
}
}  // namespace

TEST_CASE("dates in every form are recognised, with their form") {
  struct Case {
    const char* text;
    DateForm form;
    int y, m, d;
  };
  const Case cases[] = {
      {"2025年2月24日", DateForm::arabic, 2025, 2, 24},
      {"2025年02月24日", DateForm::arabic_padded, 2025, 2, 24},
      {"2025年2月04日", DateForm::arabic_padded, 2025, 2, 4},
      {"二〇二五年二月二十四日", DateForm::chinese, 2025, 2, 24},
      {"二零二五年十二月三十一日", DateForm::chinese, 2025, 12, 31},
      {"2025-02-24", DateForm::hyphenated, 2025, 2, 24},
      {"2025/2/24", DateForm::slashed, 2025, 2, 24},
      {"2025.2.24", DateForm::dotted, 2025, 2, 24},
      {"２０２５年２月２４日", DateForm::arabic, 2025, 2, 24},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto d = date(c.text);
    REQUIRE(d);
    CHECK(d->form == c.form);
    CHECK(d->date.year == c.y);
    CHECK(d->date.month == c.m);
    CHECK(d->date.day == c.d);
    CHECK(d->valid);
  }
}

TEST_CASE("surrounding whitespace is allowed and the span covers the date only") {
  std::string text = "      2025年2月24日  ";
  auto d = date(text);
  REQUIRE(d);
  CHECK(text.substr(d->span.begin, d->span.size()) == "2025年2月24日");
}

TEST_CASE("impossible dates are recognised but not valid") {
  auto d = date("2025年2月30日");
  REQUIRE(d);
  CHECK_FALSE(d->valid);
  CHECK_FALSE(date("2025年13月1日")->valid);
  CHECK(date("2024年2月29日")->valid);
}

TEST_CASE("text that is not only a date") {
  for (const char* text : {"2024年，我局", "2025年2月24日报送", "截至2024年11月", "25年2月24日",
                           "2025年", "二〇二五年", "2025-02", "2025年2月24", "梨树县教育局",
                           // twelve digits read one by one: more than an int holds
                           "二〇二〇二四二〇二〇二四二四年一月一日"}) {
    CAPTURE(text);
    CHECK_FALSE(date(text));
  }
}

}  // namespace fzcheck
