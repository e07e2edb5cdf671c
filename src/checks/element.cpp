#include "checks/element.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace fzcheck::detail {

namespace {

constexpr std::pair<std::string_view, Element> kElements[] = {
    {"title", Element::title}, {"signature", Element::signature}, {"date", Element::date}};

}  // namespace

std::optional<Element> element_field(Fields& f, const std::set<Element>& allowed) {
  auto name = f.string("element", true);
  if (!name) return std::nullopt;
  std::string choices;
  std::size_t listed = 0;
  for (const auto& [n, e] : kElements) {
    if (!allowed.count(e)) continue;
    if (listed > 0)
      choices += ++listed == allowed.size() ? " or " : ", ";
    else
      ++listed;
    choices += n;
  }
  for (const auto& [n, e] : kElements) {
    if (n == *name && allowed.count(e)) return e;
  }
  f.error("element", fmt::format("'element' must be {}, not '{}'", choices, *name));
  return std::nullopt;
}

Span element_span(const Document& doc, Element element) {
  switch (element) {
    case Element::title:
      if (!doc.title) return {};
      return {doc.paragraphs[doc.title->paragraphs.front()].span.begin,
              doc.paragraphs[doc.title->paragraphs.back()].span.end};
    case Element::signature:
      return doc.signature ? doc.signature->span : Span{};
    case Element::date:
      return doc.date ? doc.date->span : Span{};
  }
  return {};
}

}  // namespace fzcheck::detail
