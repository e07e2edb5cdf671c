// The registered rule kinds: one explicit table, sorted by name (registry.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "checks/build_context.hpp"

namespace fzcheck::detail {

struct KindEntry {
  std::string_view name;
  CheckFactory make;
  std::string_view summary;
  std::string_view default_scope;  // empty: the kind takes no `scope` (it works on the structure)
};
// The registered kinds, sorted by name.
const std::vector<KindEntry>& rule_kinds();
const KindEntry* find_kind(std::string_view name);

}  // namespace fzcheck::detail
