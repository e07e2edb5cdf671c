// Plain text: decode (readers/encoding.hpp), then one paragraph per line. A line of cells
// separated by TABs is a table row, and so is every line of a [表格] … [/表格] block.
#include <cstring>
#include <optional>

#include "fzcheck/i18n.hpp"
#include "model/builder.hpp"
#include "model/parse.hpp"
#include "readers/encoding.hpp"
#include "readers/readers.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// Cells separated by TABs. A TAB right after a section number ("一、\t总体要求", as Word's list
// numbering is often copied) does not make a row.
bool is_table_row(std::string_view line) {
  std::string_view content = utf8::trim(line);
  std::size_t tab = content.find('\t');
  if (tab == std::string_view::npos) return false;
  std::string_view first_cell = content.substr(0, tab);
  auto marker = parse_marker(first_cell, {0, static_cast<std::uint32_t>(first_cell.size())}, {});
  return !marker || marker->content_begin < first_cell.size() ||
         content.find('\t', tab + 1) != std::string_view::npos;
}

// The cells of a row: the text between TABs (empty cells included).
RowSketch row_of(std::string_view line, std::uint32_t offset, std::uint32_t paragraph) {
  RowSketch row;
  row.paragraph = paragraph;
  std::size_t begin = 0;
  while (true) {
    std::size_t tab = line.find('\t', begin);
    std::size_t end = tab == std::string_view::npos ? line.size() : tab;
    CellSketch cell;
    cell.first_paragraph = paragraph;
    cell.end_paragraph = paragraph + 1;
    cell.span =
        Span{offset + static_cast<std::uint32_t>(begin), offset + static_cast<std::uint32_t>(end)};
    row.cells.push_back(cell);
    if (tab == std::string_view::npos) break;
    begin = tab + 1;
  }
  return row;
}

}  // namespace

Document text_to_document(std::string_view utf8, std::string_view name, std::string encoding,
                          bool had_bom) {
  DocumentBuilder builder(std::string(name), InputFormat::text, std::move(encoding), had_bom);
  builder.reserve(utf8.size());
  std::uint32_t line = 1;
  std::size_t i = 0;
  bool in_table_block = false;
  std::optional<TableSketch> table;  // the table being read
  auto close_table = [&](std::uint32_t end) {
    if (!table) return;
    table->end_paragraph = end;
    if (!table->rows.empty()) builder.add_table(std::move(*table));
    table.reset();
  };
  const std::size_t n = utf8.size();
  while (i < n) {
    const char* start = utf8.data() + i;
    // Find the next CR or LF quickly: memchr for LF, then look for a CR before it.
    const void* lf = std::memchr(start, '\n', n - i);
    std::size_t stop =
        lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - utf8.data()) : n;
    const void* cr = std::memchr(start, '\r', stop - i);
    if (cr) stop = static_cast<std::size_t>(static_cast<const char*>(cr) - utf8.data());
    builder.begin_paragraph({line, 1});
    std::string_view text = utf8.substr(i, stop - i);
    builder.append(text);
    std::string_view trimmed = utf8::trim(text);
    const auto index = static_cast<std::uint32_t>(builder.paragraph_count() - 1);
    const bool row = is_table_row(text);
    builder.paragraph().in_table = in_table_block || row || trimmed == cjk::kTableOpen;
    if (trimmed == cjk::kTableOpen) {
      close_table(index);
      in_table_block = true;
      table.emplace().first_paragraph = index;
    } else if (in_table_block && trimmed == cjk::kTableClose) {
      in_table_block = false;
      close_table(index + 1);
    } else if (in_table_block || row) {
      if (!table) table.emplace().first_paragraph = index;
      if (!trimmed.empty())
        table->rows.push_back(row_of(text, builder.paragraph().span.begin, index));
    } else {
      close_table(index);
    }
    LineEnd end = LineEnd::none;
    std::size_t skip = 0;
    if (stop < n && utf8[stop] == '\r' && stop + 1 < n && utf8[stop + 1] == '\n') {
      end = LineEnd::crlf, skip = 2;
    } else if (stop < n) {
      end = utf8[stop] == '\r' ? LineEnd::cr : LineEnd::lf, skip = 1;
    }
    builder.paragraph().line_end = end;
    builder.end_paragraph();
    ++line;
    if (stop >= n) break;
    i = stop + skip;
  }
  close_table(static_cast<std::uint32_t>(builder.paragraph_count()));
  return std::move(builder).finish();
}

Result<Document> read_text(std::string_view bytes, std::string_view name,
                           const ReadOptions& options) {
  auto decoded = decode_text(bytes, options.encoding, name);
  if (!decoded) return decoded.errors();
  if (utf8::is_blank(decoded->utf8)) {
    return ui_error(ErrorCode::empty, "error_blank_file", {}, std::string(name));
  }
  return text_to_document(decoded->utf8, name, decoded->encoding, decoded->bom);
}

}  // namespace fzcheck::detail
