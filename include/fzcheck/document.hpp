// The document model: a report as paragraphs with source positions, and the structure parsed
// from them (title, preamble, numbered sections, signature, date).
//
// A Document is built by read_document() or parse_text() (see read.hpp) and is immutable after
// that. All text is UTF-8 and lives in one buffer, Document::text, so that checks scan it once.
// Everything else refers to it by byte Spans; Document::locate() turns a byte offset back into a
// line and column of the original file, whatever the input format was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/date.hpp"
#include "fzcheck/error.hpp"

namespace FZCHECK_API fzcheck {

enum class InputFormat { text, docx, html };
const char* to_string(InputFormat format) noexcept;

// A byte range [begin, end) of Document::text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  bool contains(std::uint32_t offset) const noexcept { return offset >= begin && offset < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Maps a byte offset of Document::text to a place in the source file: text from `offset` on
// (up to the next anchor) starts at `pos` and runs on the same source line, one column per
// code point. Readers add one anchor per paragraph at least, and more where text is joined from
// several places (HTML text nodes, for instance).
struct SourceAnchor {
  std::uint32_t offset = 0;
  Position pos;
};

// Typography of a run of text, from formats that carry it (.docx).
struct RunStyle {
  Span span;
  std::string east_asian_font;  // the font used for CJK text ("仿宋_GB2312", "FangSong", …)
  std::string latin_font;       // the font used for Latin text and digits
  double size_pt = 0;           // 0 when unknown
  bool bold = false;
};

// Paragraph-level layout, from formats that carry it (.docx).
struct ParagraphLayout {
  std::string style_id;              // the paragraph style's id, as stored in the file
  std::string style_name;            // its display name ("heading 1", "Title", …)
  std::string alignment;             // "left", "center", "right", "both", … (empty when unknown)
  double line_spacing_pt = 0;        // exact or at-least spacing in points; 0 when unknown
  double line_spacing_multiple = 0;  // "auto" spacing as a multiple of single; 0 when unknown
  std::vector<RunStyle> runs;
};

// Page geometry of a section of a .docx (w:sectPr).
struct PageSetup {
  double width_mm = 0, height_mm = 0;
  double margin_top_mm = 0, margin_bottom_mm = 0, margin_left_mm = 0, margin_right_mm = 0;
  std::uint32_t first_paragraph = 0;  // the first paragraph this setup applies to
};

enum class ParagraphRole {
  blank,       // empty or only whitespace
  title,       // one of the title lines
  doc_number,  // 发文字号 (国办发〔2019〕3号) above or below the title
  addressee,   // 主送机关: a short line ending with a colon right after the title
  preamble,    // body text before the first numbered heading (导语)
  heading,     // a paragraph that starts with a section marker
  body,        // body text inside a section
  signature,   // the issuing organ at the end
  date,        // the date at the end
  note,        // 附注: a bracketed line after the date, such as （此件公开发布）
  table,       // a cell of a table, or a row of a plain-text table (never a heading)
  annex,       // 附件: text of an attachment after the report itself
  imprint,     // 版记: 抄送 and 印发 lines at the very end
};
const char* to_string(ParagraphRole role) noexcept;

// How a line of a plain-text source ended, so that a corrected copy keeps it.
enum class LineEnd : std::uint8_t { none, lf, crlf, cr };

struct Paragraph {
  Span span;                         // the paragraph's text, without its line terminator
  LineEnd line_end = LineEnd::none;  // plain text only: the terminator that followed it
  ParagraphRole role = ParagraphRole::body;
  std::int32_t section = -1;       // innermost section that contains it; -1 outside all sections
  std::uint8_t outline_level = 0;  // a heading hint from the input format (1–9), 0 for none
  bool title_style = false;        // the input format marks it as a title
  bool in_table = false;           // a cell of a table (.docx, HTML) or a plain-text table row
  std::optional<ParagraphLayout> layout;
};

enum class Numeral {
  chinese,  // 一 二 十二
  arabic,   // 1 2 12 (ASCII or full-width digits)
  circled,  // ① ②
  none,     // no number written: a heading known only from the input's outline level (.docx)
};
enum class Bracket {
  none,        // 一、  1.
  full,        // （一）
  half,        // (一)
  mixed,       // （一) or (一）
  close_only,  // 1）  1)
};
enum class Delimiter {
  none,           // nothing after the numeral or bracket
  dun,            // 、 (U+3001)
  dot,            // . (ASCII)
  fullwidth_dot,  // ． (U+FF0E)
  comma,          // ， or ,
};
const char* to_string(Numeral value) noexcept;
const char* to_string(Bracket value) noexcept;
const char* to_string(Delimiter value) noexcept;

// A section number as written at the start of a heading paragraph.
struct Marker {
  Numeral numeral = Numeral::chinese;
  Bracket bracket = Bracket::none;
  Delimiter delimiter = Delimiter::none;
  std::uint32_t ordinal = 0;  // its value: 三 → 3, （12） → 12
  // The level its form stands for in GB/T 9704 §7.3.3 / GB/T 15834 附录B.3.8:
  // 1 = 一、  2 = （一）  3 = 1.  4 = （1）  5 = ①. A form says nothing about where it is used:
  // compare with Section::level. For Numeral::none it is the input's outline level.
  std::uint8_t form = 1;
  bool fullwidth_digits = false;   // written with ０–９
  Span span;                       // the marker as written (brackets and delimiter included)
  std::uint32_t spaces_after = 0;  // whitespace code points between the marker and the heading
};

struct Section {
  Marker marker;
  std::uint32_t level = 1;      // depth in the tree: 1 for a top-level part, 2 below it, …
  std::uint32_t paragraph = 0;  // the heading paragraph
  Span heading;                 // the heading text: no marker, no spaces, no terminator
  // The heading sentence's closing punctuation (。！？；) when it has one, else empty.
  Span terminator;
  bool run_in = false;                  // body text follows the heading in the same paragraph
  std::int32_t parent = -1;             // index in Document::sections, -1 for a top-level section
  std::vector<std::uint32_t> children;  // indices in Document::sections
  std::uint32_t end_paragraph = 0;      // one past the last paragraph it contains
  Span extent;                          // from the heading to the end of its last paragraph
};

struct Title {
  std::vector<std::uint32_t> paragraphs;  // one or two
  std::string text;                       // the lines joined, outer whitespace removed
};

struct Signature {
  std::vector<std::uint32_t> paragraphs;
  std::string text;
  Span span;  // the organ's name as written, without the padding around it (nor a date after it)
};

enum class DateForm {
  arabic,         // 2025年2月24日 (the GB/T 9704 §7.3.5.4 form)
  arabic_padded,  // 2025年02月24日
  chinese,        // 二〇二五年二月二十四日
  hyphenated,     // 2025-02-24
  slashed,        // 2025/2/24
  dotted,         // 2025.2.24
};
const char* to_string(DateForm form) noexcept;

struct DateLine {
  std::uint32_t paragraph = 0;
  Span span;  // the date as written
  DateForm form = DateForm::arabic;
  Date date;           // as written, even when it does not exist (2025年2月30日)
  bool valid = false;  // a real calendar date
};

enum class ArtefactKind {
  bracket_tag,  // a converter's leftover such as [bookmark: _GoBack]
};

struct Artefact {
  Span span;
  ArtefactKind kind = ArtefactKind::bracket_tag;
};

struct ParagraphRange {
  std::uint32_t begin = 0, end = 0;  // [begin, end) of Document::paragraphs
  bool empty() const noexcept { return begin == end; }
};

// A cell of a table. A cell merged over several rows or columns is stored once, in the first
// row it spans, as HTML and .docx write it (and as the plain-text [表格] format does).
struct TableCell {
  Span span;                      // its text, outer whitespace trimmed; a cell of several
                                  // paragraphs runs from the first to the last (joined by '\n')
  std::uint32_t column = 0;       // grid column of its left edge, from 0 (see Table::grid)
  std::uint32_t row_span = 1;     // rows it covers (rowspan, w:vMerge)
  std::uint32_t column_span = 1;  // grid columns it covers (colspan, w:gridSpan)
  // The number it holds when its whole text is one (parse_number): Arabic digits, ASCII or
  // full-width, an optional sign, thousands separators and a decimal point.
  std::optional<double> number;
  bool blank() const noexcept { return span.empty(); }
};

struct TableRow {
  std::uint32_t paragraph = 0;   // its first paragraph
  std::vector<TableCell> cells;  // left to right, without the cells merged from a row above
};

// A table of the document: from .docx (w:tbl), HTML (<table>) or plain text (TAB-separated
// lines; a [表格] … [/表格] block).
struct Table {
  ParagraphRange paragraphs;  // the paragraphs it covers (in plain text, its marker lines too)
  std::vector<TableRow> rows;
  std::uint32_t columns = 0;  // width of its grid: the largest column + span of any cell
  // The columns and spans come from the source (.docx, HTML). In plain text every cell spans
  // one column and the cells of a row count from 0, as written.
  bool grid = false;
};

// A number written the way table cells and reports write them: Arabic digits (ASCII or
// full-width), an optional sign, thousands separators (',' or '，') and a decimal point ('.'
// or '．'), with whitespace around it. Nothing else may be in `text`.
std::optional<double> parse_number(std::string_view text);

struct Document {
  std::string name;  // as given to the reader (usually the path)
  InputFormat format = InputFormat::text;
  std::string encoding;  // of the source: "UTF-8", "GB18030", "UTF-16LE", …
  bool had_bom = false;

  std::string text;                   // every paragraph, joined by '\n'
  std::vector<Paragraph> paragraphs;  // in document order
  std::vector<SourceAnchor> anchors;  // sorted by offset

  std::optional<Title> title;
  std::optional<std::uint32_t> doc_number;  // paragraph index of the 发文字号
  std::optional<std::uint32_t> addressee;   // paragraph index
  ParagraphRange preamble;
  std::vector<Section> sections;  // in document order (pre-order of the tree)
  std::optional<Signature> signature;
  std::optional<DateLine> date;
  std::optional<std::uint32_t> note;  // paragraph index of a 附注 after the date
  ParagraphRange annex;               // 附件 after the report (from its 附件N line), if any
  std::vector<Artefact> artefacts;    // sorted by offset
  std::vector<Table> tables;          // in document order (an inner table after its outer one)
  std::vector<PageSetup> pages;       // empty unless the input carries page layout

  std::string_view str(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
  std::string_view paragraph_text(std::uint32_t index) const { return str(paragraphs[index].span); }
  // The paragraph that contains a byte offset (a '\n' between paragraphs belongs to the one
  // before).
  std::uint32_t paragraph_at(std::uint32_t offset) const;
  // Line and code-point column of the source for a byte offset of `text`.
  Position locate(std::uint32_t offset) const;
  // Whether page layout and typography were read from the input (.docx).
  bool has_layout() const noexcept { return !pages.empty(); }
};

}  // namespace fzcheck
