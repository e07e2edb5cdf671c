// The rule kinds, one explicit table sorted by name. To add a kind: write src/checks/<kind>.cpp
// with its factory, declare it below, add one line to the table, document it in
// docs/rule-authors.md and give it a test file tests/checks/<kind>_test.cpp.
#include <algorithm>

#include "checks/check.hpp"

namespace fzcheck::detail {

std::unique_ptr<Check> make_coverage(RuleSpec& spec);
std::unique_ptr<Check> make_every_item(RuleSpec& spec);
std::unique_ptr<Check> make_metadata(RuleSpec& spec);
std::unique_ptr<Check> make_order(RuleSpec& spec);
std::unique_ptr<Check> make_pattern(RuleSpec& spec);
std::unique_ptr<Check> make_required_section(RuleSpec& spec);
std::unique_ptr<Check> make_unknown_part(RuleSpec& spec);

const std::vector<KindEntry>& rule_kinds() {
  static const std::vector<KindEntry> kinds = {
      {"coverage", make_coverage, "every concept of a set is mentioned in a scope", "body"},
      {"every-item", make_every_item,
       "every item of a part (a sub-section or an enumerated run) mentions something", "body"},
      {"metadata", make_metadata, "title, signature and date: presence, form, year, deadlines",
       "document"},
      {"order", make_order, "the parts appear in a given order", "document"},
      {"pattern", make_pattern, "text that must not appear, with an optional replacement", "body"},
      {"required-section", make_required_section,
       "a part the report must have, found by its heading", "document"},
      {"unknown-part", make_unknown_part, "level-one parts that are none of the declared parts",
       "document"},
  };
  return kinds;
}

const KindEntry* find_kind(std::string_view name) {
  const auto& kinds = rule_kinds();
  auto it = std::lower_bound(kinds.begin(), kinds.end(), name,
                             [](const KindEntry& k, std::string_view n) { return k.name < n; });
  return it != kinds.end() && it->name == name ? &*it : nullptr;
}

}  // namespace fzcheck::detail
