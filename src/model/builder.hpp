// What every reader fills: paragraphs of UTF-8 text with source anchors. finish() parses the
// structure and hands over the Document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

// A table as a reader sees it: rows of cells given by the paragraphs they hold. The builder
// places the cells on the grid and turns the paragraphs into text spans (model/table.cpp).
struct CellSketch {
  std::uint32_t first_paragraph = 0, end_paragraph = 0;  // its paragraphs [first, end)
  std::optional<Span> span;       // a cell that is part of one paragraph (plain text)
  std::uint32_t column_span = 1;  // colspan, w:gridSpan
  std::uint32_t row_span = 1;     // rowspan (HTML)
  bool continues_above = false;   // w:vMerge without "restart": the cell above goes on here
};

struct RowSketch {
  std::uint32_t paragraph = 0;  // its first paragraph
  std::uint32_t skip = 0;       // grid columns left empty before its first cell (w:gridBefore)
  std::vector<CellSketch> cells;
};

enum class GridPlacement {
  none,        // plain text: cells count from 0 in each row, one column each
  sequential,  // .docx: every grid column of a row has its cell (merged ones continue above)
  html,        // HTML: a cell goes to the first column that no rowspan from above covers
};

struct TableSketch {
  std::uint32_t first_paragraph = 0, end_paragraph = 0;
  GridPlacement placement = GridPlacement::none;
  std::vector<RowSketch> rows;
};

// The table a sketch describes, with the paragraphs of `doc` already in place.
Table build_table(const Document& doc, const TableSketch& sketch);

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
  // A table over paragraphs already added (or about to be: they must exist by finish()).
  void add_table(TableSketch table) { tables_.push_back(std::move(table)); }
  std::size_t paragraph_count() const noexcept { return doc_.paragraphs.size(); }

  // Parses the structure and returns the document.
  Document finish() &&;

 private:
  Document doc_;
  std::vector<TableSketch> tables_;
  bool open_ = false;
};

}  // namespace fzcheck::detail
