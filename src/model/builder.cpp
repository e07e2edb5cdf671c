#include "model/builder.hpp"

#include <algorithm>

#include "model/parse.hpp"

namespace fzcheck::detail {

DocumentBuilder::DocumentBuilder(std::string name, InputFormat format, std::string encoding,
                                 bool had_bom) {
  doc_.name = std::move(name);
  doc_.format = format;
  doc_.encoding = std::move(encoding);
  doc_.had_bom = had_bom;
}

void DocumentBuilder::begin_paragraph(Position pos) {
  if (open_) end_paragraph();
  if (!doc_.paragraphs.empty()) doc_.text.push_back('\n');
  auto offset = static_cast<std::uint32_t>(doc_.text.size());
  Paragraph p;
  p.span = {offset, offset};
  doc_.paragraphs.push_back(std::move(p));
  doc_.anchors.push_back({offset, pos});
  open_ = true;
}

void DocumentBuilder::append_at(std::string_view utf8, Position pos) {
  auto offset = static_cast<std::uint32_t>(doc_.text.size());
  if (!doc_.anchors.empty() && doc_.anchors.back().offset == offset) {
    doc_.anchors.back().pos = pos;
  } else {
    doc_.anchors.push_back({offset, pos});
  }
  doc_.text.append(utf8);
}

std::size_t DocumentBuilder::paragraph_size() const noexcept {
  return open_ ? doc_.text.size() - doc_.paragraphs.back().span.begin : 0;
}

void DocumentBuilder::end_paragraph() {
  if (!open_) return;
  doc_.paragraphs.back().span.end = static_cast<std::uint32_t>(doc_.text.size());
  open_ = false;
}

Document DocumentBuilder::finish() && {
  end_paragraph();
  // The vectors grew by doubling: up to half of them is room that the document no longer needs
  // (a paragraph is about 170 bytes; megabytes on a long report).
  auto trim = [](auto& v) {
    if (v.capacity() - v.size() > v.size() / 8) v.shrink_to_fit();
  };
  trim(doc_.paragraphs);
  trim(doc_.anchors);
  trim(doc_.text);
  build_structure(doc_);
  std::stable_sort(tables_.begin(), tables_.end(), [](const TableSketch& a, const TableSketch& b) {
    return a.first_paragraph < b.first_paragraph;
  });
  doc_.tables.reserve(tables_.size());
  for (const TableSketch& t : tables_) doc_.tables.push_back(build_table(doc_, t));
  return std::move(doc_);
}

}  // namespace fzcheck::detail
