// Comparing documents read from different formats: their text and their outline.
#pragma once

#include <string>
#include <vector>

#include "fzcheck/document.hpp"
#include "text/utf8.hpp"

namespace fzcheck::test {

// Non-blank paragraphs, trimmed. A .txt converted from Word shows the hidden _GoBack bookmark as
// text; a .docx or a web page does not, so it is left out.
inline std::vector<std::string> nonblank_trimmed(const Document& doc) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    std::string t(doc.paragraph_text(i));
    for (std::size_t at; (at = t.find("[bookmark: _GoBack]")) != std::string::npos;)
      t.erase(at, 19);
    std::string_view trimmed = utf8::trim(t);
    if (!trimmed.empty()) out.emplace_back(trimmed);
  }
  return out;
}

struct OutlineLine {
  std::uint32_t level;
  std::uint32_t ordinal;
  Numeral numeral;
  Bracket bracket;
  std::string heading;
  bool run_in;
  friend bool operator==(const OutlineLine&, const OutlineLine&) = default;
};

// The sections of a document, as far as they do not depend on the format.
inline std::vector<OutlineLine> outline(const Document& doc) {
  std::vector<OutlineLine> out;
  for (const Section& s : doc.sections) {
    out.push_back({s.level, s.marker.ordinal, s.marker.numeral, s.marker.bracket,
                   std::string(doc.str(s.heading)), s.run_in});
  }
  return out;
}

}  // namespace fzcheck::test
