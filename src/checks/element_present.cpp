// kind: element-present — the report has a title, a signature (落款) or a date.
//
//   element: title | signature | date
//   message: ...          (no placeholders)
//   glued: ['^\s*\S{6,60}?的报告']   (title) the first paragraph starts with a title run into the
//   glued_message: ... {title} ...   text: it is there, but not on a line of its own
//   glued_severity: warning
// A missing title is reported at the first line; a missing signature or date after the last line
// of text, where it would be written (nothing, when the text was cut off mid-sentence).
#include "checks/build_context.hpp"
#include "checks/element.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class ElementPresent final : public Check {
 public:
  ElementPresent(RuleCommon common, Element element, MessageTemplate message)
      : Check(std::move(common)), element_(element), message_(std::move(message)) {}

  std::vector<PatternId> glued;
  std::optional<MessageTemplate> glued_message;
  Severity glued_severity = Severity::warning;

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    bool there = element_ == Element::title       ? doc.title.has_value()
                 : element_ == Element::signature ? doc.signature.has_value()
                                                  : doc.date.has_value();
    if (there) return;
    // After a text that was cut off, a signature or date would come after the cut: unknown.
    if (element_ != Element::title && ctx.facts.truncated) return;
    Span at = ctx.document_start();
    if (element_ == Element::title && glued_message) {
      // A title run into the first paragraph: there, but not on a line of its own.
      for (const Paragraph& p : doc.paragraphs) {
        if (p.role == ParagraphRole::blank) continue;
        for (PatternId id : glued) {
          auto m = ctx.first_in(id, {p.span});
          if (m && m->begin <= at.begin && m->end < p.span.end) {
            std::string title(doc.str({m->begin, m->end}));
            sink.add(*this, {m->begin, m->end}, glued_message->format({{"title", title}}),
                     std::nullopt, glued_severity);
            return;
          }
        }
        break;
      }
    }
    if (element_ != Element::title) {
      for (std::size_t i = doc.paragraphs.size(); i-- > 0;) {
        const Paragraph& p = doc.paragraphs[i];
        if (p.role == ParagraphRole::blank) continue;
        std::uint32_t end =
            p.span.end - static_cast<std::uint32_t>(utf8::trailing_space_bytes(doc.str(p.span)));
        at = {end, end};
        break;
      }
    }
    sink.add(*this, at, message_.format({}));
  }

 private:
  Element element_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_element_present(RuleSpec& spec) {
  auto element = element_field(spec.fields, {Element::title, Element::signature, Element::date});
  auto message = spec.ctx.message(spec.fields, "message", {});
  if (!element || !message) return nullptr;
  auto check = std::make_unique<ElementPresent>(spec.common, *element, std::move(*message));
  if (*element == Element::title) {
    check->glued = spec.ctx.patterns(spec.fields, "glued");
    check->glued_message =
        spec.ctx.message(spec.fields, "glued_message", {"title"}, !check->glued.empty());
    check->glued_severity =
        severity_field(spec.fields, "glued_severity").value_or(Severity::warning);
  }
  return check;
}

}  // namespace fzcheck::detail
