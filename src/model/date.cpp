// The date line of a report, in any of the forms of DateForm.
#include <string>

#include "model/parse.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// One component of an Arabic date: 1–4 digits (ASCII or full-width).
struct Digits {
  int value = 0;
  int count = 0;
  bool padded = false;  // a leading zero, as in "02"
};

Digits read_digits(const std::u32string& s, std::size_t& i) {
  Digits d;
  while (i < s.size() && cjk::arabic_digit(s[i]) >= 0 && d.count < 4) {
    if (d.count == 0 && cjk::arabic_digit(s[i]) == 0) d.padded = true;
    d.value = d.value * 10 + cjk::arabic_digit(s[i]);
    ++d.count;
    ++i;
  }
  return d;
}

// 二〇二五 (digit by digit) for years; 二, 十二, 二十四, 三十一 for months and days.
int read_chinese(const std::u32string& s, std::size_t& i, bool digit_by_digit) {
  std::u32string run;
  while (i < s.size() && cjk::is_chinese_numeral(s[i])) run.push_back(s[i++]);
  if (run.empty()) return -1;
  if (digit_by_digit) {
    if (run.size() != 4) return -1;  // a year; a longer run would overflow (found by fuzzing)
    int v = 0;
    for (char32_t c : run) {
      int d = cjk::chinese_digit(c);
      if (d < 0) return -1;
      v = v * 10 + d;
    }
    return v;
  }
  std::uint32_t v = chinese_number(run);
  return v == 0 ? -1 : static_cast<int>(v);
}

bool is_separator(char32_t c, char32_t ascii, char32_t fullwidth) noexcept {
  return c == ascii || c == fullwidth;
}

}  // namespace

std::optional<DateLine> parse_date(std::string_view text, Span para) {
  std::string_view raw = text.substr(para.begin, para.size());
  std::size_t lead = utf8::leading_space_bytes(raw);
  std::string_view body = utf8::trim(raw);
  if (body.empty() || body.size() > 64) return std::nullopt;

  std::u32string s;
  for (std::size_t i = 0; i < body.size();) s.push_back(utf8::next(body, i));

  DateLine out;
  std::size_t i = 0;
  if (cjk::arabic_digit(s[0]) >= 0) {
    Digits y = read_digits(s, i);
    if (y.count != 4 || i >= s.size()) return std::nullopt;
    char32_t sep = s[i];
    if (sep == cjk::kYear) {
      ++i;
      Digits m = read_digits(s, i);
      if (m.count == 0 || m.count > 2 || i >= s.size() || s[i] != cjk::kMonth) return std::nullopt;
      ++i;
      Digits d = read_digits(s, i);
      if (d.count == 0 || d.count > 2 || i >= s.size() || s[i] != cjk::kDay) return std::nullopt;
      ++i;
      out.form = (m.padded || d.padded) ? DateForm::arabic_padded : DateForm::arabic;
      out.date = {y.value, m.value, d.value};
    } else {
      DateForm form;
      char32_t ascii;
      char32_t wide;
      if (is_separator(sep, U'-', cjk::kFullwidthHyphen)) {
        form = DateForm::hyphenated, ascii = U'-', wide = cjk::kFullwidthHyphen;
      } else if (is_separator(sep, U'/', cjk::kFullwidthSolidus)) {
        form = DateForm::slashed, ascii = U'/', wide = cjk::kFullwidthSolidus;
      } else if (is_separator(sep, U'.', cjk::kFullwidthFullStop)) {
        form = DateForm::dotted, ascii = U'.', wide = cjk::kFullwidthFullStop;
      } else {
        return std::nullopt;
      }
      ++i;
      Digits m = read_digits(s, i);
      if (m.count == 0 || m.count > 2 || i >= s.size() || !is_separator(s[i], ascii, wide)) {
        return std::nullopt;
      }
      ++i;
      Digits d = read_digits(s, i);
      if (d.count == 0 || d.count > 2) return std::nullopt;
      out.form = form;
      out.date = {y.value, m.value, d.value};
    }
  } else if (cjk::chinese_digit(s[0]) >= 0) {
    int y = read_chinese(s, i, true);
    if (y < 0 || i >= s.size() || s[i++] != cjk::kYear) return std::nullopt;
    int m = read_chinese(s, i, false);
    if (m < 0 || i >= s.size() || s[i++] != cjk::kMonth) return std::nullopt;
    int d = read_chinese(s, i, false);
    if (d < 0 || i >= s.size() || s[i++] != cjk::kDay) return std::nullopt;
    out.form = DateForm::chinese;
    out.date = {y, m, d};
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  out.valid = out.date.year <= 2999 && is_real_date(out.date);
  out.span = {static_cast<std::uint32_t>(para.begin + lead),
              static_cast<std::uint32_t>(para.begin + lead + body.size())};
  return out;
}

}  // namespace fzcheck::detail
