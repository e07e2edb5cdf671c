// The table of rule kinds: sorted, unique, complete entries, and found by name.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "checks/registry.hpp"
#include "fzcheck/rules.hpp"

namespace fzcheck::detail {

TEST_CASE("registry: kinds are sorted by name, unique and complete") {
  const auto& kinds = rule_kinds();
  REQUIRE(kinds.size() >= 7);
  const std::set<std::string> scopes = {"document", "title", "preamble",  "body",
                                        "headings", "text",  "signature", "date"};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    CAPTURE(kinds[i].name);
    if (i > 0) CHECK(kinds[i - 1].name < kinds[i].name);  // strictly: sorted and no repeats
    CHECK((kinds[i].make != nullptr));
    CHECK_FALSE(kinds[i].summary.empty());
    // An empty default scope: the kind takes no `scope` (it works on the document's structure).
    CHECK(
        (kinds[i].default_scope.empty() || scopes.count(std::string(kinds[i].default_scope)) == 1));
    for (char c : kinds[i].name) CHECK(((c >= 'a' && c <= 'z') || c == '-'));
  }
}

TEST_CASE("registry: the engine's kinds and their default scopes") {
  struct Expected {
    const char* name;
    const char* scope;
  };
  for (const Expected& e :
       {Expected{"coverage", "body"}, Expected{"every-item", "body"},
        Expected{"element-present", ""}, Expected{"deadline", ""},
        Expected{"next-year-mentioned", "body"}, Expected{"order", ""}, Expected{"pattern", "body"},
        Expected{"required-section", ""}, Expected{"unknown-part", ""},
        Expected{"heading-form", ""}, Expected{"layout", ""},
        Expected{"halfwidth-punctuation", "document"}}) {
    const char* name = e.name;
    const char* scope = e.scope;
    CAPTURE(name);
    const KindEntry* k = find_kind(name);
    REQUIRE(k != nullptr);
    CHECK(k->name == name);
    CHECK(k->default_scope == scope);
  }
  CHECK(std::string(find_kind("pattern")->summary) ==
        "text that must not appear, with an optional replacement");
}

TEST_CASE("registry: find_kind is exact") {
  CHECK(find_kind("") == nullptr);
  CHECK(find_kind("patter") == nullptr);
  CHECK(find_kind("patterns") == nullptr);
  CHECK(find_kind("Pattern") == nullptr);
  CHECK(find_kind("zzzz") == nullptr);
  CHECK(find_kind("aaaa") == nullptr);
  for (const auto& k : rule_kinds()) CHECK(find_kind(k.name) == &k);
}

TEST_CASE("registry: the public list of kinds is the table") {
  const auto& table = rule_kinds();
  std::vector<KindInfo> listed = fzcheck::rule_kinds();
  REQUIRE(listed.size() == table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    CHECK(listed[i].name == table[i].name);
    CHECK(listed[i].summary == table[i].summary);
    CHECK(listed[i].default_scope == table[i].default_scope);
  }
}

}  // namespace fzcheck::detail
