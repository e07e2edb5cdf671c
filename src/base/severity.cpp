#include "fzcheck/severity.hpp"

namespace fzcheck {

const char* to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view text) noexcept {
  if (text == "error") return Severity::error;
  if (text == "warning") return Severity::warning;
  if (text == "info") return Severity::info;
  return std::nullopt;
}

}  // namespace fzcheck
