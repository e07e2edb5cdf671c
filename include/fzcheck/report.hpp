// Reporters: a Report as compiler-style text, JSON or one line per finding. They live in the
// library so that embedders get the same output as the command-line tool.
#pragma once

#include <ostream>
#include <string>

#include "fzcheck/check.hpp"
#include "fzcheck/document.hpp"

namespace fzcheck {

struct TextOptions {
  bool color = false;              // ANSI colours for severities
  bool show_context = true;        // the source line with the finding underlined
  bool show_source = true;         // the legal or standards basis of each finding
  std::string language = "zh-CN";  // of the interface words (i18n/*.yaml): "zh-CN" or "en"
};

// file:line:col: severity: message [rule-id], then the source line with the span underlined
// (CJK characters count two columns), the suggested replacement and the rule's basis.
void write_text(std::ostream& out, const Report& report, const Document& doc,
                const TextOptions& options = {});

// file:line:col:rule:severity — one finding a line, the format of fixture .expected files.
void write_line(std::ostream& out, const Report& report);

// One file's findings as a JSON object, the element of the "files" array of
// `fzcheck check --format json` (docs/check-json.md). `indent` < 0 gives a single line.
std::string report_json(const Report& report, int indent = 2);

}  // namespace fzcheck
