// docs/rule-authors.md stays true: every registered rule kind (src/checks/registry.cpp) has its
// entry in "The kinds", and the worked example of "Extending a pack" quotes the files of
// examples/packs/province-example exactly.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "fzcheck/rules.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

// The text of a "## " section of the page, up to the next one.
std::string section(const std::string& doc, const std::string& heading) {
  std::size_t begin = doc.find("\n## " + heading + "\n");
  if (begin == std::string::npos) return {};
  std::size_t end = doc.find("\n## ", begin + 1);
  return doc.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace

TEST_CASE("docs/rule-authors.md has an entry for every registered rule kind") {
  const std::string kinds =
      section(test::read_file(test::source_path("docs/rule-authors.md")), "The kinds");
  REQUIRE_FALSE(kinds.empty());
  REQUIRE(rule_kinds().size() >= 28);
  for (const KindInfo& kind : rule_kinds()) {
    CAPTURE(kind.name);
    // A paragraph of its own ("**pattern** — …") or a row of a table ("| deadline | …").
    CHECK((kinds.find("\n**" + kind.name + "** — ") != std::string::npos ||
           kinds.find("\n| " + kind.name + " |") != std::string::npos));
  }
}

TEST_CASE("docs/rule-authors.md quotes the example pack as it is") {
  const std::string doc = test::read_file(test::source_path("docs/rule-authors.md"));
  const std::string marker = "<!-- example: ";
  std::set<std::string> quoted;
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    std::size_t end = doc.find(" -->\n", at);
    REQUIRE(end != std::string::npos);
    const std::string file = doc.substr(at + marker.size(), end - at - marker.size());
    CAPTURE(file);
    // The fenced block right under the marker is the file, byte for byte.
    const std::string fence = "```yaml\n";
    REQUIRE(doc.compare(end + 5, fence.size(), fence) == 0);
    std::size_t body = end + 5 + fence.size();
    std::size_t close = doc.find("\n```\n", body);
    REQUIRE(close != std::string::npos);
    REQUIRE(std::filesystem::exists(test::source_path(file)));
    CHECK(doc.substr(body, close + 1 - body) == test::read_file(test::source_path(file)));
    quoted.insert(file);
  }
  // Every YAML file of the example is quoted: a rule added to it is added to the page.
  const std::filesystem::path pack = test::source_path("examples/packs/province-example");
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(pack)) {
    const std::string name = entry.path().filename().string();
    if (name == "pack.yaml" || name == "rule.yaml")
      files.insert("examples/packs/province-example/" +
                   std::filesystem::relative(entry.path(), pack).generic_string());
  }
  CHECK(files.size() >= 2);
  CHECK(quoted == files);
}

}  // namespace fzcheck
