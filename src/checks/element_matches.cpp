// kind: element-matches — the title or the signature matches one of a set of patterns (names an
// organ, for instance). Says nothing when the element is missing (element-present does).
//
//   element: title | signature
//   any: [...]
//   message: ... {title} or {signature} ...   (the element's text)
#include "checks/build_context.hpp"
#include "checks/element.hpp"

namespace fzcheck::detail {

namespace {

class ElementMatches final : public Check {
 public:
  ElementMatches(RuleCommon common, Element element, std::vector<PatternId> any,
                 MessageTemplate message)
      : Check(std::move(common)),
        element_(element),
        any_(std::move(any)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    Span span = element_span(doc, element_);
    if (span.empty()) return;
    // A title may be split over two lines: match its joined text.
    for (PatternId id : any_) {
      if (element_ == Element::title ? ctx.patterns.matches_text(id, doc.title->text)
                                     : ctx.matches.any_within(id, span))
        return;
    }
    std::string text = element_ == Element::title ? doc.title->text : std::string(doc.str(span));
    sink.add(*this, span, message_.format({{"title", text}, {"signature", text}}));
  }

 private:
  Element element_;
  std::vector<PatternId> any_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_element_matches(RuleSpec& spec) {
  auto element = element_field(spec.fields, {Element::title, Element::signature});
  // Matched against the joined title text, or within the signature: the scan of the document
  // looks for them only there.
  const Where where = !element                     ? Where::everywhere
                      : *element == Element::title ? Where::nowhere
                                                   : Where::signature;
  auto any = spec.ctx.patterns(spec.fields, "any", true, where);
  auto message = spec.ctx.message(spec.fields, "message", {"title", "signature"});
  if (!element || !message) return nullptr;
  return std::make_unique<ElementMatches>(spec.common, *element, std::move(any),
                                          std::move(*message));
}

}  // namespace fzcheck::detail
