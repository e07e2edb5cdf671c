// What is known about a document before any rule runs: its parts, the year it reports on and the
// shape of its headings. Computed once per check() into an immutable object that rules only read.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "facts/document_type.hpp"
#include "facts/headings.hpp"
#include "facts/parts.hpp"
#include "facts/report_year.hpp"
#include "fzcheck/document.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

struct DocumentFacts {
  DocumentType type;
  PartFacts parts;
  ReportYear year;
  HeadingFacts headings;
  // The text stops in the middle of a sentence, with no signature or date: what would come after
  // the cut is unknown, not missing.
  bool truncated = false;
};

// What a rule set declares that facts are computed from.
struct FactDefs {
  const PatternSet& patterns;
  const TypeTable& types;
  const std::vector<PartDef>& parts;  // sorted by priority
  // Whether the parts a pack declares are looked for in a document of a type (the pack applies to
  // it): the parts of a pack that does not check the document do not compete for its headings.
  // Empty: every part is looked for.
  std::function<bool(const std::string& pack, const std::string& type)> pack_applies = {};
};

DocumentFacts find_document_facts(const Document& doc, const MatchIndex& matches,
                                  const FactDefs& defs, const CheckOptions& options);

}  // namespace fzcheck::detail
