// kind: whitespace — stray spaces that conversions and typing leave: lines holding only spaces
// inside the text (check: blank-lines); ASCII spaces or tabs at the start of a paragraph (check:
// leading-spaces; the ideographic space U+3000 of a first-line indent is fine); ASCII spaces
// inside Chinese text (check: inner-spaces: 「2025 年」「提案 3件」「调委会 219 个」, one finding
// for a number padded on both sides; not between Latin letters or digits, not inside 《…》 titles,
// not after a section number, not in signatures, dates, tables). The replacement removes them.
//
//   check: blank-lines | leading-spaces | inner-spaces
//   allow: ['学宪法 讲宪法']     (inner-spaces) names written with a space
//   message: ...
#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

enum class Which { blank_lines, leading_spaces, inner_spaces };

// A character of Chinese text for inner-spaces: Han, CJK and full-width punctuation, and the
// ASCII brackets that stand next to it (村(居 ) ).
bool chinese_side(char32_t c) {
  return utf8::is_cjk_text(c) || c == U'(' || c == U')';
}
bool number_side(char32_t c) {
  return (c >= U'0' && c <= U'9') || c == U'%' || c == U'.' || (c >= 0xFF10 && c <= 0xFF19);
}

class Whitespace final : public Check {
 public:
  Whitespace(RuleCommon common, Which which, MessageTemplate message, std::vector<PatternId> allow)
      : Check(std::move(common)),
        which_(which),
        message_(std::move(message)),
        allow_(std::move(allow)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    if (which_ == Which::inner_spaces) return inner_spaces(ctx, sink);
    const bool blank_lines_ = which_ == Which::blank_lines;
    const Document& doc = ctx.doc;
    const auto& paras = doc.paragraphs;
    std::size_t first = 0;
    std::size_t last = paras.size();
    while (first < paras.size() && paras[first].role == ParagraphRole::blank) ++first;
    while (last > first && paras[last - 1].role == ParagraphRole::blank) --last;
    for (std::size_t i = first; i < last; ++i) {
      const Paragraph& p = paras[i];
      std::string_view text = doc.str(p.span);
      if (blank_lines_) {
        // Only spaces: an empty line is a normal paragraph break.
        if (p.role == ParagraphRole::blank && !text.empty() && utf8::is_blank(text)) {
          sink.add(*this, p.span, message_.format({}), std::string());
        }
        continue;
      }
      if (p.role == ParagraphRole::blank) continue;
      std::size_t n = text.find_first_not_of(" \t");
      if (n == 0 || n == std::string_view::npos) continue;
      sink.add(*this, {p.span.begin, p.span.begin + static_cast<std::uint32_t>(n)},
               message_.format({}), std::string());
    }
  }

 private:
  // The text of a paragraph to look in: after its section number; nothing in titles quoted 《…》.
  void inner_spaces(const CheckContext& ctx, FindingSink& sink) const {
    const Document& doc = ctx.doc;
    for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      ParagraphRole r = p.role;
      if (r != ParagraphRole::title && r != ParagraphRole::preamble && r != ParagraphRole::body &&
          r != ParagraphRole::heading && r != ParagraphRole::annex) {
        continue;
      }
      Span span = p.span;
      if (r == ParagraphRole::heading && p.section >= 0) {
        const Section& s = doc.sections[static_cast<std::size_t>(p.section)];
        span.begin = s.heading.begin;  // spaces after the number are heading-space's
      }
      scan(ctx, span, sink);
    }
  }

  void scan(const CheckContext& ctx, Span span, FindingSink& sink) const {
    const Document& doc = ctx.doc;
    std::string_view text = doc.str(span);
    if (text.find(' ') == std::string_view::npos) return;
    utf8::CodePoints cps = utf8::decode(text);
    const std::u32string& c = cps.chars;
    std::size_t first = 0;  // no leading or trailing spaces: other rules' business
    while (first < c.size() && utf8::is_space(c[first])) ++first;
    std::size_t last = c.size();
    while (last > first && utf8::is_space(c[last - 1])) --last;
    int titles = 0;
    std::optional<std::pair<std::size_t, std::size_t>> pending;  // a run waiting for its pair
    auto flush = [&] {
      if (!pending) return;
      report(ctx, sink, span, cps, pending->first, pending->second);
      pending.reset();
    };
    for (std::size_t k = first; k < last; ++k) {
      if (c[k] == cjk::kLeftBookTitle) ++titles;
      if (c[k] == cjk::kRightBookTitle && titles > 0) --titles;
      if (c[k] != U' ' || titles > 0) continue;
      std::size_t end = k;
      while (end < last && c[end] == U' ') ++end;
      const char32_t before = c[k - 1];
      const char32_t after = c[end];
      bool stray = chinese_side(before) && (chinese_side(after) || number_side(after));
      // A space after a list number inside the text (改进措施：1. 细化, 1、 细化) sets off the
      // item like a heading's number: heading-space's business.
      const bool list_number =
          (before == U'.' || before == cjk::kIdeographicComma) && k >= 2 && number_side(c[k - 2]);
      if (list_number) stray = false;
      if (number_side(before) && chinese_side(after) && !list_number) {
        // A number after Chinese text (达28.3 件, 会 3 个) — not one that ends a Latin phrase
        // (GB/T 9704—2012 排版, Windows 10 系统).
        std::size_t t = k;
        while (t > first && (number_side(c[t - 1]) || c[t - 1] == U'-' || c[t - 1] == U'/' ||
                             c[t - 1] == cjk::kEmDash))
          --t;
        stray = t == first || chinese_side(c[t - 1]) || (pending && pending->second == t);
      }
      if (stray) {
        // A number padded on both sides (「会 3 个」「(居 ) 」) is one defect.
        // So are spaces around a short bracketed word (片区 (乡镇 )).
        const bool padded =
            pending && k - pending->second <= kPaddedToken &&
            (std::all_of(c.begin() + static_cast<std::ptrdiff_t>(pending->second),
                         c.begin() + static_cast<std::ptrdiff_t>(k),
                         [](char32_t x) { return number_side(x) || x == U'(' || x == U')'; }) ||
             ((c[pending->second] == U'(' || c[pending->second] == cjk::kFullwidthLeftParen) &&
              (after == U')' || after == cjk::kFullwidthRightParen)));
        if (padded) {
          pending->second = end;
        } else {
          flush();
          pending = std::pair{k, end};
        }
      }
      k = end - 1;
    }
    flush();
  }

  void report(const CheckContext& ctx, FindingSink& sink, Span span, const utf8::CodePoints& cps,
              std::size_t from, std::size_t to) const {
    Span where{span.begin + cps.offsets[from], span.begin + cps.offsets[to]};
    // A name written with a space (学宪法 讲宪法) is left alone.
    for (PatternId id : allow_) {
      for (const Match& m : ctx.matches.starting_in(id, {span.begin, where.end})) {
        if (m.begin <= where.begin && m.end >= where.end) return;
      }
    }
    std::string kept;
    for (std::size_t k = from; k < to; ++k) {
      if (cps.chars[k] != U' ') utf8::append(kept, cps.chars[k]);
    }
    sink.add(*this, where, message_.format({}), kept);
  }

  static constexpr std::size_t kPaddedToken = 6;  // code points between the two runs of a pad
  Which which_;
  MessageTemplate message_;
  std::vector<PatternId> allow_;
};

}  // namespace

std::unique_ptr<Check> make_whitespace(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto which = f.string("check", true);
  std::optional<Which> check;
  if (which == "blank-lines") check = Which::blank_lines;
  if (which == "leading-spaces") check = Which::leading_spaces;
  if (which == "inner-spaces") check = Which::inner_spaces;
  if (which && !check) {
    f.error("check",
            fmt::format("'check' must be blank-lines, leading-spaces or inner-spaces, not '{}'",
                        *which));
    return nullptr;
  }
  auto allow = spec.ctx.patterns(f, "allow");
  if (!allow.empty() && check != Which::inner_spaces)
    f.error("allow", "'allow' goes with 'check: inner-spaces'");
  auto message = spec.ctx.message(f, "message", {});
  if (!message || !check) return nullptr;
  return std::make_unique<Whitespace>(spec.common, *check, std::move(*message), std::move(allow));
}

}  // namespace fzcheck::detail
