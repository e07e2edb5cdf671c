// Internal pieces of the structure parser, exposed for unit tests.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

// Conversion leftovers such as "[bookmark: _GoBack]" in `text`, with absolute offsets.
std::vector<Artefact> find_artefacts(std::string_view text);

// Skips whitespace and artefacts from `pos` up to `end`; returns the first other offset.
std::uint32_t skip_ignorable(std::string_view text, std::uint32_t pos, std::uint32_t end,
                             std::span<const Artefact> artefacts);

struct MarkerMatch {
  Marker marker;
  std::uint32_t content_begin = 0;  // where the heading text starts (after spaces and artefacts)
};

// A section marker (一、 （一） (一) 1. 1、 1． （1） (1) 1） ①) at the start of `para`, after any
// whitespace and artefacts. Numbers that run on ("1.5万"), numerals without punctuation
// ("一是", "第一") and bracketed text that is not a bare number are not markers.
std::optional<MarkerMatch> parse_marker(std::string_view text, Span para,
                                        std::span<const Artefact> artefacts);

// The value of a Chinese numeral such as 三, 十二, 二十, 九十九 (1–99); 0 if it is none.
std::uint32_t chinese_number(std::u32string_view digits) noexcept;

// A paragraph that holds nothing but a date (surrounding whitespace allowed), in any of the
// forms of DateForm.
std::optional<DateLine> parse_date(std::string_view text, Span para);

// Fills in title, addressee, preamble, sections, signature, date, artefacts and paragraph roles
// from doc.text and doc.paragraphs.
void build_structure(Document& doc);

}  // namespace fzcheck::detail
