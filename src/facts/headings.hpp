// What the heading rules share: sibling groups with their usual form, the form a level takes in a
// document, and a section number written in a given form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

// The sections under one parent (or the top-level sections), in document order.
struct SiblingGroup {
  std::int32_t parent = -1;
  std::vector<std::uint32_t> sections;
  // The form most siblings use (ties: the first sibling's); nullopt for hinted headings.
  std::optional<std::uint8_t> form;
  // The bracket style most bracketed siblings use (ties: the first's).
  Bracket bracket = Bracket::none;
  // The list starts after a part without a heading began inside its parent: a list of its own.
  bool after_restart = false;
};

struct HeadingFacts {
  std::vector<SiblingGroup> groups;
  std::vector<std::uint32_t> group_of;  // per section: index in groups
  // Per level (index = level): the form most sibling groups at that level use.
  std::vector<std::optional<std::uint8_t>> level_form;

  // `restarts`: paragraphs where a part without a heading starts (sorted); numbered items after
  // one of them form a list of their own, not the continuation of the sections before it.
  explicit HeadingFacts(const Document& doc, const std::vector<std::uint32_t>& restarts = {});
  // Whether a section's form differs from its siblings' usual form.
  bool odd_form(const Document& doc, std::uint32_t section) const;
};

// A section number in a form: 1 → "三、", 2 → "（三）", 3 → "3.", 4 → "（3）", 5 → "③".
std::string render_marker(std::uint8_t form, std::uint32_t ordinal);

}  // namespace fzcheck::detail
