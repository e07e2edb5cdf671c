#include <fmt/format.h>
#include <fmt/ostream.h>

#include "fzcheck/outline.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

// "L12" for line-based formats, "P12" for .docx where the number counts paragraphs.
std::string where(const Document& doc, Position pos) {
  return fmt::format("{}{}", doc.format == InputFormat::docx ? 'P' : 'L', pos.line);
}

std::string lines_of(const Document& doc, const std::vector<std::uint32_t>& paragraphs) {
  std::string out;
  for (std::uint32_t p : paragraphs) {
    if (!out.empty()) out += ", ";
    out += where(doc, doc.locate(doc.paragraphs[p].span.begin));
  }
  return out;
}

void write_section(std::ostream& out, const Document& doc, std::uint32_t index) {
  const Section& s = doc.sections[index];
  std::string marker(doc.str(s.marker.span));
  std::string note;
  if (s.marker.numeral != Numeral::none && s.marker.form != s.level) {
    note = fmt::format("  (level {} written in the level-{} form)", s.level, s.marker.form);
  }
  if (s.run_in) note += "  (run-in)";
  fmt::print(out, "{:>6}  {}{}{}{}{}\n",
             where(doc, doc.locate(doc.paragraphs[s.paragraph].span.begin)),
             std::string(2 * (s.level - 1), ' '), marker, marker.empty() ? "" : " ",
             doc.str(s.heading), note);
  for (std::uint32_t child : s.children) write_section(out, doc, child);
}

// A table: where it is, its size, then one line per row with its cells between bars. A cell
// that spans rows or columns says so after its text (↓2 →3); a number cell is shown as read.
void write_table(std::ostream& out, const Document& doc, std::size_t index) {
  const Table& t = doc.tables[index];
  const std::uint32_t last = t.paragraphs.end > t.paragraphs.begin ? t.paragraphs.end - 1 : 0;
  fmt::print(out, "  table {}:   {} to {}, {} rows, {} columns{}\n", index + 1,
             where(doc, doc.locate(doc.paragraphs[t.paragraphs.begin].span.begin)),
             where(doc, doc.locate(doc.paragraphs[last].span.begin)), t.rows.size(), t.columns,
             t.grid ? "" : " (as written: merged cells unknown)");
  for (const TableRow& row : t.rows) {
    std::string line;
    for (const TableCell& c : row.cells) {
      line += line.empty() ? "" : " | ";
      if (t.grid && (line.empty() || c.column != 0)) line += fmt::format("@{} ", c.column);
      line += c.blank() ? std::string("·") : std::string(doc.str(c.span));
      if (c.row_span > 1) line += fmt::format(" \u2193{}", c.row_span);
      if (c.column_span > 1) line += fmt::format(" \u2192{}", c.column_span);
    }
    fmt::print(out, "{:>8}  {}\n", where(doc, doc.locate(doc.paragraphs[row.paragraph].span.begin)),
               line);
  }
}

}  // namespace

void write_outline_text(std::ostream& out, const Document& doc) {
  fmt::print(out, "{}  ({}, {})\n", doc.name, to_string(doc.format), doc.encoding);
  if (doc.title) {
    fmt::print(out, "  title:     {}  [{}]\n", doc.title->text,
               lines_of(doc, doc.title->paragraphs));
  } else {
    fmt::print(out, "  title:     (none)\n");
  }
  if (doc.doc_number) {
    fmt::print(out, "  number:    {}  [{}]\n", utf8::trim(doc.paragraph_text(*doc.doc_number)),
               lines_of(doc, {*doc.doc_number}));
  }
  if (doc.addressee) {
    fmt::print(out, "  addressee: {}  [{}]\n", utf8::trim(doc.paragraph_text(*doc.addressee)),
               lines_of(doc, {*doc.addressee}));
  }
  if (!doc.preamble.empty()) {
    fmt::print(out, "  preamble:  {} to {}\n",
               where(doc, doc.locate(doc.paragraphs[doc.preamble.begin].span.begin)),
               where(doc, doc.locate(doc.paragraphs[doc.preamble.end - 1].span.begin)));
  }
  fmt::print(out, "  sections:  {}{}\n", doc.sections.size(),
             doc.sections.empty() ? " (no numbered headings)" : "");
  for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].parent < 0) write_section(out, doc, i);
  }
  if (doc.signature) {
    fmt::print(out, "  signature: {}  [{}]\n", doc.signature->text,
               lines_of(doc, doc.signature->paragraphs));
  } else {
    fmt::print(out, "  signature: (none)\n");
  }
  if (doc.date) {
    fmt::print(out, "  date:      {}  [{}]  ({}{})\n", doc.str(doc.date->span),
               lines_of(doc, {doc.date->paragraph}), to_string(doc.date->form),
               doc.date->valid ? "" : ", not a real date");
  } else {
    fmt::print(out, "  date:      (none)\n");
  }
  if (doc.note) {
    fmt::print(out, "  note:      {}  [{}]\n", utf8::trim(doc.paragraph_text(*doc.note)),
               lines_of(doc, {*doc.note}));
  }
  if (!doc.annex.empty()) {
    fmt::print(out, "  annex:     {} to {}\n",
               where(doc, doc.locate(doc.paragraphs[doc.annex.begin].span.begin)),
               where(doc, doc.locate(doc.paragraphs[doc.annex.end - 1].span.begin)));
  }
  std::vector<std::uint32_t> imprint;
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].role == ParagraphRole::imprint) imprint.push_back(i);
  }
  if (!imprint.empty()) fmt::print(out, "  imprint:   [{}]\n", lines_of(doc, imprint));
  for (std::size_t t = 0; t < doc.tables.size(); ++t) write_table(out, doc, t);
}

}  // namespace fzcheck
