// docs/cli.md's option tables are the output of `fzcheck help-reference COMMAND`, between
// <!-- begin help-reference COMMAND --> and <!-- end help-reference --> (written by
// scripts/update-cli-reference.sh).
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "support.hpp"

namespace fzcheck {

TEST_CASE("docs/cli.md holds the current option table of every command") {
  const std::string doc = test::read_file(test::source_path("docs/cli.md"));
  const std::string begin = "<!-- begin help-reference ", end = "<!-- end help-reference -->\n";
  std::set<std::string> found;
  for (std::size_t pos = 0; (pos = doc.find(begin, pos)) != std::string::npos;) {
    const std::size_t close = doc.find(" -->\n", pos);
    REQUIRE(close != std::string::npos);
    const std::string command = doc.substr(pos + begin.size(), close - pos - begin.size());
    const std::size_t table = close + 5, stop = doc.find(end, table);
    REQUIRE(stop != std::string::npos);
    std::vector<std::string> args = {"help-reference"};
    std::istringstream words(command);
    for (std::string word; words >> word;) args.push_back(word);
    auto generated = test::run_cli(args);
    CAPTURE(command);
    CHECK(generated.exit_code == 0);
    // If this fails: scripts/update-cli-reference.sh
    CHECK(doc.substr(table, stop - table) == generated.out);
    found.insert(command);
    pos = stop;
  }
  CHECK(found == std::set<std::string>{"check", "fix", "annotate", "outline", "rules list",
                                       "rules explain", "rules types", "rules test"});
}

}  // namespace fzcheck
