// kind: unknown-part — level-one sections that are none of the parts the pack declares.
//
//   allow: [...]      headings that are fine although they are no declared part (optional parts)
//   message: ... {heading} ...
#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class UnknownPart final : public Check {
 public:
  UnknownPart(RuleCommon common, std::vector<PatternId> allow, MessageTemplate message)
      : Check(std::move(common)), allow_(std::move(allow)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const auto& sections = ctx.doc.sections;
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
      const Section& s = sections[i];
      if (s.parent >= 0 || ctx.facts.parts.top_level[i]) continue;
      bool allowed = false;
      for (PatternId id : allow_) allowed = allowed || ctx.matches.any_within(id, s.heading);
      if (allowed) continue;
      sink.add(*this, {s.marker.span.begin, s.heading.end},
               message_.format({{"heading", ctx.heading_label(i)}}));
    }
  }

 private:
  std::vector<PatternId> allow_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_unknown_part(RuleSpec& spec) {
  auto allow = spec.ctx.patterns(spec.fields, "allow");
  auto message = spec.ctx.message(spec.fields, "message", {"heading"});
  if (!message) return nullptr;
  return std::make_unique<UnknownPart>(spec.common, std::move(allow), std::move(*message));
}

}  // namespace fzcheck::detail
