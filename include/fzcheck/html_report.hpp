// A printable HTML page of one checked report, for a legal-affairs office that prints it or sends
// it back to the department that wrote the report. One self-contained file (inline style, no
// script, no link to anything outside it), laid out for A4 paper and legible in black and white.
// Words come from the interface catalogues (fzcheck/i18n.hpp) and the packs.
#pragma once

#include <ostream>
#include <string>

#include "fzcheck/check.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/rules.hpp"
#include "fzcheck/severity.hpp"

namespace fzcheck {

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

}  // namespace fzcheck
