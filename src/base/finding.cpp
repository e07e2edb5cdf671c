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

const char* to_string(PartStatus::How how) noexcept {
  switch (how) {
    case PartStatus::How::heading:
      return "heading";
    case PartStatus::How::thematic:
      return "thematic";
    case PartStatus::How::subheading:
      return "subheading";
    case PartStatus::How::paragraph:
      return "paragraph";
    case PartStatus::How::sentence:
      return "sentence";
    case PartStatus::How::missing:
      return "missing";
    case PartStatus::How::unknown:
      return "unknown";
  }
  return "?";
}

}  // namespace fzcheck
