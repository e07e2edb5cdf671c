#include "checks/passages.hpp"

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// The characters of `span` that are not whitespace, with their offsets.
void append_text(const Document& doc, Span span, TextUnit& u) {
  std::string_view text = doc.str(span);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (utf8::is_space(c)) continue;
    u.chars.push_back(c);
    u.offsets.push_back(span.begin + static_cast<std::uint32_t>(at));
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
  for (auto& [span, label] : spans) {
    TextUnit u;
    u.label = std::move(label);
    append_span(doc, span, options, u);
    u.offsets.push_back(span.end);
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
  std::size_t windows = 0;
  for (const TextUnit& u : units) windows += u.chars.size() / w;
  std::size_t capacity = 16;
  shift_ = 60;
  while (capacity < 2 * windows) {  // at most half full: a lookup that misses stops soon
    capacity *= 2;
    --shift_;
  }
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    const auto& c = units[u].chars;
    for (std::size_t p = 0; p + w <= c.size(); p += w) {
      const std::uint64_t key = key_of(hash(c, p, w));
      std::size_t slot = home(key);
      bool known = false;  // this unit has the same window (as far as the hash tells) already
      for (; slots_[slot].key != 0; slot = (slot + 1) & mask_)
        known = known || (slots_[slot].key == key && slots_[slot].unit == u);
      if (!known) slots_[slot] = Slot{key, u, static_cast<std::uint32_t>(p)};
    }
  }
}

}  // namespace fzcheck::detail
