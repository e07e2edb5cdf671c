// An office's settings, kept in one YAML file (docs/cli.md, "Configuration file"): which rule
// packs to load, rules switched off or on, severities and when to fail.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/finding.hpp"
#include "fzcheck/rules.hpp"
#include "fzcheck/severity.hpp"

namespace FZCHECK_API fzcheck {

struct Config {
  std::filesystem::path file;                // where it was read from
  std::vector<std::filesystem::path> packs;  // `rules:`, resolved against the file's folder
  bool no_default_rules = false;
  std::vector<std::string> disable, only;
  std::map<std::string, Severity> severity;
  std::optional<std::string> fail_on;  // "error", "warning", "info" or "never"
};

// Reads a configuration file. Every problem is reported at once, each with its line and column.
Result<Config> load_config(const std::filesystem::path& file);

// Adds the configuration's rule choices and severities to `options`. A rule id that `rules` does
// not have is an error (code usage, file = the configuration file); nothing is added then.
std::vector<Error> apply_config(const Config& config, const RuleSet& rules, CheckOptions& options);

}  // namespace fzcheck
