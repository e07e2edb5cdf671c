#include <string>

#include "model/parse.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::uint32_t kMaxChineseOrdinal = 99;
constexpr std::uint32_t kMaxArabicOrdinal = 999;

bool is_open_bracket(char32_t c) noexcept {
  return c == U'(' || c == cjk::kFullwidthLeftParen;
}
bool is_close_bracket(char32_t c) noexcept {
  return c == U')' || c == cjk::kFullwidthRightParen;
}

// The delimiter a code point stands for after a numeral, if any.
std::optional<Delimiter> delimiter_of(char32_t c) noexcept {
  switch (c) {
    case cjk::kIdeographicComma:
      return Delimiter::dun;
    case U'.':
      return Delimiter::dot;
    case cjk::kFullwidthFullStop:
      return Delimiter::fullwidth_dot;
    case U',':
    case cjk::kFullwidthComma:
      return Delimiter::comma;
    default:
      return std::nullopt;
  }
}

// Reads code points from `text` between `pos` and `end`.
class Reader {
 public:
  Reader(std::string_view text, std::uint32_t pos, std::uint32_t end)
      : text_(text), pos_(pos), end_(end) {}
  bool done() const { return pos_ >= end_; }
  std::uint32_t pos() const { return pos_; }
  char32_t peek() const {
    if (done()) return 0;
    std::size_t i = pos_;
    return utf8::next(text_, i);
  }
  char32_t take() {
    std::size_t i = pos_;
    char32_t c = utf8::next(text_, i);
    pos_ = static_cast<std::uint32_t>(i);
    return c;
  }

 private:
  std::string_view text_;
  std::uint32_t pos_;
  std::uint32_t end_;
};

struct Numeral_ {
  Numeral kind;
  std::uint32_t value;
  bool fullwidth;
};

// A run of Chinese numerals or of digits at the reader's position.
std::optional<Numeral_> read_numeral(Reader& r) {
  char32_t c = r.peek();
  if (cjk::is_chinese_numeral(c)) {
    std::u32string digits;
    while (!r.done() && cjk::is_chinese_numeral(r.peek())) digits.push_back(r.take());
    std::uint32_t value = chinese_number(digits);
    if (value == 0 || value > kMaxChineseOrdinal) return std::nullopt;
    return Numeral_{Numeral::chinese, value, false};
  }
  if (cjk::arabic_digit(c) >= 0) {
    std::uint32_t value = 0;
    std::size_t count = 0;
    bool fullwidth = false;
    while (!r.done() && cjk::arabic_digit(r.peek()) >= 0) {
      char32_t d = r.take();
      fullwidth |= d >= cjk::kFullwidthDigitZero;
      value = value * 10 + static_cast<std::uint32_t>(cjk::arabic_digit(d));
      if (++count > 3) return std::nullopt;
    }
    if (value == 0 || value > kMaxArabicOrdinal) return std::nullopt;
    return Numeral_{Numeral::arabic, value, fullwidth};
  }
  if (c >= cjk::kCircledOne && c <= cjk::kCircledTwenty) {
    r.take();
    return Numeral_{Numeral::circled, static_cast<std::uint32_t>(c - cjk::kCircledOne + 1), false};
  }
  return std::nullopt;
}

std::uint8_t form_of(Numeral numeral, Bracket bracket) noexcept {
  bool bracketed = bracket != Bracket::none;
  switch (numeral) {
    case Numeral::chinese:
      return bracketed ? 2 : 1;
    case Numeral::arabic:
      return bracketed ? 4 : 3;
    case Numeral::circled:
      return 5;
    case Numeral::none:
      return 1;
  }
  return 1;
}

}  // namespace

std::uint32_t chinese_number(std::u32string_view d) noexcept {
  // Accepted: d, 十, 十d, d十, d十d (d = 一…九). Anything else is not an ordinal.
  auto digit = [](char32_t c) { return cjk::chinese_digit(c); };
  if (d.size() == 1) {
    if (d[0] == cjk::kTen) return 10;
    int v = digit(d[0]);
    return v > 0 ? static_cast<std::uint32_t>(v) : 0;
  }
  std::size_t ten = d.find(cjk::kTen);
  if (ten == std::u32string_view::npos || d.size() > 3 || d.find(cjk::kTen, ten + 1) != d.npos) {
    return 0;
  }
  int tens = 1;
  if (ten == 1) {
    tens = digit(d[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  int ones = 0;
  if (ten + 1 < d.size()) {
    if (ten + 2 != d.size()) return 0;
    ones = digit(d[ten + 1]);
    if (ones <= 0) return 0;
  }
  return static_cast<std::uint32_t>(tens * 10 + ones);
}

std::optional<MarkerMatch> parse_marker(std::string_view text, Span para,
                                        std::span<const Artefact> artefacts) {
  std::uint32_t start = skip_ignorable(text, para.begin, para.end, artefacts);
  Reader r(text, start, para.end);
  if (r.done()) return std::nullopt;

  Marker m;
  char32_t open = 0;
  if (is_open_bracket(r.peek())) open = r.take();
  auto numeral = read_numeral(r);
  if (!numeral) return std::nullopt;
  m.numeral = numeral->kind;
  m.ordinal = numeral->value;
  m.fullwidth_digits = numeral->fullwidth;

  char32_t after = r.peek();
  if (open != 0) {
    if (!is_close_bracket(after) || m.numeral == Numeral::circled) return std::nullopt;
    char32_t close = r.take();
    bool open_full = open == cjk::kFullwidthLeftParen;
    bool close_full = close == cjk::kFullwidthRightParen;
    m.bracket =
        open_full == close_full ? (open_full ? Bracket::full : Bracket::half) : Bracket::mixed;
    // GB/T 15834 B.3.4 wants nothing after a bracketed number, but "（一）、" is still a marker.
    if (auto d = delimiter_of(r.peek()); d && *d != Delimiter::comma) {
      r.take();
      m.delimiter = *d;
    }
  } else if (m.numeral == Numeral::circled) {
    if (auto d = delimiter_of(after); d && *d != Delimiter::comma) {
      r.take();
      m.delimiter = *d;
    }
  } else if (is_close_bracket(after)) {
    r.take();
    m.bracket = Bracket::close_only;
  } else if (auto d = delimiter_of(after); d && *d != Delimiter::comma) {
    r.take();
    m.delimiter = *d;
    // "1.5万" and "2.3" are numbers, not markers.
    if (m.numeral == Numeral::arabic && *d != Delimiter::dun && cjk::arabic_digit(r.peek()) >= 0) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;  // "一是", "2024年", "12400人": a numeral without marker punctuation
  }
  m.form = form_of(m.numeral, m.bracket);
  m.span = {start, r.pos()};

  // Whitespace after the marker is counted; artefacts are skipped without counting.
  std::uint32_t pos = r.pos();
  std::uint32_t spaces = 0;
  while (pos < para.end) {
    std::uint32_t after_artefacts = skip_ignorable(text, pos, para.end, {});
    if (after_artefacts != pos) {  // whitespace
      spaces += static_cast<std::uint32_t>(utf8::length(text.substr(pos, after_artefacts - pos)));
      pos = after_artefacts;
      continue;
    }
    std::uint32_t next = skip_ignorable(text, pos, para.end, artefacts);
    if (next == pos) break;
    pos = next;
  }
  m.spaces_after = spaces;
  return MarkerMatch{m, pos};
}

}  // namespace fzcheck::detail
