// Rule sets: YAML rule packs loaded, validated and compiled into an immutable RuleSet.
//
// A RuleSet is immutable once loaded and safe to share between threads (like an RE2 object).
// Copies are cheap: they share the compiled rules.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/severity.hpp"

namespace FZCHECK_API fzcheck {

// A column of the batch table (pack.yaml `summary`): what one rule's findings say of a report,
// such as whether the causes of the shortcomings are given.
struct SummaryColumn {
  std::string title;  // the column's heading: "原因"; for a part column, the part's name
  std::string rule;   // the rule whose findings fill it: "shortcomings-causes"; empty for a part
  std::string part;  // a part column: where this required part is (✓, 缺, 内含); a rule column:
                     // the part the rule needs (empty: none), without which the cell is empty
  std::string part_pack;             // the pack that declares `part`: this one, or one it extends
  std::string pass;                  // the cell when the rule found nothing: "✓"
  std::array<std::string, 3> cells;  // the cell for its worst finding, by severity (info,
                                     // warning, error)
};

struct PackInfo {
  std::string id;     // "fazhi-report"
  std::string title;  // "法治政府建设年度报告"
  std::string version;
  std::string description;
  std::string language;                 // of its messages: "zh-CN" (the default) or "en"
  std::string origin;                   // the directory it was loaded from, or "builtin:<id>"
  std::vector<std::string> applies_to;  // document type ids; empty: every document
  // The packs it builds on (pack.yaml `extends`): it uses their parts by plain id, runs on their
  // document types unless it has `applies_to`, and may override their rules.
  std::vector<std::string> extends;
  std::vector<SummaryColumn> summary;  // its columns of the batch table
};

// A part that a pack's required-section rules require (主要举措和成效 …).
struct PartInfo {
  std::string pack;  // "fazhi-report"
  std::string id;    // "measures"
  std::string name;  // "主要举措和成效"
};

// A kind of document a pack declares (pack.yaml `document_types`), such as 法治政府建设年度报告.
struct DocumentTypeInfo {
  std::string id;         // "fazhi-report"
  std::string name;       // "法治政府建设年度报告"
  std::string pack;       // the pack that declares it
  bool fallback = false;  // the type of documents that no other type fits
};

// How a pack that extends a rule's pack changed the rule (its pack.yaml `overrides`).
struct RuleOverride {
  std::string pack;       // the pack whose override is in effect (the most derived one)
  std::string origin;     // where it is written: "<pack.yaml>:<line>"
  bool severity = false;  // RuleInfo::severity is the override's; the rule file has…
  Severity written_severity = Severity::warning;  // …this one
  bool message = false;                           // RuleInfo::message is the override's; the
  std::string written_message;                    // rule file has this one
  bool disabled = false;                          // switched off: listed, never run
};

struct RuleInfo {
  std::string id;    // unique in a RuleSet: "part-measures"
  std::string pack;  // the id of the pack it belongs to
  std::string kind;  // "required-section", "coverage", "pattern", …
  Severity severity = Severity::warning;
  std::string message;  // the message template, with {placeholders}
  std::string source;   // the legal or standards basis
  std::string scope;    // as written in the rule ("document" when not given)
  std::string summary;  // one line: what it checks
  std::string readme;   // the rule's README.md, if it has one
  std::string origin;   // rule.yaml path, or "builtin:<pack>/<id>/rule.yaml"
  // Rules whose findings this rule's findings replace where they overlap: one defect, one finding
  // (a document title written wrongly is not also a year range written wrongly).
  std::vector<std::string> supersedes;
  // `years`: the rule runs only on reports about these years (both ends included), and only when
  // the report year is known. Neither set: every report.
  std::optional<int> from_year;
  std::optional<int> until_year;
  // Set when a pack that extends this rule's pack overrides it; `severity` and `message` above are
  // then the effective ones.
  std::optional<RuleOverride> overridden;
  bool disabled() const noexcept { return overridden && overridden->disabled; }
};

// A kind of rule: what rule files may write as `kind:` (docs/rule-authors.md).
struct KindInfo {
  std::string name;           // "required-section"
  std::string summary;        // one line, English
  std::string default_scope;  // empty: the kind takes no `scope`
};
// Every kind, sorted by name.
std::vector<KindInfo> rule_kinds();

// Limits on what rule packs may ask of the loader, against packs written to exhaust it
// (docs/robustness.md). The defaults are far above any real pack.
struct RuleLoadOptions {
  // Patterns (terms, regular expressions, exceptions, names) that one rule may list. The built-in
  // rule with the most has a few dozen.
  std::size_t max_patterns_per_rule = 100000;
  // The largest file of a pack (pack.yaml, rule.yaml, README.md) read; larger ones are refused
  // from their size, unread.
  std::uint64_t max_file_bytes = 1 << 20;
};

class RuleSet {
 public:
  // Loads rules from each path: a pack directory (with pack.yaml), a directory of packs, or a
  // single rule.yaml. Every problem in every file is reported, each with file:line:column.
  // With `include_builtin`, the built-in packs come first; a loaded pack with the id of a built-in
  // pack replaces it.
  static Result<RuleSet> load(const std::vector<std::filesystem::path>& paths,
                              bool include_builtin = false, const RuleLoadOptions& options = {});
  static Result<RuleSet> load(const std::filesystem::path& path) {
    return load(std::vector<std::filesystem::path>{path});
  }
  // Loads the packs at `path` with the built-in packs they extend (directly or through each
  // other) that `path` does not hold, and no other built-in pack: a pack tested on its own that
  // builds on fazhi-report.
  static Result<RuleSet> load_with_extended_builtins(const std::filesystem::path& path,
                                                     const RuleLoadOptions& options = {});
  // The default packs, compiled into the library (rules/ at build time). Loaded once.
  static const RuleSet& builtin();

  const std::vector<PackInfo>& packs() const noexcept;
  // Every declared document type, in the order they are tried (the fallback last).
  const std::vector<DocumentTypeInfo>& document_types() const noexcept;
  const std::vector<RuleInfo>& rules() const noexcept;
  // The required parts, in the order they are reported (Report::parts).
  std::vector<PartInfo> parts() const;
  const RuleInfo* find(std::string_view id) const noexcept;

  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }
  explicit RuleSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace fzcheck
