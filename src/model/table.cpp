// Tables of the document model: a reader's sketch placed on the grid, and the numbers in cells.
#include <algorithm>
#include <charconv>

#include "model/builder.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

// Digits as a report writes them: ASCII or full-width (U+FF10–U+FF19).
int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
  text = utf8::trim(text);
  std::string ascii;  // the number with ASCII digits, sign and point only
  std::size_t i = 0;
  auto peek = [&](std::size_t& next) {
    next = i;
    return utf8::next(text, next);
  };
  std::size_t next = 0;
  if (!text.empty()) {
    char32_t c = peek(next);
    if (c == '-' || c == 0xFF0D || c == 0x2212) {
      ascii.push_back('-');
      i = next;
    } else if (c == '+' || c == 0xFF0B) {
      i = next;
    }
  }
  std::size_t digits = 0, group = 0;
  bool point = false, separators = false;
  while (i < text.size()) {
    char32_t c = peek(next);
    if (int d = digit_value(c); d >= 0) {
      ascii.push_back(static_cast<char>('0' + d));
      ++digits;
      ++group;
    } else if ((c == ',' || c == 0xFF0C) && !point && digits > 0) {
      // A thousands separator stands between groups of three digits (the first may be shorter).
      if (separators && group != 3) return std::nullopt;
      if (!separators && group > 3) return std::nullopt;
      separators = true;
      group = 0;
    } else if ((c == '.' || c == 0xFF0E) && !point && digits > 0) {
      if (separators && group != 3) return std::nullopt;
      ascii.push_back('.');
      point = true;
      separators = false;
      group = 0;
    } else {
      return std::nullopt;
    }
    i = next;
  }
  if (digits == 0 || (separators && group != 3) || ascii.back() == '.') return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  if (ec != std::errc() || end != ascii.data() + ascii.size()) return std::nullopt;
  return value;
}

namespace detail {

namespace {

// Wider than any report's table, and a bound on what a hostile colspan can cost.
constexpr std::uint32_t kMaxColumns = 2048;
constexpr std::uint32_t kMaxColumnSpan = 1000;  // as browsers clamp colspan

Span cell_span(const Document& doc, const CellSketch& cell) {
  Span span;
  if (cell.span) {
    span = *cell.span;
  } else if (cell.first_paragraph < cell.end_paragraph &&
             cell.end_paragraph <= doc.paragraphs.size()) {
    span = {doc.paragraphs[cell.first_paragraph].span.begin,
            doc.paragraphs[cell.end_paragraph - 1].span.end};
  } else {
    // A cell without text: an empty span where it would be.
    auto at = cell.first_paragraph < doc.paragraphs.size()
                  ? doc.paragraphs[cell.first_paragraph].span.begin
                  : static_cast<std::uint32_t>(doc.text.size());
    return {at, at};
  }
  std::string_view text = doc.str(span);
  span.begin += static_cast<std::uint32_t>(utf8::leading_space_bytes(text));
  if (span.begin < span.end) {
    span.end -= static_cast<std::uint32_t>(utf8::trailing_space_bytes(doc.str(span)));
  }
  return span;
}

}  // namespace

Table build_table(const Document& doc, const TableSketch& sketch) {
  Table table;
  table.paragraphs = {sketch.first_paragraph, sketch.end_paragraph};
  table.grid = sketch.placement != GridPlacement::none;
  table.rows.reserve(sketch.rows.size());
  // html: the row up to which each grid column is covered by a cell from above (exclusive).
  std::vector<std::uint32_t> covered;
  // sequential: the last cell that starts at each grid column, as (row, cell) indices.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> starts;
  const auto rows = static_cast<std::uint32_t>(sketch.rows.size());
  for (std::uint32_t r = 0; r < rows; ++r) {
    const RowSketch& in = sketch.rows[r];
    TableRow& row = table.rows.emplace_back();
    row.paragraph = in.paragraph;
    row.cells.reserve(in.cells.size());
    std::uint32_t column = table.grid ? std::min(in.skip, kMaxColumns - 1) : 0;
    for (const CellSketch& c : in.cells) {
      std::uint32_t span =
          table.grid ? std::clamp<std::uint32_t>(c.column_span, 1, kMaxColumnSpan) : 1;
      if (sketch.placement == GridPlacement::html) {
        while (column < covered.size() && covered[column] > r) ++column;
      }
      if (table.grid) {
        column = std::min(column, kMaxColumns - 1);
        span = std::min(span, kMaxColumns - column);
      }
      if (sketch.placement == GridPlacement::sequential && c.continues_above) {
        // Word writes the merged cell again in every row it covers; the text is in the first.
        if (column < starts.size() && starts[column].first != UINT32_MAX) {
          auto [sr, sc] = starts[column];
          TableCell& above = table.rows[sr].cells[sc];
          if (sr + above.row_span == r) ++above.row_span;
        }
        column += span;
        continue;
      }
      TableCell& cell = row.cells.emplace_back();
      cell.span = cell_span(doc, c);
      cell.column = column;
      cell.column_span = span;
      if (sketch.placement == GridPlacement::html) {
        // rowspan="0" and spans past the last row cover the rest of the table.
        std::uint32_t down = c.row_span == 0 ? rows - r : std::min(c.row_span, rows - r);
        cell.row_span = std::max<std::uint32_t>(down, 1);
        if (covered.size() < column + span) covered.resize(column + span, 0);
        std::fill(covered.begin() + column, covered.begin() + column + span, r + cell.row_span);
      } else if (sketch.placement == GridPlacement::sequential) {
        if (starts.size() < column + 1) starts.resize(column + 1, {UINT32_MAX, 0});
        starts[column] = {r, static_cast<std::uint32_t>(row.cells.size() - 1)};
      }
      if (!cell.span.empty()) cell.number = parse_number(doc.str(cell.span));
      table.columns = std::max(table.columns, column + span);
      column += span;
    }
  }
  return table;
}

}  // namespace detail

}  // namespace fzcheck
