// A printable HTML page of one checked report, for a legal-affairs office that prints it or sends
// it back to the department that wrote the report. One self-contained file (inline style, no
// script, no link to anything outside it), laid out for A4 paper and legible in black and white.
// Words come from the interface catalogues (fzcheck/i18n.hpp) and the packs.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/rules.hpp"
#include "fzcheck/severity.hpp"
#include "fzcheck/summary.hpp"

namespace FZCHECK_API fzcheck {

struct HtmlOptions {
  std::string language = "zh-CN";  // of the interface words: "zh-CN" or "en"
  // Findings below it are left out of the counts, the list and the text. The table of parts
  // still reads every finding of the report (a note may fill a column).
  Severity min_severity = Severity::info;
};

// The page, top to bottom: the title, file name and document type; the verdict (counts by
// severity, where each required part is and the packs' other columns, as in SummaryTable); the
// numbered list of findings (severity, place, message, suggestion, rule id, basis), each with an
// anchor "f<n>"; and the report's own text, paragraph by paragraph, with each finding's words
// marked (<mark id="m<n>">, linked to its entry) and a numbered marker where something is missing.
// `doc` is the document `report` was made from.
void write_html(std::ostream& out, const Report& report, const Document& doc, const RuleSet& rules,
                const HtmlOptions& options = {});

// The index page of a batch (`fzcheck check --format html -o DIR`): one self-contained page in
// the look of write_html() with a title, the counts over all files, and the batch table
// (SummaryTable's header and cells), a row per file. A file's cell links to its own page; an
// unreadable file is a row with its error and no link; a row with an error-level finding is
// marked with a class and a word. Counts below `options.min_severity` are left out of the totals.
class HtmlIndexWriter {
 public:
  HtmlIndexWriter(const RuleSet& rules, HtmlOptions options = {});
  // A row (SummaryTable::row or error_row); `page_href` is the address of its page relative to
  // the index, as a path of the file system (it is percent-encoded here); empty: no page.
  void add(const SummaryRow& row, const std::string& page_href);
  void write(std::ostream& out) const;

 private:
  SummaryTable table_;
  HtmlOptions options_;
  std::vector<std::pair<SummaryRow, std::string>> rows_;
};

}  // namespace fzcheck
