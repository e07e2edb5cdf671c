// Golden tests of the findings of the built-in packs on the five sample reports: every finding,
// as <line>:<column>:<rule>:<severity> <excerpt>, asserted line by line against
// tests/golden/findings/<sample>.expected. The expected files were reviewed finding by finding
// against ../shared/domain/catalogue.md §10 (tests/golden/catalogue_oracle_test.cpp encodes that
// review's Tier A items and "no flag" rows independently of these files).
//
// After a deliberate change: FZCHECK_UPDATE_GOLDEN=1 build/tests/fzcheck_tests -tc='golden
// findings*', then review the diff line by line before committing.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("golden findings of the sample reports") {
  for (const std::string& name : test::sample_names()) {
    CAPTURE(name);
    auto doc = read_document(test::source_path("examples/reports/" + name + ".txt"));
    REQUIRE(doc.ok());
    Report report = check(*doc, RuleSet::builtin());
    std::vector<std::string> actual;
    for (const Finding& f : report.findings) {
      actual.push_back(fmt::format("{}:{}:{}:{} {}", f.begin.line, f.begin.column, f.rule_id,
                                   to_string(f.severity), f.excerpt));
    }
    auto path = test::source_path("tests/golden/findings/" + name + ".expected");
    if (std::getenv("FZCHECK_UPDATE_GOLDEN")) {
      std::ofstream out(path);
      for (const auto& line : actual) out << line << '\n';
      continue;
    }
    std::vector<std::string> expected = lines_of(test::read_file(path));
    for (std::size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
      CAPTURE(i);
      CHECK((i < actual.size() ? actual[i] : "<missing>") ==
            (i < expected.size() ? expected[i] : "<missing>"));
    }
  }
}

}  // namespace fzcheck
