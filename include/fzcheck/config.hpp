// An office's settings, kept in one YAML file (docs/cli.md, "Configuration file"): which rule
// packs to load, rules switched off or on, severities, when to fail, the terms it writes on
// purpose and its own policies. The tool finds `.fzcheck.yaml` from the checked file upward.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/date.hpp"
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
  std::vector<std::string> allow;      // terms written on purpose: no finding inside them
  std::map<std::string, std::vector<std::string>> allow_by_rule;  // the same, for one rule
  std::optional<MonthDay> submit_by, publish_by;                  // policy: its own deadlines
  bool parts_inside_ok = false;  // policy: a required part may be written inside another
  std::vector<std::pair<std::string, Position>> rule_ids;  // every rule id it names, and where
};

// The file names the tool looks for, in this order, in each folder.
inline constexpr const char* kConfigFileNames[] = {".fzcheck.yaml", ".fzcheck.yml"};

// The configuration that applies to `path` (a file or a folder): the first `.fzcheck.yaml` (or
// `.fzcheck.yml`) in its folder or a folder above it, like .clang-format or .editorconfig;
// nullopt when there is none up to the root.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& path);

// Reads a configuration file. Every problem is reported at once, each with its line and column.
// The file must be a regular file of at most 1 MiB: a missing one is ErrorCode::not_found, a
// directory, FIFO or device not_a_file (refused without reading), a larger one too_large.
Result<Config> load_config(const std::filesystem::path& file);

// Adds the configuration's rule choices, severities, allowed terms and policies to `options`.
// Every rule id that `rules` does not have is an error (code usage, with the file, line and
// column where the configuration names it); nothing is added then.
std::vector<Error> apply_config(const Config& config, const RuleSet& rules, CheckOptions& options);

}  // namespace fzcheck
