// kind: length — a scope's text is at most (or at least) so many characters. Characters are code
// points; whitespace is not counted, nor is the own heading of a part (section:<part>): what is
// measured is what the part says.
//
//   scope: section:overview
//   max: 1000                          more is reported
//   min: 100                           fewer is reported (a scope that is absent is not)
//   message: ... {count} {max} {min} ...   too long (and too short, without short_message)
//   short_message: ... {count} {min} ...   too short
// The finding points at the part's heading, else at the start of the scope.
#include <algorithm>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class Length final : public Check {
 public:
  Length(RuleCommon common, std::optional<long> min, std::optional<long> max,
         MessageTemplate message, std::optional<MessageTemplate> short_message)
      : Check(std::move(common)),
        min_(min),
        max_(max),
        message_(std::move(message)),
        short_message_(std::move(short_message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Scope& scope = common().scope;
    std::vector<Span> regions = ctx.regions(scope);
    if (regions.empty()) return;  // the scope is absent: another rule says so
    // A part's own headings are not what it says.
    std::vector<Span> headings;
    std::optional<Span> at;
    if (scope.kind == ScopeKind::part) {
      if (const PartLocation* where = ctx.part(scope.part);
          where && where->how != PartHow::paragraph && where->how != PartHow::sentence) {
        for (std::uint32_t s : where->sections) headings.push_back(ctx.heading_span(s));
        if (!where->sections.empty()) at = ctx.heading_span(where->sections.front());
      }
    }
    long count = 0;
    for (Span r : regions) {
      std::string_view text = ctx.doc.str(r);
      std::size_t k = 0;
      while (k < text.size()) {
        const std::uint32_t offset = r.begin + static_cast<std::uint32_t>(k);
        char32_t c = utf8::next(text, k);
        if (utf8::is_space(c) || c == U'\n') continue;
        bool in_heading = std::any_of(headings.begin(), headings.end(),
                                      [&](Span h) { return h.contains(offset); });
        if (!in_heading) ++count;
      }
    }
    const bool too_long = max_ && count > *max_;
    const bool too_short = min_ && count < *min_;
    if (!too_long && !too_short) return;
    const MessageTemplate& text = too_short && short_message_ ? *short_message_ : message_;
    sink.add(*this, at.value_or(Span{regions.front().begin, regions.front().begin}),
             text.format({{"count", std::to_string(count)},
                          {"max", max_ ? std::to_string(*max_) : std::string()},
                          {"min", min_ ? std::to_string(*min_) : std::string()}}));
  }

 private:
  std::optional<long> min_, max_;
  MessageTemplate message_;
  std::optional<MessageTemplate> short_message_;
};

}  // namespace

std::unique_ptr<Check> make_length(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto max = f.integer("max", 1, 10'000'000);
  auto min = f.integer("min", 1, 10'000'000);
  if (!f.has("max") && !f.has("min"))
    f.error_at(f.pos(), "a length rule needs 'max', 'min' or both");
  if (min && max && *min > *max)
    f.error("min", fmt::format("'min' ({}) is more than 'max' ({})", *min, *max));
  auto message = spec.ctx.message(f, "message", {"count", "max", "min"});
  auto short_message = spec.ctx.message(f, "short_message", {"count", "min"}, false);
  if (short_message && !f.has("min")) f.error("short_message", "'short_message' needs 'min'");
  if (!message || (!min && !max)) return nullptr;
  return std::make_unique<Length>(spec.common, min, max, std::move(*message),
                                  std::move(short_message));
}

}  // namespace fzcheck::detail
