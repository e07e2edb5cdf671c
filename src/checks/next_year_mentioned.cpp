// kind: next-year-mentioned — a scope (the plan for next year) names the year after the report
// year, or one of a set of patterns that stand for it.
//
//   scope: section:next-year
//   any: ['下一年度', '明年']
//   message: ... {next_year} {year} ...
#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class NextYearMentioned final : public Check {
 public:
  NextYearMentioned(RuleCommon common, std::vector<PatternId> any, MessageTemplate message)
      : Check(std::move(common)), any_(std::move(any)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Span> regions = ctx.regions(common().scope);
    const std::optional<int>& year = ctx.facts.year.report;
    if (regions.empty() || !year) return;
    for (PatternId id : any_) {
      if (ctx.first_in(id, regions)) return;
    }
    const std::string next_year = std::to_string(*year + 1) + utf8::encode(cjk::kYear);
    for (Span r : regions) {
      if (outside_titles(ctx.doc.str(r)).find(next_year) != std::string::npos) return;
    }
    // Point at the part's heading (or the words that showed it) when the scope is a part.
    Span at{regions.front().begin, regions.front().begin};
    if (common().scope.kind == ScopeKind::part) at = ctx.part(common().scope.part)->found;
    sink.add(*this, at,
             message_.format(
                 {{"next_year", std::to_string(*year + 1)}, {"year", std::to_string(*year)}}));
  }

 private:
  std::vector<PatternId> any_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_next_year_mentioned(RuleSpec& spec) {
  auto any = spec.ctx.patterns(spec.fields, "any");
  auto message = spec.ctx.message(spec.fields, "message", {"next_year", "year"});
  if (!message) return nullptr;
  return std::make_unique<NextYearMentioned>(spec.common, std::move(any), std::move(*message));
}

}  // namespace fzcheck::detail
