// The parts of a report's frame that several kinds look at: its title, signature and date.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "checks/kind.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck::detail {

enum class Element { title, signature, date };

// The `element` key of a rule, one of `allowed`; reports anything else.
std::optional<Element> element_field(Fields& f, const std::set<Element>& allowed);

// The element's text as written: all title lines (and what lies between them), the first
// signature line, the date. Empty when the document has none.
Span element_span(const Document& doc, Element element);

}  // namespace fzcheck::detail
