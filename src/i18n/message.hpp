// Messages in a pack's language: templates with {placeholders}, and words joined the way the
// language joins them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fzcheck::detail {

// A message with {placeholders}, checked at load time against the names a kind provides.
class MessageTemplate {
 public:
  using Values = std::vector<std::pair<std::string, std::string>>;
  MessageTemplate() = default;
  explicit MessageTemplate(std::string text) : text_(std::move(text)) {}
  const std::string& text() const noexcept { return text_; }
  bool uses(std::string_view name) const;
  std::string format(const Values& values) const;
  // Placeholder names used in `text`.
  static std::vector<std::string> placeholders(std::string_view text);

 private:
  std::string text_;
};

// Words joined for a message in a pack's language: "甲、乙" (list), "“甲”；“乙”" (quoted items),
// "甲→乙" (sequence).
enum class Joiner { list, quoted_items, sequence };
std::string join_words(const std::string& language, const std::vector<std::string>& words,
                       Joiner how);

}  // namespace fzcheck::detail
