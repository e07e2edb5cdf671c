#include "fzcheck/finding.hpp"

#include <algorithm>

namespace fzcheck {

std::size_t Report::count(Severity severity) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace fzcheck
