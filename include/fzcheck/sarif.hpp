// SARIF 2.1.0: the findings of several files as one log that code-scanning tools and editors read
// (docs/sarif.md). It lives in the library so that embedders get the same output as the
// command-line tool (`fzcheck check --format sarif`).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "fzcheck/api.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/rules.hpp"

namespace FZCHECK_API fzcheck {

// One SARIF log with one run for several files. Every rule of `rules` is listed in the run, and
// each result points at its rule by index; `language` is that of the interface words in it (the
// descriptions of fixes): "zh-CN" or "en". Results are kept until finish(), which writes the
// whole log to `out`; nothing is written before. Not thread-safe: add from one thread.
class SarifWriter {
 public:
  SarifWriter(std::ostream& out, const RuleSet& rules, std::string language = "zh-CN");
  ~SarifWriter();
  SarifWriter(const SarifWriter&) = delete;
  SarifWriter& operator=(const SarifWriter&) = delete;

  // One file's findings: its results, and the file among the run's artifacts.
  void add(const Report& report);
  // A file that could not be read: an error notification of the run's invocation, which is then
  // no longer successful.
  void add_error(const std::string& file, const Error& error);
  // Writes the log. Call it once, after the last add.
  void finish();

 private:
  struct State;
  std::ostream& out_;
  std::unique_ptr<State> state_;
};

}  // namespace fzcheck
