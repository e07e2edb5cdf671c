// docs/rules.md is the rule reference; it must list exactly the rules that are built in, as
// `fzcheck rules list --format markdown` prints them.
#include <doctest/doctest.h>

#include "support.hpp"

namespace fzcheck {

TEST_CASE("docs/rules.md is the current rule reference") {
  std::string doc = test::read_file(test::source_path("docs/rules.md"));
  auto listed = test::run_cli({"rules", "list", "--format", "markdown"});
  REQUIRE(listed.exit_code == 0);
  std::size_t first_pack = doc.find("\n## ");
  REQUIRE(first_pack != std::string::npos);
  // If this fails: scripts/update-rule-reference.sh
  CHECK(doc.substr(first_pack + 1) == listed.out);
}

TEST_CASE("every rule README named in docs/rules.md exists") {
  std::string doc = test::read_file(test::source_path("docs/rules.md"));
  std::size_t pos = 0;
  int links = 0;
  while ((pos = doc.find("](../rules/", pos)) != std::string::npos) {
    std::size_t end = doc.find(')', pos);
    std::string target = doc.substr(pos + 5, end - pos - 5);  // "rules/…/README.md"
    CAPTURE(target);
    CHECK(std::filesystem::exists(test::source_path(target)));
    pos = end;
    ++links;
  }
  CHECK(links >= 40);
}

}  // namespace fzcheck
