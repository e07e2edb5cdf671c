// Checking a document against a rule set.
#pragma once

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"
#include "fzcheck/rules.hpp"

namespace FZCHECK_API fzcheck {

// Runs every rule of `rules` on `doc`. Never throws for any document read by read_document().
Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options = {});

}  // namespace fzcheck
