// The readers, one input format each. Each turns bytes into a Document (via DocumentBuilder).
#pragma once

#include <string>
#include <string_view>

#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/read.hpp"

namespace fzcheck::detail {

// What the first bytes of a file say it is.
struct Sniffed {
  std::optional<InputFormat> format;  // a format fzcheck reads
  std::string unsupported;   // else: the key of the message saying what it is and what to do
  std::string image;         // the kind of image ("PNG"), for the message
  bool convertible = false;  // a word-processor format LibreOffice turns into .docx
  // The unsupported_format error for `file`.
  Error unsupported_error(std::string_view file) const;
};
Sniffed sniff(std::string_view bytes);

Result<Document> read_text(std::string_view bytes, std::string_view name,
                           const ReadOptions& options);

// .docx: paragraphs of word/document.xml (docs/input-formats.md). Positions: line = paragraph
// number, column = code point in the rendered paragraph (list numbers included).
Result<Document> read_docx(std::string_view bytes, std::string_view name,
                           const ReadOptions& options);

// HTML: the text of the page's main content, block elements as paragraphs. Positions: line and
// code-point column in the HTML file.
Result<Document> read_html(std::string_view bytes, std::string_view name,
                           const ReadOptions& options);

// Splits decoded UTF-8 text into one paragraph per line (CRLF, CR and LF all end a line).
Document text_to_document(std::string_view utf8, std::string_view name, std::string encoding,
                          bool had_bom);

}  // namespace fzcheck::detail
