// kind: truncated-text — the text stops in the middle of a sentence and has no signature or date:
// it looks cut off (a copy that lost its end). Rules that would report missing parts, signature
// or date say nothing about such a text; this one says why.
//
//   message: ... {line} ...
#include "checks/build_context.hpp"
#include "model/locator.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class TruncatedText final : public Check {
 public:
  TruncatedText(RuleCommon common, MessageTemplate message)
      : Check(std::move(common)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    if (!ctx.facts.truncated) return;
    const Document& doc = ctx.doc;
    for (std::size_t i = doc.paragraphs.size(); i-- > 0;) {
      const Paragraph& p = doc.paragraphs[i];
      if (p.role == ParagraphRole::blank) continue;
      auto end =
          p.span.end - static_cast<std::uint32_t>(utf8::trailing_space_bytes(doc.str(p.span)));
      sink.add(*this, {end, end},
               message_.format({{"line", std::to_string(line_at(doc, p.span.begin))}}));
      return;
    }
  }

 private:
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_truncated_text(RuleSpec& spec) {
  auto message = spec.ctx.message(spec.fields, "message", {"line"});
  if (!message) return nullptr;
  return std::make_unique<TruncatedText>(spec.common, std::move(*message));
}

}  // namespace fzcheck::detail
