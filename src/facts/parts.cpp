#include "facts/parts.hpp"

#include <algorithm>

namespace fzcheck::detail {

namespace {

bool heading_matches(const MatchIndex& matches, const PartDef& part, Span heading) {
  auto any = [&](const std::vector<PatternId>& ids) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](PatternId id) { return matches.any_within(id, heading); });
  };
  return any(part.any) && !any(part.none);
}

}  // namespace

PartFacts locate_parts(const Document& doc, const MatchIndex& matches,
                       const std::vector<PartDef>& defs) {
  PartFacts out;
  const auto& sections = doc.sections;
  out.top_level.assign(sections.size(), std::nullopt);
  for (std::uint32_t i = 0; i < sections.size(); ++i) {
    for (const PartDef& part : defs) {
      if (part.level == sections[i].level && heading_matches(matches, part, sections[i].heading)) {
        if (sections[i].parent < 0) out.top_level[i] = part.id;
        out.found[part.id].sections.push_back(i);
        break;
      }
    }
  }
  for (const PartDef& part : defs) {
    if (!part.subsection || out.found.count(part.id)) continue;
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
      if (sections[i].level > part.level && heading_matches(matches, part, sections[i].heading)) {
        out.found[part.id] = {{i}, true};
        break;
      }
    }
  }
  return out;
}

}  // namespace fzcheck::detail
