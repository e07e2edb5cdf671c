#include "facts/organ.hpp"

#include "facts/report_year.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

std::string without_spaces(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (!utf8::is_space(c)) out.append(text, at, i - at);
  }
  return out;
}

}  // namespace

std::string report_organ(const Document& doc) {
  if (doc.title) {
    const std::string& title = doc.title->text;
    if (auto year = first_year_offset(title)) {
      std::string organ = without_spaces(std::string_view(title).substr(0, *year));
      if (!organ.empty()) return organ;
    }
  }
  if (doc.signature) return without_spaces(doc.signature->text);
  return {};
}

}  // namespace fzcheck::detail
