// Applying the certain corrections (Finding::replacement) to a plain-text report, and writing the
// corrected copy in the source's own encoding, byte-order mark and line endings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/finding.hpp"

namespace FZCHECK_API fzcheck {

struct FixResult {
  std::string text;              // Document::text with the fixes applied ('\n' between lines)
  std::vector<Finding> applied;  // the fixes that were made
  std::vector<Finding> skipped;  // fixes that overlap an earlier one (run fix again for them)
  std::vector<Finding> refused;  // replacements that would add or remove a line break
};

// Applies every finding that has a replacement. Where two replacements overlap, the one that
// starts first (then the longer) is applied and the other skipped. Replacements never add or
// remove line breaks, so the result has the same lines as the document.
FixResult apply_fixes(const Document& doc, const std::vector<Finding>& findings);

// `fixed_text` (from apply_fixes) as the bytes of a file like the source: same encoding,
// byte-order mark and line endings. Only for documents read from plain text.
Result<std::string> encode_like_source(const Document& doc, std::string_view fixed_text);

// A unified diff (3 lines of context) between the document's lines and the fixed text's, with
// `label` as the file name in the --- and +++ lines. Empty when nothing changed.
std::string unified_diff(const Document& doc, std::string_view fixed_text,
                         const std::string& label);

}  // namespace fzcheck
