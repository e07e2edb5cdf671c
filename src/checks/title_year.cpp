// kind: title-year — the title names the year reported on, and the body speaks of the same year.
//
//   message: ... {title} ...                                    the title names no year
//   mismatch_message: ... {title_year} {body_year} {title} ...  the body mostly speaks of another
#include "checks/build_context.hpp"
#include "checks/element.hpp"

namespace fzcheck::detail {

namespace {

class TitleYear final : public Check {
 public:
  TitleYear(RuleCommon common, MessageTemplate message, std::optional<MessageTemplate> mismatch)
      : Check(std::move(common)), message_(std::move(message)), mismatch_(std::move(mismatch)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    if (!doc.title) return;
    Span span = element_span(doc, Element::title);
    const ReportYear& year = ctx.facts.year;
    if (!year.title) {
      sink.add(*this, span, message_.format({{"title", doc.title->text}}));
    } else if (mismatch_ && year.body && *year.body != *year.title) {
      sink.add(*this, span,
               mismatch_->format({{"title_year", std::to_string(*year.title)},
                                  {"body_year", std::to_string(*year.body)},
                                  {"title", doc.title->text}}));
    }
  }

 private:
  MessageTemplate message_;
  std::optional<MessageTemplate> mismatch_;
};

}  // namespace

std::unique_ptr<Check> make_title_year(RuleSpec& spec) {
  auto message = spec.ctx.message(spec.fields, "message", {"title"});
  auto mismatch = spec.ctx.message(spec.fields, "mismatch_message",
                                   {"title_year", "body_year", "title"}, false);
  if (!message) return nullptr;
  return std::make_unique<TitleYear>(spec.common, std::move(*message), std::move(mismatch));
}

}  // namespace fzcheck::detail
