// The parsed structure of a document, for people (an indented tree) and programs (JSON).
// `fzcheck outline FILE` prints these; the JSON is described in docs/outline-json.md.
#pragma once

#include <ostream>

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"

namespace FZCHECK_API fzcheck {

// An indented tree: title, preamble, sections (line, level, marker, heading), signature, date.
void write_outline_text(std::ostream& out, const Document& doc);

// One document's outline as a JSON object, the element of the "files" array of
// `fzcheck outline --format json`. `indent` < 0 gives a single line.
void write_outline_json(std::ostream& out, const Document& doc, int indent = 2);

}  // namespace fzcheck
