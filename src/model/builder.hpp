// What every reader fills: paragraphs of UTF-8 text with source anchors. finish() parses the
// structure and hands over the Document.
#pragma once

#include <string>
#include <string_view>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

class DocumentBuilder {
 public:
  DocumentBuilder(std::string name, InputFormat format, std::string encoding, bool had_bom = false);

  void reserve(std::size_t bytes) { doc_.text.reserve(bytes); }

  // Starts a paragraph whose first character is at `pos` in the source.
  void begin_paragraph(Position pos);
  // Appends text to the open paragraph, continuing from the last anchor.
  void append(std::string_view utf8) { doc_.text.append(utf8); }
  // Appends text that starts at `pos` in the source (adds an anchor).
  void append_at(std::string_view utf8, Position pos);
  // The open paragraph, for hints and layout.
  Paragraph& paragraph() { return doc_.paragraphs.back(); }
  void end_paragraph();
  bool in_paragraph() const noexcept { return open_; }
  // Bytes of text in the open paragraph so far.
  std::size_t paragraph_size() const noexcept;

  void add_page(const PageSetup& page) { doc_.pages.push_back(page); }
  std::size_t paragraph_count() const noexcept { return doc_.paragraphs.size(); }

  // Parses the structure and returns the document.
  Document finish() &&;

 private:
  Document doc_;
  bool open_ = false;
};

}  // namespace fzcheck::detail
