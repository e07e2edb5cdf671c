// The harness that runs a rule pack's own fixtures: each rule folder holds pass/ documents that
// must give no finding of that rule and fail/ documents whose findings of that rule must be exactly
// the lines of the sidecar <name>.expected ("<file>:<line>:<column>:<rule>:<severity>").
// `fzcheck rules test DIR` and the CTest suite both call it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"

namespace FZCHECK_API fzcheck {

struct RuleTestResult {
  std::string rule;
  std::size_t pass_fixtures = 0;
  std::size_t fail_fixtures = 0;
  std::vector<std::string> problems;  // empty when every fixture behaves and the rule is complete
  bool ok() const noexcept { return problems.empty(); }
};

// Loads the pack(s) at `path` on their own (with only the built-in packs they extend, if any) and
// runs the fixtures of every rule of theirs, or only of the rules named in `only`. A rule also
// fails when it has no README.md, no pass fixture or no fail fixture. A fixture may have
// <name>.options.yaml with `submitted_on` and `published_on` dates (YYYY-MM-DD) for rules that need
// them, and `document_type` (else it is taken for the first type its pack applies to); and
// <name>.previous.txt (.docx, .html) beside it, last year's report it is checked with
// (CheckOptions::previous), which is no fixture of its own.
Result<std::vector<RuleTestResult>> test_rules(const std::filesystem::path& path,
                                               const std::vector<std::string>& only = {});

}  // namespace fzcheck
