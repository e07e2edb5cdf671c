// kind: heading-sequence — section numbers run 1, 2, 3 … within each parent, without gaps or
// repeats (二 → 六 is a gap; 二 → 二 a repeat). Below level one, a document may instead number
// on across parents (（一）（二） under 一、, （三）（四） under 二、): a style, not a gap; the
// style most of its lists follow decides, and a list in the other style is reported.
//
//   levels: [1]        the levels to check (all when absent)
//   message: ... {found} {expected} {heading} ...
#include <map>

#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class HeadingSequence final : public Check {
 public:
  HeadingSequence(RuleCommon common, std::vector<long> levels, MessageTemplate message)
      : Check(std::move(common)), levels_(std::move(levels)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    const auto& groups = ctx.facts.headings.groups;
    // Per group: the last number of the list before it at the same level and in the same form.
    std::vector<std::optional<std::uint32_t>> before(groups.size());
    std::map<std::pair<std::uint32_t, std::uint8_t>, std::uint32_t> last;
    std::map<std::uint32_t, int> continued_minus_restarted;  // per level
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const Section& first = doc.sections[groups[g].sections.front()];
      if (first.marker.numeral == Numeral::none || first.parent < 0 || groups[g].after_restart)
        continue;
      const auto key = std::pair{first.level, first.marker.form};
      if (auto it = last.find(key); it != last.end()) {
        before[g] = it->second;
        if (first.marker.ordinal == 1) {
          --continued_minus_restarted[first.level];
        } else if (first.marker.ordinal == it->second + 1) {
          ++continued_minus_restarted[first.level];
        }
      }
      last[key] = doc.sections[groups[g].sections.back()].marker.ordinal;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const SiblingGroup& group = groups[g];
      long level = doc.sections[group.sections.front()].level;
      if (!levels_.empty() && std::find(levels_.begin(), levels_.end(), level) == levels_.end())
        continue;
      std::uint32_t expected = 1;
      if (before[g] && continued_minus_restarted[static_cast<std::uint32_t>(level)] > 0)
        expected = *before[g] + 1;
      for (std::uint32_t index : group.sections) {
        const Section& s = doc.sections[index];
        if (s.marker.numeral == Numeral::none) continue;
        if (s.marker.ordinal != expected) {
          sink.add(*this, s.marker.span,
                   message_.format({{"found", std::string(doc.str(s.marker.span))},
                                    {"expected", render_marker(s.marker.form, expected)},
                                    {"heading", ctx.heading_label(index)}}));
        }
        expected = s.marker.ordinal + 1;  // go on from what is written: one gap, one finding
      }
    }
  }

 private:
  std::vector<long> levels_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_heading_sequence(RuleSpec& spec) {
  Fields& f = spec.fields;
  std::vector<long> levels;
  for (const std::string& text : f.strings("levels")) {
    char* end = nullptr;
    long v = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || v < 1 || v > 9) {
      f.error("levels", "'levels' must list heading levels from 1 to 9");
      return nullptr;
    }
    levels.push_back(v);
  }
  auto message = spec.ctx.message(f, "message", {"found", "expected", "heading"});
  if (!message) return nullptr;
  return std::make_unique<HeadingSequence>(spec.common, std::move(levels), std::move(*message));
}

}  // namespace fzcheck::detail
