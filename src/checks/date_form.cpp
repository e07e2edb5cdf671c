// kind: date-form — the date under the signature is written in one of the allowed forms and exists.
//
//   forms: [arabic, ...]    arabic, arabic-padded, chinese, hyphenated, slashed, dotted
//   message: ... {date} {expected} ...   another form (the fix writes the first allowed form)
//   invalid_message: ... {date} ...      a day that does not exist (2025年2月30日)
#include <algorithm>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"

namespace fzcheck::detail {

namespace {

class DateFormCheck final : public Check {
 public:
  DateFormCheck(RuleCommon common, std::vector<DateForm> forms, MessageTemplate message,
                std::optional<MessageTemplate> invalid)
      : Check(std::move(common)),
        forms_(std::move(forms)),
        message_(std::move(message)),
        invalid_(std::move(invalid)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    if (!doc.date) return;
    const DateLine& d = *doc.date;
    if (d.valid && std::find(forms_.begin(), forms_.end(), d.form) != forms_.end()) return;
    std::string written(doc.str(d.span));
    if (!d.valid && invalid_) {  // no form can fix a day that does not exist
      sink.add(*this, d.span, invalid_->format({{"date", written}, {"expected", ""}}));
      return;
    }
    std::string expected =
        d.valid ? cjk::date_text(d.date.year, d.date.month, d.date.day) : std::string();
    sink.add(*this, d.span, message_.format({{"date", written}, {"expected", expected}}),
             d.valid ? std::optional<std::string>(expected) : std::nullopt);
  }

 private:
  std::vector<DateForm> forms_;
  MessageTemplate message_;
  std::optional<MessageTemplate> invalid_;
};

}  // namespace

std::unique_ptr<Check> make_date_form(RuleSpec& spec) {
  Fields& f = spec.fields;
  static const std::pair<std::string_view, DateForm> kForms[] = {
      {"arabic", DateForm::arabic},   {"arabic-padded", DateForm::arabic_padded},
      {"chinese", DateForm::chinese}, {"hyphenated", DateForm::hyphenated},
      {"slashed", DateForm::slashed}, {"dotted", DateForm::dotted}};
  std::vector<DateForm> forms;
  for (const std::string& name : f.strings("forms", true)) {
    auto it = std::find_if(std::begin(kForms), std::end(kForms),
                           [&](const auto& p) { return p.first == name; });
    if (it == std::end(kForms)) {
      f.error("forms",
              fmt::format("unknown date form '{}': use arabic, arabic-padded, chinese, hyphenated, "
                          "slashed or dotted",
                          name));
    } else {
      forms.push_back(it->second);
    }
  }
  auto message = spec.ctx.message(f, "message", {"date", "expected"});
  auto invalid = spec.ctx.message(f, "invalid_message", {"date"}, false);
  if (!message) return nullptr;
  return std::make_unique<DateFormCheck>(spec.common, std::move(forms), std::move(*message),
                                         std::move(invalid));
}

}  // namespace fzcheck::detail
