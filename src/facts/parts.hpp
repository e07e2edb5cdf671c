// The required parts of a report: how a pack declares them, and where a document has them.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/document.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

// A part is named per pack: part "measures" of pack "fazhi-report".
struct PartId {
  std::string pack;
  std::string part;
  friend bool operator==(const PartId&, const PartId&) = default;
  friend auto operator<=>(const PartId&, const PartId&) = default;
};

// A part as declared by a required-section rule: how its level-one heading reads.
struct PartDef {
  PartId id;
  std::string name;  // how messages name it: "主要举措和成效"
  std::string rule_id;
  std::uint32_t level = 1;  // the heading level it is expected at
  int priority = 100;
  std::vector<PatternId> any;   // one must match the heading
  std::vector<PatternId> none;  // none may match the heading
  bool subsection = false;      // may be found below level one when there is no level-one heading
};

// Where a part was found in a document.
struct PartLocation {
  std::vector<std::uint32_t> sections;  // indices in Document::sections, in document order
  bool as_subsection = false;           // found only below level one
};

struct PartFacts {
  std::map<PartId, PartLocation> found;
  // Per section: the part a level-one section is, if any.
  std::vector<std::optional<PartId>> top_level;
};

// Each section at a part's level is assigned to the first part (by priority, `defs` is sorted)
// whose heading patterns match. A part with no such section may be found deeper if its rule
// allows that.
PartFacts locate_parts(const Document& doc, const MatchIndex& matches,
                       const std::vector<PartDef>& defs);

}  // namespace fzcheck::detail
