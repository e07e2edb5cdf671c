#include "fzcheck/document.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace fzcheck {

const char* to_string(InputFormat format) noexcept {
  switch (format) {
    case InputFormat::text:
      return "text";
    case InputFormat::docx:
      return "docx";
    case InputFormat::html:
      return "html";
  }
  return "?";
}

const char* to_string(ParagraphRole role) noexcept {
  switch (role) {
    case ParagraphRole::blank:
      return "blank";
    case ParagraphRole::title:
      return "title";
    case ParagraphRole::doc_number:
      return "doc_number";
    case ParagraphRole::addressee:
      return "addressee";
    case ParagraphRole::preamble:
      return "preamble";
    case ParagraphRole::heading:
      return "heading";
    case ParagraphRole::body:
      return "body";
    case ParagraphRole::signature:
      return "signature";
    case ParagraphRole::date:
      return "date";
    case ParagraphRole::table:
      return "table";
    case ParagraphRole::annex:
      return "annex";
    case ParagraphRole::imprint:
      return "imprint";
    case ParagraphRole::note:
      return "note";
  }
  return "?";
}

const char* to_string(Numeral value) noexcept {
  switch (value) {
    case Numeral::chinese:
      return "chinese";
    case Numeral::arabic:
      return "arabic";
    case Numeral::circled:
      return "circled";
    case Numeral::none:
      return "none";
  }
  return "?";
}

const char* to_string(Bracket value) noexcept {
  switch (value) {
    case Bracket::none:
      return "none";
    case Bracket::full:
      return "fullwidth";
    case Bracket::half:
      return "halfwidth";
    case Bracket::mixed:
      return "mixed";
    case Bracket::close_only:
      return "close-only";
  }
  return "?";
}

const char* to_string(Delimiter value) noexcept {
  switch (value) {
    case Delimiter::none:
      return "none";
    case Delimiter::dun:
      return "dun";
    case Delimiter::dot:
      return "dot";
    case Delimiter::fullwidth_dot:
      return "fullwidth-dot";
    case Delimiter::comma:
      return "comma";
  }
  return "?";
}

const char* to_string(DateForm form) noexcept {
  switch (form) {
    case DateForm::arabic:
      return "arabic";
    case DateForm::arabic_padded:
      return "arabic-padded";
    case DateForm::chinese:
      return "chinese";
    case DateForm::hyphenated:
      return "hyphenated";
    case DateForm::slashed:
      return "slashed";
    case DateForm::dotted:
      return "dotted";
  }
  return "?";
}

std::uint32_t Document::paragraph_at(std::uint32_t offset) const {
  auto it = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                             [](std::uint32_t o, const Paragraph& p) { return o < p.span.begin; });
  if (it == paragraphs.begin()) return 0;
  return static_cast<std::uint32_t>(it - paragraphs.begin() - 1);
}

Position Document::locate(std::uint32_t offset) const {
  if (anchors.empty()) return {};
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(anchors.begin(), anchors.end(), offset,
                             [](std::uint32_t o, const SourceAnchor& a) { return o < a.offset; });
  if (it == anchors.begin()) return anchors.front().pos;
  const SourceAnchor& a = *(it - 1);
  std::string_view between = std::string_view(text).substr(a.offset, offset - a.offset);
  return {a.pos.line, a.pos.column + static_cast<std::uint32_t>(utf8::length(between))};
}

}  // namespace fzcheck
