// Checking a document against a rule set, and pairing reports with last year's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"
#include "fzcheck/rules.hpp"

namespace FZCHECK_API fzcheck {

// Runs every rule of `rules` on `doc`. Never throws for any document read by read_document().
// With CheckOptions::previous, the previous report is given the same facts (parts, year) as
// `doc`, checked as `doc`'s type, and rules of the kind previous-report compare the two.
Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options = {});

// What a report is, as far as pairing it with last year's report needs.
struct ReportIdentity {
  std::string type;   // the document type id it is checked as; empty without organ or year
  int year = 0;       // the year it reports on; 0 when unknown
  std::string organ;  // who reports: the title's words before its year, else the signature, with
                      // whitespace removed; empty when neither names anyone
};

// The identity of `doc` as check() would see it (the same type, the same year). A report without
// organ or year cannot be paired: its type is not worked out (the text is not scanned for it).
ReportIdentity identify(const Document& doc, const RuleSet& rules,
                        const CheckOptions& options = {});

// Last year's report of each report among `reports`: another one of the same type and organ
// whose year is one less. `candidates` lists every such report; `previous` is set only when there
// is exactly one (two reports of last year would make the pairing a guess).
struct PreviousMatch {
  std::optional<std::size_t> previous;  // index into the list
  std::vector<std::size_t> candidates;
};
std::vector<PreviousMatch> pair_previous(const std::vector<ReportIdentity>& reports);

}  // namespace fzcheck
