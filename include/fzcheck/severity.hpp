// How serious a finding is.
#pragma once

#include <optional>
#include <string_view>

#include "fzcheck/api.hpp"

namespace FZCHECK_API fzcheck {

enum class Severity { info, warning, error };

// "info", "warning" or "error": stable English names, for JSON, SARIF and rule files.
const char* to_string(Severity severity) noexcept;

// "error", "warning", "info" → the severity; anything else → nullopt.
std::optional<Severity> parse_severity(std::string_view text) noexcept;

}  // namespace fzcheck
