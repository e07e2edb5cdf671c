#include "checks/passages.hpp"

#include <algorithm>
#include <cstdint>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// The characters of `span` that are not whitespace, with their offsets.
void append_text(const Document& doc, Span span, TextUnit& u) {
  std::string_view text = doc.str(span);
  std::size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (utf8::is_space(c)) continue;
    if (first || u.chars.size() % TextUnit::kMarkEvery == 0) {
      u.marks.emplace_back(static_cast<std::uint32_t>(u.chars.size()),
                           span.begin + static_cast<std::uint32_t>(at));
      first = false;
    }
    u.chars.push_back(c);
  }
}

// Every region part of `span`, paragraph by paragraph when tables are left out.
void append_span(const Document& doc, Span span, const UnitOptions& options, TextUnit& u) {
  auto add_clipped = [&](Span s) {
    if (!options.regions) {
      append_text(doc, s, u);
      return;
    }
    for (Span r : *options.regions) {
      if (r.end <= s.begin) continue;
      if (r.begin >= s.end) break;
      append_text(doc, {std::max(r.begin, s.begin), std::min(r.end, s.end)}, u);
    }
  };
  if (!options.skip_tables) {
    add_clipped(span);
    return;
  }
  for (std::uint32_t p = doc.paragraph_at(span.begin); p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    if (para.span.begin >= span.end) break;
    if (para.role == ParagraphRole::table) continue;
    add_clipped({std::max(para.span.begin, span.begin), std::min(para.span.end, span.end)});
  }
}

// Folds the digits of years (four digits before 年) and, with `numbers`, every Arabic digit.
void fold(std::u32string& chars, bool years, bool numbers) {
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (numbers && cjk::arabic_digit(chars[i]) >= 0) chars[i] = U'0';
    if (!years || chars[i] != cjk::kYear || i < 4) continue;
    for (auto digit : {cjk::arabic_digit, cjk::chinese_digit}) {
      bool year = true;
      for (std::size_t k = i - 4; k < i && year; ++k)
        year = chars[k] == U'0' || digit(chars[k]) >= 0;
      if (!year) continue;
      for (std::size_t k = i - 4; k < i; ++k) chars[k] = U'0';
      break;
    }
  }
}

}  // namespace

std::uint32_t TextUnit::offset(std::string_view text, std::size_t k) const {
  if (k >= chars.size()) return end;
  // The last mark at or before k: between it and k, the text holds k's chars and whitespace only.
  auto mark = std::upper_bound(marks.begin(), marks.end(), k,
                               [](std::size_t x, const auto& m) { return x < m.first; });
  --mark;
  std::size_t n = mark->first;
  std::size_t i = mark->second;
  for (;;) {
    std::size_t next = i;
    if (utf8::is_space(utf8::next(text, next))) {
      i = next;
      continue;
    }
    if (n == k) return static_cast<std::uint32_t>(i);
    ++n;
    i = next;
  }
}

std::string unit_label(std::string_view text) {
  std::size_t cut = 0;
  for (int n = 0; n < 14 && cut < text.size() && text[cut] != '\n'; ++n) utf8::next(text, cut);
  std::string out(text.substr(0, cut));
  if (cut < text.size() && text[cut] != '\n') out += utf8::encode(cjk::kEllipsis);
  return out;
}

std::vector<TextUnit> report_units(const CheckContext& ctx, const UnitOptions& options) {
  const Document& doc = ctx.doc;
  std::vector<std::pair<Span, std::string>> spans;
  if (!doc.preamble.empty()) {
    Span s{doc.paragraphs[doc.preamble.begin].span.begin,
           doc.paragraphs[doc.preamble.end - 1].span.end};
    spans.emplace_back(s, unit_label(utf8::trim(doc.str(s))));
  }
  for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].parent < 0)
      spans.emplace_back(doc.sections[i].extent, ctx.heading_label(i));
  }
  std::vector<TextUnit> units;
  // Each unit is gathered in one reused buffer and copied out at its size: grown by doubling in
  // place, the units of a long report would hold up to twice their room at the peak (12 MiB of
  // 180 on 26 MiB, measured against shrink_to_fit after growing).
  TextUnit gathered;
  for (auto& [span, label] : spans) {
    gathered.chars.clear();
    gathered.marks.clear();
    append_span(doc, span, options, gathered);
    TextUnit u;
    u.label = std::move(label);
    u.chars.assign(gathered.chars);
    u.marks.assign(gathered.marks.begin(), gathered.marks.end());
    u.end = span.end;
    if (options.fold_years || options.fold_numbers)
      fold(u.chars, options.fold_years, options.fold_numbers);
    units.push_back(std::move(u));
  }
  return units;
}

PassageIndex::PassageIndex(const std::vector<TextUnit>& units, std::size_t min_length)
    : units_(units), min_(min_length), window_(std::max<std::size_t>(1, min_length / 2)) {
  const std::size_t w = window_;
  for (std::size_t k = 1; k < w; ++k) top_ *= kBase;
  // Index windows that start at multiples of w: any common run of ≥ 2w-1 holds one of them whole.
  // A window text is indexed once per unit, so that a lookup in repetitive text (one phrase over
  // and over) meets one place per unit rather than thousands, each extended to its full length.
  starts_.assign(units.size() + 1, 0);
  std::size_t total = 0, windows = 0;
  for (std::size_t u = 0; u < units.size(); ++u) {
    starts_[u] = static_cast<std::uint32_t>(total);
    total += units[u].chars.size();
    windows += units[u].chars.size() / w;
  }
  starts_.back() = static_cast<std::uint32_t>(total);
  // Places are 32-bit: a longer text (beyond any input the readers accept) is not indexed.
  if (total > UINT32_MAX) windows = 0;
  std::size_t capacity = 16;
  shift_ = 60;
  while (capacity < 2 * windows) {  // at most half full: a lookup that misses stops soon
    capacity *= 2;
    --shift_;
  }
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::uint32_t u = 0; u < units.size() && windows > 0; ++u) {
    const auto& c = units[u].chars;
    for (std::size_t p = 0; p + w <= c.size(); p += w) {
      const std::uint64_t h = hash(c, p, w);
      const std::uint32_t check = check_of(h);
      std::size_t slot = home(h);
      bool known = false;  // this unit has the same window already
      for (; slots_[slot].check != 0; slot = (slot + 1) & mask_) {
        const std::uint32_t at = slots_[slot].at;
        if (known || slots_[slot].check != check || at < starts_[u]) continue;
        known = c.compare(at - starts_[u], w, c, p, w) == 0;  // a place of this unit (the last)
      }
      if (!known) slots_[slot] = Slot{check, starts_[u] + static_cast<std::uint32_t>(p)};
    }
  }
}

}  // namespace fzcheck::detail
