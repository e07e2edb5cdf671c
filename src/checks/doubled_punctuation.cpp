// kind: doubled-punctuation — two clause or sentence marks in a row (，；  。。  ，，), which is
// always a slip. Identical doubles get the single mark as replacement.
//
//   marks: '，。；：、！？,;:'      the marks that may not follow each other
//   allow: ['？！', '！？']        pairs that are fine
//   message: ... {found} ...
#include "checks/build_context.hpp"
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
      char32_t prev = 0;
      std::size_t prev_at = 0;
      while (i < text.size()) {
        std::size_t at = i;
        char32_t c = utf8::next(text, i);
        bool mark = marks_.contains(c);
        if (mark && prev != 0) {
          std::u32string pair{prev, c};
          if (std::find(allow_.begin(), allow_.end(), pair) == allow_.end()) {
            std::string found(text.substr(prev_at, i - prev_at));
            std::optional<std::string> fix;
            if (prev == c) fix = utf8::encode(c);
            sink.add(*this,
                     {region.begin + static_cast<std::uint32_t>(prev_at),
                      region.begin + static_cast<std::uint32_t>(i)},
                     message_.format({{"found", found}}), fix);
            prev = 0;  // "，，，" is one finding per pair, not overlapping ones
            continue;
          }
        }
        prev = mark ? c : 0;
        prev_at = at;
      }
    }
  }

 private:
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
