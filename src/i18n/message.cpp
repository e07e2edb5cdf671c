// Message templates: "{name}" placeholders filled in at check time.
#include "i18n/message.hpp"

#include "fzcheck/i18n.hpp"

namespace fzcheck::detail {

std::vector<std::string> MessageTemplate::placeholders(std::string_view text) {
  std::vector<std::string> names;
  std::size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(i + 1, close - i - 1);
    bool word = !name.empty() && name.size() <= 32;
    for (char c : name) word &= (c >= 'a' && c <= 'z') || c == '_';
    if (word) names.emplace_back(name);
    i = close + 1;
  }
  return names;
}

bool MessageTemplate::uses(std::string_view name) const {
  for (const std::string& n : placeholders(text_)) {
    if (n == name) return true;
  }
  return false;
}

std::string MessageTemplate::format(const Values& values) const {
  std::string out;
  out.reserve(text_.size() + 32);
  std::size_t i = 0;
  while (i < text_.size()) {
    std::size_t open = text_.find('{', i);
    if (open == std::string::npos) break;
    std::size_t close = text_.find('}', open + 1);
    if (close == std::string::npos) break;
    std::string_view name(text_.data() + open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [k, v] : values) {
      if (k == name) value = &v;
    }
    out.append(text_, i, open - i);
    if (value) {
      out += *value;
    } else {
      out.append(text_, open, close - open + 1);
    }
    i = close + 1;
  }
  out.append(text_, i, std::string::npos);
  return out;
}

std::string join_words(const std::string& language, const std::vector<std::string>& words,
                       Joiner how) {
  const char* separator = how == Joiner::list           ? "list_separator"
                          : how == Joiner::quoted_items ? "item_separator"
                                                        : "sequence_arrow";
  std::string sep = ui_text(language, separator);
  std::string open = how == Joiner::quoted_items ? ui_text(language, "quote_open") : "";
  std::string close = how == Joiner::quoted_items ? ui_text(language, "quote_close") : "";
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += sep;
    out += open + w + close;
  }
  return out;
}

}  // namespace fzcheck::detail
