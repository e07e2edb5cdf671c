// kind: doubled-punctuation — two or more clause or sentence marks in a row (，；  。。  ，，，),
// which is always a slip. A run of marks is one finding, however long; a run of one mark repeated
// gets the single mark as replacement. A run made only of allowed pairs (？！) is fine.
//
//   marks: '，。；：、！？,;:'      the marks that may not follow each other
//   allow: ['？！', '！？']        pairs that are fine
//   message: ... {found} ...
#include <algorithm>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class DoubledPunctuation final : public Check {
 public:
  DoubledPunctuation(RuleCommon common, std::u32string marks, std::vector<std::u32string> allow,
                     MessageTemplate message)
      : Check(std::move(common)),
        marks_(std::move(marks)),
        allow_(std::move(allow)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    for (Span region : ctx.regions(common().scope)) {
      std::string_view text = doc.str(region);
      std::size_t i = 0;
      while (i < text.size()) {
        const std::size_t start = i;
        const char32_t first = utf8::next(text, i);
        if (!marks_.contains(first)) continue;
        // The whole run of marks that starts here is one finding, however long it is.
        std::size_t end = i;
        std::size_t count = 1;
        bool same = true;
        bool allowed = true;
        char32_t prev = first;
        while (end < text.size()) {
          std::size_t next = end;
          const char32_t c = utf8::next(text, next);
          if (!marks_.contains(c)) break;
          same = same && c == first;
          allowed = allowed && is_allowed(prev, c);
          prev = c;
          end = next;
          ++count;
        }
        i = end;
        if (count < 2 || allowed) continue;
        std::optional<std::string> fix;
        if (same) fix = utf8::encode(first);
        sink.add(*this,
                 {region.begin + static_cast<std::uint32_t>(start),
                  region.begin + static_cast<std::uint32_t>(end)},
                 message_.format({{"found", shown(text.substr(start, end - start))}}), fix);
      }
    }
  }

 private:
  bool is_allowed(char32_t a, char32_t b) const {
    return std::any_of(allow_.begin(), allow_.end(),
                       [&](const std::u32string& pair) { return pair[0] == a && pair[1] == b; });
  }

  // A run as the message shows it: a long one cut after kShown marks.
  static std::string shown(std::string_view run) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < kShown && i < run.size(); ++n) utf8::next(run, i);
    if (i >= run.size()) return std::string(run);
    return std::string(run.substr(0, i)) + utf8::encode(cjk::kEllipsis);
  }

  static constexpr std::size_t kShown = 10;
  utf8::CodePointSet marks_;
  std::vector<std::u32string> allow_;
  MessageTemplate message_;
};

std::u32string to_u32(std::string_view s) {
  return utf8::decode(s).chars;
}

}  // namespace

std::unique_ptr<Check> make_doubled_punctuation(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto marks = f.string("marks", true);
  std::vector<std::u32string> allow;
  for (const std::string& pair : f.strings("allow")) {
    std::u32string p = to_u32(pair);
    if (p.size() != 2) {
      f.error("allow", "each item of 'allow' must be two punctuation marks, such as '？！'");
      return nullptr;
    }
    allow.push_back(p);
  }
  auto message = spec.ctx.message(f, "message", {"found"});
  if (!message || !marks) return nullptr;
  return std::make_unique<DoubledPunctuation>(spec.common, to_u32(*marks), std::move(allow),
                                              std::move(*message));
}

}  // namespace fzcheck::detail
