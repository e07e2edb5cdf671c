// kind: metadata — the title, signature and date of a report, and the years it names.
//
//   field: title      require: present | match (any) | year (mismatch_message)
//   field: signature  require: present | match (any)
//   field: date       require: present | form (forms, invalid_message)
//                     | deadline (submit_by, publish_by, submitted_message, published_message)
//   field: next-year  require: mentioned (scope, any): the scope names the year after the
//                     report year, or one of `any`
#include <fmt/format.h>

#include "checks/check.hpp"
#include "model/cjk.hpp"
#include "util/utf8.hpp"

namespace fzcheck::detail {

namespace {

enum class Field { title, signature, date, next_year };
enum class Require { present, match, year, form, deadline, mentioned };

// "2025年3月1日", written with the date characters of the script.
std::string chinese_date(int y, int m, int d) {
  return fmt::format("{}{}{}{}{}{}", y, utf8::encode(cjk::kYear), m, utf8::encode(cjk::kMonth), d,
                     utf8::encode(cjk::kDay));
}

struct MonthDay {
  int month = 0, day = 0;
};

class Metadata final : public Check {
 public:
  Field field = Field::title;
  Require require = Require::present;
  MessageTemplate message;
  std::optional<MessageTemplate> second_message;  // year: mismatch; deadline: submitted
  std::optional<MessageTemplate> third_message;   // deadline: published
  std::vector<PatternId> any;
  std::vector<DateForm> forms;
  std::optional<MonthDay> submit_by, publish_by;

  explicit Metadata(RuleCommon common) : Check(std::move(common)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    switch (require) {
      case Require::present:
        return present(ctx, sink);
      case Require::match: {
        Span span = field_span(doc);
        if (span.empty()) return;
        for (PatternId id : any) {
          if (field == Field::title ? title_matches(ctx, id) : ctx.matches.any_within(id, span))
            return;
        }
        std::string text = field == Field::title ? doc.title->text : std::string(doc.str(span));
        sink.add(*this, span, message.format({{"title", text}, {"signature", text}}));
        return;
      }
      case Require::year: {
        if (!doc.title) return;
        Span span = field_span(doc);
        if (!ctx.title_year) {
          sink.add(*this, span, message.format({{"title", doc.title->text}}));
        } else if (second_message && ctx.body_year && *ctx.body_year != *ctx.title_year) {
          sink.add(*this, span,
                   second_message->format({{"title_year", std::to_string(*ctx.title_year)},
                                           {"body_year", std::to_string(*ctx.body_year)},
                                           {"title", doc.title->text}}));
        }
        return;
      }
      case Require::form: {
        if (!doc.date) return;
        const DateLine& d = *doc.date;
        bool good = d.valid && std::find(forms.begin(), forms.end(), d.form) != forms.end();
        if (good) return;
        if (!d.valid &&
            second_message) {  // 2025年2月30日: no form can fix a day that does not exist
          sink.add(
              *this, d.span,
              second_message->format({{"date", std::string(doc.str(d.span))}, {"expected", ""}}));
          return;
        }
        std::string expected = d.valid ? chinese_date(d.year, d.month, d.day) : std::string();
        sink.add(*this, d.span,
                 message.format({{"date", std::string(doc.str(d.span))}, {"expected", expected}}),
                 d.valid ? std::optional<std::string>(expected) : std::nullopt);
        return;
      }
      case Require::deadline:
        return deadline(ctx, sink);
      case Require::mentioned:
        return mentioned(ctx, sink);
    }
  }

 private:
  Span field_span(const Document& doc) const {
    switch (field) {
      case Field::title:
        if (!doc.title) return {};
        return {doc.paragraphs[doc.title->paragraphs.front()].span.begin,
                doc.paragraphs[doc.title->paragraphs.back()].span.end};
      case Field::signature:
        return doc.signature ? doc.paragraphs[doc.signature->paragraphs.front()].span : Span{};
      case Field::date:
        return doc.date ? doc.date->span : Span{};
      case Field::next_year:
        return {};
    }
    return {};
  }

  // A title may be split over two lines: match its joined text.
  static bool title_matches(const CheckContext& ctx, PatternId id) {
    return ctx.patterns->matches_text(id, ctx.doc.title->text);
  }

  void present(const CheckContext& ctx, FindingSink& sink) const {
    const Document& doc = ctx.doc;
    bool there = field == Field::title       ? doc.title.has_value()
                 : field == Field::signature ? doc.signature.has_value()
                                             : doc.date.has_value();
    if (there) return;
    Span at = ctx.document_start();
    if (field != Field::title) {
      // After the last line of text: where a signature or date would be written.
      for (std::size_t i = doc.paragraphs.size(); i-- > 0;) {
        const Paragraph& p = doc.paragraphs[i];
        if (p.role == ParagraphRole::blank) continue;
        std::uint32_t end =
            p.span.end - static_cast<std::uint32_t>(utf8::trailing_space_bytes(doc.str(p.span)));
        at = {end, end};
        break;
      }
    }
    sink.add(*this, at, message.format({}));
  }

  void deadline(const CheckContext& ctx, FindingSink& sink) const {
    if (!ctx.report_year) return;
    const int next = *ctx.report_year + 1;
    const Document& doc = ctx.doc;
    Span at = doc.date ? doc.date->span : ctx.document_start();
    auto check = [&](const std::optional<MonthDay>& by, const Date& when,
                     const MessageTemplate& text) {
      if (!by) return;
      Date limit{next, by->month, by->day};
      if (when < limit) return;
      sink.add(*this, at,
               text.format({{"date", chinese_date(when.year, when.month, when.day)},
                            {"deadline", chinese_date(limit.year, limit.month, limit.day)},
                            {"year", std::to_string(*ctx.report_year)}}));
    };
    if (doc.date && doc.date->valid)
      check(submit_by, {doc.date->year, doc.date->month, doc.date->day}, message);
    if (ctx.options.submitted_on)
      check(submit_by, *ctx.options.submitted_on, second_message.value_or(message));
    if (ctx.options.published_on)
      check(publish_by, *ctx.options.published_on, third_message.value_or(message));
  }

  void mentioned(const CheckContext& ctx, FindingSink& sink) const {
    std::vector<Span> regions = ctx.regions(common().scope);
    if (regions.empty() || !ctx.report_year) return;
    for (PatternId id : any) {
      if (ctx.first_in(id, regions)) return;
    }
    const std::string next_year = std::to_string(*ctx.report_year + 1) + utf8::encode(cjk::kYear);
    for (Span r : regions) {
      if (outside_titles(ctx.doc.str(r)).find(next_year) != std::string::npos) return;
    }
    // Point at the part's heading when the scope is a part.
    Span at{regions.front().begin, regions.front().begin};
    const Document& doc = ctx.doc;
    if (common().scope.kind == ScopeKind::part) {
      const Section& s = doc.sections[ctx.parts.at(common().scope.part).sections.front()];
      at = {s.marker.span.begin, s.heading.end};
    }
    sink.add(*this, at,
             message.format({{"next_year", std::to_string(*ctx.report_year + 1)},
                             {"year", std::to_string(*ctx.report_year)}}));
  }
};

std::optional<MonthDay> month_day(Fields& f, const std::string& key) {
  auto text = f.string(key);
  if (!text) return std::nullopt;
  int m = 0, d = 0;
  char dash = 0;
  if (std::sscanf(text->c_str(), "%2d%c%2d", &m, &dash, &d) == 3 && dash == '-' && m >= 1 &&
      m <= 12 && d >= 1 && d <= 31 && text->size() == 5) {
    return MonthDay{m, d};
  }
  f.error(key, fmt::format("'{}' must be a month and day as MM-DD (for example 03-01), not '{}'",
                           key, *text));
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Check> make_metadata(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  auto check = std::make_unique<Metadata>(spec.common);
  static const std::pair<std::string_view, Field> kFields[] = {{"title", Field::title},
                                                               {"signature", Field::signature},
                                                               {"date", Field::date},
                                                               {"next-year", Field::next_year}};
  static const std::pair<std::string_view, Require> kRequires[] = {
      {"present", Require::present},   {"match", Require::match},
      {"year", Require::year},         {"form", Require::form},
      {"deadline", Require::deadline}, {"mentioned", Require::mentioned}};
  auto field = f.string("field", true);
  auto require = f.string("require", true);
  bool ok = field && require;
  if (field) {
    auto it = std::find_if(std::begin(kFields), std::end(kFields),
                           [&](const auto& p) { return p.first == *field; });
    if (it == std::end(kFields)) {
      f.error("field",
              fmt::format("'field' must be title, signature, date or next-year, not '{}'", *field));
      ok = false;
    } else {
      check->field = it->second;
    }
  }
  if (require) {
    auto it = std::find_if(std::begin(kRequires), std::end(kRequires),
                           [&](const auto& p) { return p.first == *require; });
    if (it == std::end(kRequires)) {
      f.error("require",
              fmt::format(
                  "'require' must be present, match, year, form, deadline or mentioned, not '{}'",
                  *require));
      ok = false;
    } else {
      check->require = it->second;
    }
  }
  if (!ok) return nullptr;
  // Which requirement goes with which field.
  using R = Require;
  const Field fl = check->field;
  const R rq = check->require;
  bool fits = (rq == R::present && fl != Field::next_year) ||
              (rq == R::match && (fl == Field::title || fl == Field::signature)) ||
              (rq == R::year && fl == Field::title) ||
              ((rq == R::form || rq == R::deadline) && fl == Field::date) ||
              (rq == R::mentioned && fl == Field::next_year);
  if (!fits) {
    f.error("require",
            fmt::format("'require: {}' does not apply to 'field: {}'", *require, *field));
    return nullptr;
  }
  std::optional<MessageTemplate> message;
  switch (rq) {
    case R::present:
      message = ctx.message(f, "message", {});
      break;
    case R::match:
      check->any = ctx.patterns(f, "any", true);
      message = ctx.message(f, "message", {"title", "signature"});
      break;
    case R::year:
      message = ctx.message(f, "message", {"title"});
      check->second_message =
          ctx.message(f, "mismatch_message", {"title_year", "body_year", "title"}, false);
      break;
    case R::form: {
      message = ctx.message(f, "message", {"date", "expected"});
      check->second_message = ctx.message(f, "invalid_message", {"date"}, false);
      static const std::pair<std::string_view, DateForm> kForms[] = {
          {"arabic", DateForm::arabic},   {"arabic-padded", DateForm::arabic_padded},
          {"chinese", DateForm::chinese}, {"hyphenated", DateForm::hyphenated},
          {"slashed", DateForm::slashed}, {"dotted", DateForm::dotted}};
      for (const std::string& name : f.strings("forms", true)) {
        auto it = std::find_if(std::begin(kForms), std::end(kForms),
                               [&](const auto& p) { return p.first == name; });
        if (it == std::end(kForms)) {
          f.error(
              "forms",
              fmt::format("unknown date form '{}': use arabic, arabic-padded, chinese, hyphenated, "
                          "slashed or dotted",
                          name));
        } else {
          check->forms.push_back(it->second);
        }
      }
      break;
    }
    case R::deadline:
      check->submit_by = month_day(f, "submit_by");
      check->publish_by = month_day(f, "publish_by");
      if (!f.has("submit_by") && !f.has("publish_by"))
        f.error_at(f.pos(), "a deadline needs 'submit_by' or 'publish_by'");
      message = ctx.message(f, "message", {"date", "deadline", "year"});
      check->second_message =
          ctx.message(f, "submitted_message", {"date", "deadline", "year"}, false);
      check->third_message =
          ctx.message(f, "published_message", {"date", "deadline", "year"}, false);
      break;
    case R::mentioned:
      check->any = ctx.patterns(f, "any");
      message = ctx.message(f, "message", {"next_year", "year"});
      break;
  }
  if (!message) return nullptr;
  check->message = std::move(*message);
  return check;
}

}  // namespace fzcheck::detail
