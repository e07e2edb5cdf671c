// kind: deadline — a report on year Y is dated, submitted and published before days of year Y+1.
//
//   submit_by: '03-01'       the date line and --submitted-on must be before this day
//   publish_by: '04-01'      --published-on must be before this day
//   inclusive: true          the day itself is in time too (1月31日前 read as up to 1月31日)
//   message: ... {date} {deadline} {year} ...             the date line is too late
//   submitted_message, published_message: the same for the dates given as options

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"

namespace fzcheck::detail {

namespace {

class Deadline final : public Check {
 public:
  Deadline(RuleCommon common, std::optional<MonthDay> submit_by, std::optional<MonthDay> publish_by,
           MessageTemplate message, std::optional<MessageTemplate> submitted,
           std::optional<MessageTemplate> published, bool inclusive)
      : Check(std::move(common)),
        submit_by_(submit_by),
        publish_by_(publish_by),
        inclusive_(inclusive),
        message_(std::move(message)),
        submitted_(std::move(submitted)),
        published_(std::move(published)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const std::optional<int>& year = ctx.facts.year.report;
    if (!year) return;
    const Document& doc = ctx.doc;
    Span at = doc.date ? doc.date->span : ctx.document_start();
    auto late = [&](const std::optional<MonthDay>& by, const Date& when,
                    const MessageTemplate& text) {
      if (!by) return;
      Date limit{*year + 1, by->month, by->day};
      if (when < limit || (inclusive_ && when == limit)) return;
      sink.add(*this, at,
               text.format({{"date", cjk::date_text(when.year, when.month, when.day)},
                            {"deadline", cjk::date_text(limit.year, limit.month, limit.day)},
                            {"year", std::to_string(*year)}}));
    };
    // An office's own deadlines (CheckOptions) replace the rule's.
    const std::optional<MonthDay>& submit_by =
        ctx.options.submit_by ? ctx.options.submit_by : submit_by_;
    const std::optional<MonthDay>& publish_by =
        ctx.options.publish_by ? ctx.options.publish_by : publish_by_;
    if (doc.date && doc.date->valid) late(submit_by, doc.date->date, message_);
    if (ctx.options.submitted_on)
      late(submit_by, *ctx.options.submitted_on, submitted_.value_or(message_));
    if (ctx.options.published_on)
      late(publish_by, *ctx.options.published_on, published_.value_or(message_));
  }

 private:
  std::optional<MonthDay> submit_by_, publish_by_;
  bool inclusive_ = false;
  MessageTemplate message_;
  std::optional<MessageTemplate> submitted_, published_;
};

std::optional<MonthDay> month_day(Fields& f, const std::string& key) {
  auto text = f.string(key);
  if (!text) return std::nullopt;
  if (auto md = parse_month_day(*text)) return md;
  f.error(key, fmt::format("'{}' must be a month and day as MM-DD (for example 03-01), not '{}'",
                           key, *text));
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Check> make_deadline(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto submit_by = month_day(f, "submit_by");
  auto publish_by = month_day(f, "publish_by");
  if (!f.has("submit_by") && !f.has("publish_by"))
    f.error_at(f.pos(), "a deadline needs 'submit_by' or 'publish_by'");
  const std::set<std::string> provided = {"date", "deadline", "year"};
  auto message = spec.ctx.message(f, "message", provided);
  auto submitted = spec.ctx.message(f, "submitted_message", provided, false);
  auto published = spec.ctx.message(f, "published_message", provided, false);
  bool inclusive = f.boolean("inclusive").value_or(false);
  if (!message) return nullptr;
  return std::make_unique<Deadline>(spec.common, submit_by, publish_by, std::move(*message),
                                    std::move(submitted), std::move(published), inclusive);
}

}  // namespace fzcheck::detail
