#include "fzcheck/finding.hpp"

#include <algorithm>

namespace fzcheck {

std::size_t Report::count(Severity severity) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

const char* to_string(DocumentType::Basis basis) noexcept {
  switch (basis) {
    case DocumentType::Basis::title:
      return "title";
    case DocumentType::Basis::body:
      return "body";
    case DocumentType::Basis::forced:
      return "forced";
    case DocumentType::Basis::fallback:
      return "fallback";
  }
  return "?";
}

}  // namespace fzcheck
