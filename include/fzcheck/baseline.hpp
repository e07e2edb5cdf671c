// Baselines: the findings of an earlier run, kept in a file, so that a second draft of a report is
// checked for what is new (`fzcheck check --baseline FILE`, `--write-baseline FILE`). Findings are
// matched by Finding::fingerprint, never by line; the file's format is in docs/baseline.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/finding.hpp"

namespace FZCHECK_API fzcheck {

// The version of the fingerprints (Finding::fingerprint) this library makes. A baseline written
// with other fingerprints cannot be compared with them.
inline constexpr int kFingerprintVersion = 1;

// One finding as a baseline keeps it: the fingerprint, and for people reading the file the rule,
// the line and the excerpt (none of which is used for matching).
struct BaselineFinding {
  std::string fingerprint;
  std::string rule_id;
  std::uint32_t line = 0;
  std::string excerpt;
};

// The findings of one checked file.
struct BaselineFile {
  std::string file;  // as the run named it (Report::file)
  std::vector<BaselineFinding> findings;
};

// Every finding of `report` as a baseline records it: its findings and, if a baseline was
// applied to it, the known ones too, in the order of the document.
BaselineFile to_baseline(const Report& report);

struct Baseline {
  std::vector<BaselineFile> files;

  // Adds a file's entry; an entry of the same file (the same Report::file) is replaced.
  void add(BaselineFile file);

  // The entry for a checked file: the one with the same path (compared after removing "." and
  // ".." components); else the one whose path ends with the most of the file's path components,
  // at least its name, if no other ends with as many (a second draft in another folder); else, if
  // `only_file` (the run checks one file) and the baseline has one entry, that entry. nullptr
  // when none.
  const BaselineFile* find(std::string_view file, bool only_file = false) const;
};

// The baseline as JSON (docs/baseline.md), files and findings in their order.
void write_baseline(std::ostream& out, const Baseline& baseline);

// A baseline from its JSON. Errors carry `name` as their file: a JSON syntax error its line and
// column, a document that is not a baseline the JSON pointer of what is wrong.
Result<Baseline> parse_baseline(std::string_view json, const std::string& name);

// The baseline in a file (parse_baseline); a file that is missing or cannot be read is an error.
Result<Baseline> read_baseline(const std::filesystem::path& path);

// Takes the findings whose fingerprint `entry` lists out of report.findings into
// report.baseline->known, and sets report.baseline (its file: entry->file). With a null `entry`
// every finding stays: all are new.
void apply_baseline(Report& report, const BaselineFile* entry);

}  // namespace fzcheck
