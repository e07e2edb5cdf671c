// kind: paired-punctuation — quotation marks, brackets and book-title marks open and close in
// pairs within a paragraph; an ASCII " must not close a Chinese “.
//
//   pairs: ['“”', '‘’', '《》', '〈〉', '（）', '【】']   opening and closing mark of each pair
//   message: ... {found} {other} ...         a mark whose partner is missing ({other})
//   ascii_quote_message: ... {found} {expected} ...     " closing “ (replacement: the right quote)
// A half-width bracket pairs with a full-width one (the half-width rule reports its width).
#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr char32_t kFullwidthOffset = 0xFEE0;

class PairedPunctuation final : public Check {
 public:
  PairedPunctuation(RuleCommon common, std::vector<std::pair<char32_t, char32_t>> pairs,
                    MessageTemplate message, std::optional<MessageTemplate> ascii_quote)
      : Check(std::move(common)),
        pairs_(std::move(pairs)),
        message_(std::move(message)),
        ascii_quote_(std::move(ascii_quote)) {
    for (const auto& [open, close] : pairs_) {
      for (char32_t c : {open, close}) {
        marks_.insert(c);
        if (c >= 0xFF01 && c <= 0xFF5E) marks_.insert(c - kFullwidthOffset);  // its ASCII form
      }
    }
    marks_.insert(U'"');
  }

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    for (Span region : ctx.regions(common().scope)) {
      std::uint32_t start = region.begin;
      while (start < region.end) {
        std::uint32_t stop = static_cast<std::uint32_t>(
            std::min<std::size_t>(doc.text.find('\n', start), region.end));
        scan(doc, {start, stop}, sink);
        start = stop + 1;
      }
    }
  }

 private:
  // The pair a mark opens or closes (ASCII brackets count as their full-width forms).
  std::optional<std::size_t> opens(char32_t c) const {
    for (std::size_t k = 0; k < pairs_.size(); ++k) {
      if (pairs_[k].first == c || (c < 0x80 && pairs_[k].first == c + kFullwidthOffset)) return k;
    }
    return std::nullopt;
  }
  std::optional<std::size_t> closes(char32_t c) const {
    for (std::size_t k = 0; k < pairs_.size(); ++k) {
      if (pairs_[k].second == c || (c < 0x80 && pairs_[k].second == c + kFullwidthOffset)) return k;
    }
    return std::nullopt;
  }

  void report(const Document& doc, Span span, std::size_t pair, bool opener,
              FindingSink& sink) const {
    std::string found(doc.str(span));
    std::string other = utf8::encode(opener ? pairs_[pair].second : pairs_[pair].first);
    sink.add(*this, span, message_.format({{"found", found}, {"other", other}}));
  }

  void scan(const Document& doc, Span line, FindingSink& sink) const {
    std::string_view text = doc.str(line);
    struct Open {
      std::size_t pair;
      Span span;
    };
    std::vector<Open> stack;
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t at = i;
      char32_t c = utf8::next(text, i);
      if (!marks_.contains(c)) continue;
      Span span{line.begin + static_cast<std::uint32_t>(at),
                line.begin + static_cast<std::uint32_t>(i)};
      if (c == U'"' && ascii_quote_ && !stack.empty() &&
          pairs_[stack.back().pair].first == cjk::kLeftDoubleQuote) {
        std::string expected = utf8::encode(pairs_[stack.back().pair].second);
        sink.add(*this, span, ascii_quote_->format({{"found", "\""}, {"expected", expected}}),
                 expected);
        stack.pop_back();
        continue;
      }
      // A mark that both opens and closes (none of the defaults) is treated as opening.
      if (auto k = opens(c)) {
        stack.push_back({*k, span});
        continue;
      }
      auto k = closes(c);
      if (!k) continue;
      auto match =
          std::find_if(stack.rbegin(), stack.rend(), [&](const Open& o) { return o.pair == *k; });
      if (match == stack.rend()) {
        report(doc, span, *k, false, sink);
        continue;
      }
      // Everything opened after the match is left unclosed.
      for (auto it = stack.rbegin(); it != match; ++it) report(doc, it->span, it->pair, true, sink);
      stack.erase(std::next(match).base(), stack.end());
    }
    for (const Open& o : stack) report(doc, o.span, o.pair, true, sink);
  }

  std::vector<std::pair<char32_t, char32_t>> pairs_;
  utf8::CodePointSet marks_;  // every mark of every pair, for a quick test per character
  MessageTemplate message_;
  std::optional<MessageTemplate> ascii_quote_;
};

}  // namespace

std::unique_ptr<Check> make_paired_punctuation(RuleSpec& spec) {
  Fields& f = spec.fields;
  std::vector<std::pair<char32_t, char32_t>> pairs;
  for (const std::string& text : f.strings("pairs", true)) {
    std::u32string p = utf8::decode(text).chars;
    if (p.size() != 2 || p[0] == p[1]) {
      f.error(
          "pairs",
          "each item of 'pairs' must be an opening and a different closing mark, such as '《》'");
      return nullptr;
    }
    pairs.emplace_back(p[0], p[1]);
  }
  auto message = spec.ctx.message(f, "message", {"found", "other"});
  auto ascii_quote = spec.ctx.message(f, "ascii_quote_message", {"found", "expected"}, false);
  if (!message || pairs.empty()) return nullptr;
  return std::make_unique<PairedPunctuation>(spec.common, std::move(pairs), std::move(*message),
                                             std::move(ascii_quote));
}

}  // namespace fzcheck::detail
