// The fingerprint of a finding (Finding::fingerprint, docs/baseline.md): who a finding is from
// one draft of a document to the next, whatever moved around it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"

namespace fzcheck::detail {

// Text as a fingerprint sees it: up to the first line break, without whitespace (utf8::is_space),
// full-width ASCII forms (Ａ１，) folded to ASCII, at most 80 code points.
std::string fingerprint_text(std::string_view text);

// The headings above byte `offset` of `doc`, outermost first, each its words without the number
// (Section::heading) as fingerprint_text() sees them. Empty outside every section.
std::vector<std::string> heading_path(const Document& doc, std::uint32_t offset);

// Sets the fingerprint of every finding of `findings`, which check() made from `doc` and sorted:
// FNV-1a (64 bits) of the rule id, the heading path, the fingerprint_text of the finding's span and
// how many findings before it have those three the same. Something missing that is reported at
// the end of the text (an empty span after the last words) has no heading path: it is missing from
// the whole document, not from the last section.
void assign_fingerprints(std::vector<Finding>& findings, const Document& doc);

}  // namespace fzcheck::detail
