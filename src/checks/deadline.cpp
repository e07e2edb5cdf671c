// kind: deadline — a report on year Y is dated, submitted and published before days of year Y+1.
//
//   submit_by: '03-01'       the date line and --submitted-on must be before this day
//   publish_by: '04-01'      --published-on must be before this day
//   inclusive: true          the day itself is in time too (1月31日前 read as up to 1月31日)
//   who: 县级以上人民政府部门   who the deadline is for ({who}), unless a profile says otherwise
//   profiles:                 other deadlines for the documents whose title matches (the first
//     - {name: 县级人民政府, title: ['县人民政府\d{4}年'], submit_by: '02-20', publish_by: '02-20'}
//   message: ... {date} {deadline} {year} {who} ...       the date line is too late
//   submitted_message, published_message: the same for the dates given as options
// An office's own deadlines (CheckOptions::submit_by, publish_by) replace the rule's and the
// profiles'.

#include <algorithm>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"

namespace fzcheck::detail {

namespace {

// Deadlines of one kind of organ, and how messages name it.
struct Profile {
  std::string who;
  std::vector<PatternId> title;  // the profile of documents whose title one of these matches
  std::optional<MonthDay> submit_by, publish_by;
};

class Deadline final : public Check {
 public:
  Deadline(RuleCommon common, Profile own, std::vector<Profile> profiles, MessageTemplate message,
           std::optional<MessageTemplate> submitted, std::optional<MessageTemplate> published,
           bool inclusive)
      : Check(std::move(common)),
        own_(std::move(own)),
        profiles_(std::move(profiles)),
        inclusive_(inclusive),
        message_(std::move(message)),
        submitted_(std::move(submitted)),
        published_(std::move(published)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const std::optional<int>& year = ctx.facts.year.report;
    if (!year) return;
    const Document& doc = ctx.doc;
    Span at = doc.date ? doc.date->span : ctx.document_start();
    const Profile* profile = &own_;
    if (doc.title) {
      for (const Profile& p : profiles_) {
        if (std::any_of(p.title.begin(), p.title.end(), [&](PatternId id) {
              return ctx.patterns.matches_text(id, doc.title->text);
            })) {
          profile = &p;
          break;
        }
      }
    }
    auto late = [&](const std::optional<MonthDay>& by, const Date& when,
                    const MessageTemplate& text) {
      if (!by) return;
      Date limit{*year + 1, by->month, by->day};
      if (when < limit || (inclusive_ && when == limit)) return;
      sink.add(*this, at,
               text.format({{"date", cjk::date_text(when.year, when.month, when.day)},
                            {"deadline", cjk::date_text(limit.year, limit.month, limit.day)},
                            {"year", std::to_string(*year)},
                            {"who", profile->who}}));
    };
    // An office's own deadlines (CheckOptions) replace the rule's.
    const std::optional<MonthDay>& submit_by =
        ctx.options.submit_by ? ctx.options.submit_by : profile->submit_by;
    const std::optional<MonthDay>& publish_by =
        ctx.options.publish_by ? ctx.options.publish_by : profile->publish_by;
    if (doc.date && doc.date->valid) late(submit_by, doc.date->date, message_);
    if (ctx.options.submitted_on)
      late(submit_by, *ctx.options.submitted_on, submitted_.value_or(message_));
    if (ctx.options.published_on)
      late(publish_by, *ctx.options.published_on, published_.value_or(message_));
  }

 private:
  Profile own_;
  std::vector<Profile> profiles_;
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
  Profile own;
  own.submit_by = month_day(f, "submit_by");
  own.publish_by = month_day(f, "publish_by");
  own.who = f.string("who").value_or("");
  if (!f.has("submit_by") && !f.has("publish_by"))
    f.error_at(f.pos(), "a deadline needs 'submit_by' or 'publish_by'");
  std::vector<Profile> profiles;
  for (Item& item : f.list("profiles")) {
    if (!item.fields) {
      f.error_at(item.pos, "each profile must be a mapping with 'name', 'title' and a deadline");
      continue;
    }
    Fields& p = *item.fields;
    Profile profile;
    profile.who = p.string("name", true).value_or("");
    // Matched against the title text only: the scan of the document never looks for them.
    profile.title = spec.ctx.patterns(p, "title", true, Where::nowhere);
    profile.submit_by = month_day(p, "submit_by");
    profile.publish_by = month_day(p, "publish_by");
    if (!p.has("submit_by") && !p.has("publish_by"))
      p.error_at(p.pos(), "a profile needs 'submit_by' or 'publish_by'");
    profiles.push_back(std::move(profile));
  }
  const std::set<std::string> provided = {"date", "deadline", "year", "who"};
  auto message = spec.ctx.message(f, "message", provided);
  auto submitted = spec.ctx.message(f, "submitted_message", provided, false);
  auto published = spec.ctx.message(f, "published_message", provided, false);
  bool inclusive = f.boolean("inclusive").value_or(false);
  if (!message) return nullptr;
  return std::make_unique<Deadline>(spec.common, std::move(own), std::move(profiles),
                                    std::move(*message), std::move(submitted), std::move(published),
                                    inclusive);
}

}  // namespace fzcheck::detail
