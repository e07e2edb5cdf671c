// kind: halfwidth-punctuation — ASCII , ; : ( ) ! ? written next to Chinese text, where GB/T 15834
// uses the full-width marks. Not in numbers (1,000  8:30), web addresses, or Latin text, and not
// in section numbers (heading-punctuation reports those), and not in table cells (labels, units
// and figures, not running text).
//
// An ASCII bracket pair is one finding: (幼儿园) → （幼儿园）.
//
//   characters: ',;:()!?'
//   message: ... {found} {expected} ...     the replacement is the full-width mark
//   no_fix_before: ['^[一二三]是']            text after the mark that makes the full-width form
//                                          uncertain (能力:二是 may want ； rather than ：)
#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr char32_t kFullwidthOffset = 0xFEE0;  // U+FF01–U+FF5E mirror U+0021–U+007E

bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

class HalfwidthPunctuation final : public Check {
 public:
  HalfwidthPunctuation(RuleCommon common, std::u32string characters, MessageTemplate message,
                       std::vector<PatternId> no_fix_before)
      : Check(std::move(common)),
        characters_(std::move(characters)),
        message_(std::move(message)),
        no_fix_before_(std::move(no_fix_before)) {
    for (char32_t c : characters_) wanted_[c] = true;
  }

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    std::vector<Span> skip;  // section numbers and converter tags
    for (const Section& s : doc.sections) skip.push_back(s.marker.span);
    for (const Artefact& a : doc.artefacts) skip.push_back(a.span);
    std::vector<std::uint32_t> table_rows;  // where each table row begins
    for (const Paragraph& p : doc.paragraphs) {
      if (p.role == ParagraphRole::table) table_rows.push_back(p.span.begin);
    }
    std::sort(skip.begin(), skip.end(), [](Span a, Span b) { return a.begin < b.begin; });
    for (Span region : ctx.regions(common().scope)) {
      // Work paragraph by paragraph so that neighbours never come from another line.
      std::uint32_t start = region.begin;
      while (start < region.end) {
        std::uint32_t stop = static_cast<std::uint32_t>(doc.text.find('\n', start));
        if (stop > region.end) stop = region.end;
        if (!std::binary_search(table_rows.begin(), table_rows.end(), start))
          scan(ctx, {start, stop}, skip, sink);
        start = stop + 1;
      }
    }
  }

 private:
  // Whether a pattern of no_fix_before matches right after code point i.
  bool fix_uncertain(const CheckContext& ctx, std::string_view text, const utf8::CodePoints& cps,
                     std::size_t i) const {
    std::string_view rest = text.substr(cps.offsets[i + 1]);
    for (PatternId id : no_fix_before_) {
      if (auto m = ctx.patterns.find_in_text(id, rest); m && m->begin == 0) return true;
    }
    return false;
  }

  void scan(const CheckContext& ctx, Span line, const std::vector<Span>& skip,
            FindingSink& sink) const {
    const Document& doc = ctx.doc;
    std::string_view text = doc.str(line);
    // The common case: no ASCII mark of ours on the line at all.
    if (std::none_of(text.begin(), text.end(),
                     [&](char b) { return wanted_[static_cast<unsigned char>(b)]; }))
      return;
    utf8::CodePoints cps = utf8::decode(text);
    const std::u32string& c = cps.chars;
    // Web addresses run from "http", "https" or "www." to the next space or Chinese character.
    std::vector<bool> in_url(c.size(), false);
    for (std::size_t i = 0; i < c.size(); ++i) {
      auto starts = [&](std::u32string_view word) { return c.compare(i, word.size(), word) == 0; };
      if (starts(U"http://") || starts(U"https://") || starts(U"www.")) {
        std::size_t j = i;
        while (j < c.size() && !utf8::is_space(c[j]) && !utf8::is_cjk_text(c[j]))
          in_url[j++] = true;
        i = j;
      }
    }
    auto skipped = [&](std::uint32_t at) {
      auto it = std::upper_bound(skip.begin(), skip.end(), at,
                                 [](std::uint32_t o, Span s) { return o < s.begin; });
      return it != skip.begin() && (it - 1)->contains(at);
    };
    std::vector<bool> done(c.size(), false);  // the closing bracket of a pair already reported
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (done[i] || characters_.find(c[i]) == std::u32string::npos || in_url[i]) continue;
      // The nearest neighbours that are not spaces.
      std::size_t p = i;
      while (p > 0 && c[p - 1] == U' ') --p;
      std::size_t n = i + 1;
      while (n < c.size() && c[n] == U' ') ++n;
      char32_t before = p > 0 ? c[p - 1] : 0;
      char32_t after = n < c.size() ? c[n] : 0;
      if (!utf8::is_cjk_text(before) && !utf8::is_cjk_text(after)) continue;
      if (is_ascii_alnum(before) && is_ascii_alnum(after)) continue;  // 1,000  8:30  a(b)
      std::uint32_t at = line.begin + cps.offsets[i];
      if (skipped(at)) continue;
      std::size_t last = i;
      if (c[i] == U'(') {
        // One finding for a pair: the next ')' before any other bracket, on the same line.
        for (std::size_t j = i + 1; j < c.size() && j < i + kMaxBracketed; ++j) {
          if (c[j] == U'(' || c[j] == cjk::kFullwidthLeftParen || c[j] == cjk::kFullwidthRightParen)
            break;
          if (c[j] == U')') {
            last = j;
            done[j] = true;
            break;
          }
        }
      }
      std::string found, expected;
      for (std::size_t k = i; k <= last; ++k) {
        utf8::append(found, c[k]);
        bool mark = (k == i || k == last) && characters_.find(c[k]) != std::u32string::npos;
        utf8::append(expected, mark ? c[k] + kFullwidthOffset : c[k]);
      }
      bool certain = !(c[i] == U':' || c[i] == U',') || !fix_uncertain(ctx, text, cps, i);
      sink.add(*this, {at, line.begin + cps.offsets[last + 1]},
               message_.format({{"found", found}, {"expected", expected}}),
               certain ? std::optional<std::string>(expected) : std::nullopt);
    }
  }

  static constexpr std::size_t kMaxBracketed = 40;  // code points between a pair's brackets
  std::u32string characters_;
  bool wanted_[256] = {};  // the same characters, as bytes
  MessageTemplate message_;
  std::vector<PatternId> no_fix_before_;
};

}  // namespace

std::unique_ptr<Check> make_halfwidth_punctuation(RuleSpec& spec) {
  Fields& f = spec.fields;
  std::string characters = f.string("characters").value_or(",;:()!?");
  std::u32string chars;
  for (char ch : characters) {
    if (ch < 0x21 || ch > 0x7E) {
      f.error("characters", "'characters' must be printable ASCII punctuation, such as ',;:()!?'");
      return nullptr;
    }
    chars.push_back(static_cast<char32_t>(ch));
  }
  auto message = spec.ctx.message(f, "message", {"found", "expected"});
  auto no_fix_before = spec.ctx.patterns(f, "no_fix_before");
  if (!message) return nullptr;
  return std::make_unique<HalfwidthPunctuation>(spec.common, std::move(chars), std::move(*message),
                                                std::move(no_fix_before));
}

}  // namespace fzcheck::detail
