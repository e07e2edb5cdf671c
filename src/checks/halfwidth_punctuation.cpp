// kind: halfwidth-punctuation — ASCII , ; : ( ) ! ? written next to Chinese text, where GB/T 15834
// uses the full-width marks. Not in numbers (1,000  8:30), web addresses, or Latin text, and not
// in section numbers (heading-punctuation reports those).
//
//   characters: ',;:()!?'
//   message: ... {found} {expected} ...     the replacement is the full-width mark
#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr char32_t kFullwidthOffset = 0xFEE0;  // U+FF01–U+FF5E mirror U+0021–U+007E

bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

class HalfwidthPunctuation final : public Check {
 public:
  HalfwidthPunctuation(RuleCommon common, std::u32string characters, MessageTemplate message)
      : Check(std::move(common)), characters_(std::move(characters)), message_(std::move(message)) {
    for (char32_t c : characters_) wanted_[c] = true;
  }

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    std::vector<Span> skip;  // section numbers and converter tags
    for (const Section& s : doc.sections) skip.push_back(s.marker.span);
    for (const Artefact& a : doc.artefacts) skip.push_back(a.span);
    std::sort(skip.begin(), skip.end(), [](Span a, Span b) { return a.begin < b.begin; });
    for (Span region : ctx.regions(common().scope)) {
      // Work paragraph by paragraph so that neighbours never come from another line.
      std::uint32_t start = region.begin;
      while (start < region.end) {
        std::uint32_t stop = static_cast<std::uint32_t>(doc.text.find('\n', start));
        if (stop > region.end) stop = region.end;
        scan(doc, {start, stop}, skip, sink);
        start = stop + 1;
      }
    }
  }

 private:
  void scan(const Document& doc, Span line, const std::vector<Span>& skip,
            FindingSink& sink) const {
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
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (characters_.find(c[i]) == std::u32string::npos || in_url[i]) continue;
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
      auto it = std::upper_bound(skip.begin(), skip.end(), at,
                                 [](std::uint32_t o, Span s) { return o < s.begin; });
      if (it != skip.begin() && (it - 1)->contains(at)) continue;
      std::string found = utf8::encode(c[i]);
      std::string expected = utf8::encode(c[i] + kFullwidthOffset);
      sink.add(*this, {at, line.begin + cps.offsets[i + 1]},
               message_.format({{"found", found}, {"expected", expected}}), expected);
    }
  }

  std::u32string characters_;
  bool wanted_[256] = {};  // the same characters, as bytes
  MessageTemplate message_;
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
  if (!message) return nullptr;
  return std::make_unique<HalfwidthPunctuation>(spec.common, std::move(chars), std::move(*message));
}

}  // namespace fzcheck::detail
