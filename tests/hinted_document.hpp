// A .docx-like document built paragraph by paragraph, with outline-level hints (headings known only
// from their paragraph style, without a number written).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/builder.hpp"

namespace fzcheck::test {

// Paragraph i (1-based) is source line i; level 0 means "no hint".
inline Document hinted_document(
    const std::vector<std::pair<std::string, std::uint8_t>>& paragraphs) {
  detail::DocumentBuilder b("hinted.docx", InputFormat::docx, "UTF-8");
  std::uint32_t line = 0;
  for (const auto& [text, level] : paragraphs) {
    b.begin_paragraph({++line, 1});
    b.append(text);
    b.paragraph().outline_level = level;
    b.end_paragraph();
  }
  return std::move(b).finish();
}

}  // namespace fzcheck::test
