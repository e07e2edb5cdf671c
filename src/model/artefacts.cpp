#include <algorithm>

#include "model/parse.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {
constexpr std::size_t kMaxTagName = 20;
constexpr std::size_t kMaxTagBody = 200;

bool is_tag_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || c == '_';
}
}  // namespace

// A converter tag is "[" + a lower-case ASCII keyword + ":" + up to 200 characters + "]" on one
// line, as docx-to-text converters write for bookmarks, comments and images. Report text never
// has that shape.
std::vector<Artefact> find_artefacts(std::string_view text) {
  std::vector<Artefact> found;
  std::size_t i = 0;
  while ((i = text.find('[', i)) != std::string_view::npos) {
    std::size_t j = i + 1;
    while (j < text.size() && j - i - 1 <= kMaxTagName && is_tag_char(text[j])) ++j;
    std::size_t name_length = j - i - 1;
    if (name_length < 3 || name_length > kMaxTagName || j >= text.size() || text[j] != ':') {
      ++i;
      continue;
    }
    std::size_t close = j + 1;
    while (close < text.size() && close - j <= kMaxTagBody && text[close] != ']' &&
           text[close] != '\n' && text[close] != '[') {
      ++close;
    }
    if (close < text.size() && text[close] == ']') {
      found.push_back({{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close + 1)},
                       ArtefactKind::bracket_tag});
      i = close + 1;
    } else {
      ++i;
    }
  }
  return found;
}

std::uint32_t skip_ignorable(std::string_view text, std::uint32_t pos, std::uint32_t end,
                             std::span<const Artefact> artefacts) {
  while (pos < end) {
    auto it = std::find_if(artefacts.begin(), artefacts.end(),
                           [&](const Artefact& a) { return a.span.begin == pos; });
    if (it != artefacts.end()) {
      pos = it->span.end;
      continue;
    }
    std::size_t i = pos;
    char32_t c = utf8::next(text, i);
    if (!utf8::is_space(c)) break;
    pos = static_cast<std::uint32_t>(i);
  }
  return std::min(pos, end);
}

}  // namespace fzcheck::detail
