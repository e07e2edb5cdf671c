#include <nlohmann/json.hpp>

#include "fzcheck/outline.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

using Json = nlohmann::ordered_json;

Json section_json(const Document& doc, std::uint32_t index) {
  const Section& s = doc.sections[index];
  Position pos = doc.locate(doc.paragraphs[s.paragraph].span.begin);
  Json j;
  j["level"] = s.level;
  j["marker"] = doc.str(s.marker.span);
  j["ordinal"] = s.marker.ordinal;
  j["form"] = s.marker.form;
  j["style"] = {{"numeral", to_string(s.marker.numeral)},
                {"bracket", to_string(s.marker.bracket)},
                {"delimiter", to_string(s.marker.delimiter)},
                {"spaces_after", s.marker.spaces_after}};
  j["heading"] = doc.str(s.heading);
  j["line"] = pos.line;
  j["column"] = doc.locate(s.marker.span.begin).column;
  j["run_in"] = s.run_in;
  j["terminator"] = doc.str(s.terminator);
  Json children = Json::array();
  for (std::uint32_t c : s.children) children.push_back(section_json(doc, c));
  j["children"] = std::move(children);
  return j;
}

Json lines_json(const Document& doc, const std::vector<std::uint32_t>& paragraphs) {
  Json lines = Json::array();
  for (std::uint32_t p : paragraphs) lines.push_back(doc.locate(doc.paragraphs[p].span.begin).line);
  return lines;
}

Json table_json(const Document& doc, const Table& t) {
  const std::uint32_t last = t.paragraphs.end > t.paragraphs.begin ? t.paragraphs.end - 1 : 0;
  Json j;
  j["first_line"] = doc.locate(doc.paragraphs[t.paragraphs.begin].span.begin).line;
  j["last_line"] = doc.locate(doc.paragraphs[last].span.begin).line;
  j["columns"] = t.columns;
  j["grid"] = t.grid;
  Json rows = Json::array();
  for (const TableRow& row : t.rows) {
    Json cells = Json::array();
    for (const TableCell& c : row.cells) {
      Position pos = doc.locate(c.span.begin);
      Json cell;
      cell["text"] = doc.str(c.span);
      cell["line"] = pos.line;
      cell["column"] = pos.column;
      cell["grid_column"] = c.column;
      cell["row_span"] = c.row_span;
      cell["column_span"] = c.column_span;
      cell["number"] = c.number ? Json(*c.number) : Json(nullptr);
      cells.push_back(std::move(cell));
    }
    rows.push_back({{"line", doc.locate(doc.paragraphs[row.paragraph].span.begin).line},
                    {"cells", std::move(cells)}});
  }
  j["rows"] = std::move(rows);
  return j;
}

}  // namespace

void write_outline_json(std::ostream& out, const Document& doc, int indent) {
  Json j;
  j["file"] = doc.name;
  j["format"] = to_string(doc.format);
  j["encoding"] = doc.encoding;
  if (doc.title) {
    j["title"] = {{"text", doc.title->text}, {"lines", lines_json(doc, doc.title->paragraphs)}};
  } else {
    j["title"] = nullptr;
  }
  if (doc.doc_number) {
    j["doc_number"] = {{"text", utf8::trim(doc.paragraph_text(*doc.doc_number))},
                       {"line", doc.locate(doc.paragraphs[*doc.doc_number].span.begin).line}};
  } else {
    j["doc_number"] = nullptr;
  }
  if (doc.addressee) {
    j["addressee"] = {{"text", utf8::trim(doc.paragraph_text(*doc.addressee))},
                      {"line", doc.locate(doc.paragraphs[*doc.addressee].span.begin).line}};
  } else {
    j["addressee"] = nullptr;
  }
  if (!doc.preamble.empty()) {
    j["preamble"] = {
        {"first_line", doc.locate(doc.paragraphs[doc.preamble.begin].span.begin).line},
        {"last_line", doc.locate(doc.paragraphs[doc.preamble.end - 1].span.begin).line}};
  } else {
    j["preamble"] = nullptr;
  }
  Json sections = Json::array();
  for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].parent < 0) sections.push_back(section_json(doc, i));
  }
  j["sections"] = std::move(sections);
  if (doc.signature) {
    j["signature"] = {
        {"text", doc.signature->text},
        {"line", doc.locate(doc.paragraphs[doc.signature->paragraphs.front()].span.begin).line}};
  } else {
    j["signature"] = nullptr;
  }
  if (doc.date) {
    j["date"] = {
        {"text", doc.str(doc.date->span)},   {"line", doc.locate(doc.date->span.begin).line},
        {"form", to_string(doc.date->form)}, {"year", doc.date->date.year},
        {"month", doc.date->date.month},     {"day", doc.date->date.day},
        {"valid", doc.date->valid}};
  } else {
    j["date"] = nullptr;
  }
  if (doc.note) {
    j["note"] = {{"text", utf8::trim(doc.paragraph_text(*doc.note))},
                 {"line", doc.locate(doc.paragraphs[*doc.note].span.begin).line}};
  } else {
    j["note"] = nullptr;
  }
  if (!doc.annex.empty()) {
    j["annex"] = {{"first_line", doc.locate(doc.paragraphs[doc.annex.begin].span.begin).line},
                  {"last_line", doc.locate(doc.paragraphs[doc.annex.end - 1].span.begin).line}};
  } else {
    j["annex"] = nullptr;
  }
  Json imprint = Json::array();
  std::size_t table_rows = 0;
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    if (doc.paragraphs[i].role == ParagraphRole::imprint)
      imprint.push_back(doc.locate(doc.paragraphs[i].span.begin).line);
    if (doc.paragraphs[i].role == ParagraphRole::table) ++table_rows;
  }
  j["imprint_lines"] = std::move(imprint);
  j["table_rows"] = table_rows;
  Json tables = Json::array();
  for (const Table& t : doc.tables) tables.push_back(table_json(doc, t));
  j["tables"] = std::move(tables);
  Json artefacts = Json::array();
  for (const Artefact& a : doc.artefacts) {
    Position pos = doc.locate(a.span.begin);
    artefacts.push_back({{"text", doc.str(a.span)}, {"line", pos.line}, {"column", pos.column}});
  }
  j["artefacts"] = std::move(artefacts);
  out << j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace fzcheck
