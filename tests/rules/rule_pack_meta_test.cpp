// Every rule of every pack under rules/ is complete: a README.md, a non-empty `source`, at least
// one pass/ fixture, and at least one fail/ fixture whose .expected lists findings in the harness's
// form
// "<fixture>:<line>:<column>:<rule>:<severity>". Whether the fixtures behave is checked by the
// per-rule CTests (rule/<pack>/<rule>, tests/CMakeLists.txt); this test makes sure that they exist
// and are well formed, so that no rule slips in undocumented or untested.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fzcheck/rule_tests.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string trim(std::string_view s) {
  const char* space = " \t\r\n";
  std::size_t b = s.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(space);
  return std::string(s.substr(b, e - b + 1));
}

// A fixture's last year's report: <stem>.previous.<ext> (src/engine/rule_tests.cpp).
bool is_previous(const fs::path& p) {
  return ends_with(p.stem().string(), ".previous");
}

// The files the harness takes as fixtures (src/engine/rule_tests.cpp): regular files that are not
// hidden and are not an .expected, .options.yaml or .md file, nor a fixture's previous report.
bool is_fixture(const fs::path& p) {
  std::string name = p.filename().string();
  return fs::is_regular_file(p) && !name.empty() && name.front() != '.' &&
         !ends_with(name, ".expected") && !ends_with(name, ".options.yaml") &&
         !ends_with(name, ".md") && !is_previous(p);
}

std::vector<fs::path> fixtures_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (is_fixture(e.path())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool positive_number(std::string_view s) {
  return !s.empty() && s.size() <= 9 && s.front() != '0' &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What is wrong with one line of `<stem>.expected` in the fail/ folder `dir` of rule `rule`.
std::optional<std::string> expected_line_problem(const std::string& line, const std::string& rule,
                                                 const fs::path& dir, const std::string& stem) {
  // <fixture>:<line>:<column>:<rule>:<severity>, split from the right.
  std::vector<std::string> fields;
  std::string rest = line;
  for (int i = 0; i < 4; ++i) {
    std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos) break;
    fields.insert(fields.begin(), rest.substr(colon + 1));
    rest.erase(colon);
  }
  fields.insert(fields.begin(), rest);
  const std::string shape = "is not <fixture>:<line>:<column>:<rule>:<severity>";
  if (fields.size() != 5) return "'" + line + "' " + shape;
  const std::string& fixture = fields[0];
  if (fixture.empty() || !positive_number(fields[1]) || !positive_number(fields[2]))
    return "'" + line + "' " + shape + " (line and column are numbers from 1)";
  if (fields[3] != rule)
    return "'" + line + "' names rule '" + fields[3] + "', not the rule of its folder '" + rule +
           "'";
  if (fields[4] != "error" && fields[4] != "warning" && fields[4] != "info")
    return "'" + line + "' has severity '" + fields[4] + "', not error, warning or info";
  if (!is_fixture(dir / fixture))
    return "'" + line + "' names fixture '" + fixture + "', which is not a file in fail/";
  if (fs::path(fixture).stem().string() != stem)
    return "'" + line + "' names fixture '" + fixture + "', but the file is " + stem +
           ".expected: it can only list findings of " + stem + ".*";
  return std::nullopt;
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::istringstream in(test::read_file(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// Everything missing or malformed in one rule folder.
std::vector<std::string> rule_problems(const fs::path& dir) {
  std::vector<std::string> problems;
  const std::string rule = dir.filename().string();

  if (!fs::is_regular_file(dir / "README.md")) {
    problems.push_back("no README.md (what the rule checks, why, its legal or standards source)");
  } else if (trim(test::read_file(dir / "README.md")).empty()) {
    problems.push_back("README.md is empty");
  }

  try {
    YAML::Node root = YAML::LoadFile((dir / "rule.yaml").string());
    YAML::Node source = root["source"];
    if (!source || !source.IsScalar() || trim(source.Scalar()).empty())
      problems.push_back("rule.yaml has no non-empty 'source' (the legal or standards basis)");
  } catch (const YAML::Exception& e) {
    problems.push_back(std::string("rule.yaml does not parse: ") + e.what());
  }

  if (fixtures_in(dir / "pass").empty())
    problems.push_back("no pass/ fixture (a document that must give no finding)");

  std::size_t good_fail = 0;
  for (const fs::path& fixture : fixtures_in(dir / "fail")) {
    const std::string stem = fixture.stem().string();
    const fs::path expected = dir / "fail" / (stem + ".expected");
    const std::string name = "fail/" + fixture.filename().string();
    if (!fs::is_regular_file(expected)) {
      problems.push_back(name + " has no " + stem + ".expected");
      continue;
    }
    std::size_t listed = 0;
    bool well_formed = true;
    for (const std::string& line : lines_of(expected)) {
      if (trim(line).empty()) continue;
      ++listed;
      if (auto problem = expected_line_problem(line, rule, dir / "fail", stem)) {
        problems.push_back("fail/" + stem + ".expected: " + *problem);
        well_formed = false;
      }
    }
    if (listed == 0) problems.push_back("fail/" + stem + ".expected lists no finding");
    if (listed > 0 && well_formed) ++good_fail;
  }
  // An .expected without its fixture is a leftover from a renamed or deleted fixture.
  if (fs::is_directory(dir / "fail")) {
    for (const auto& e : fs::directory_iterator(dir / "fail")) {
      const fs::path& p = e.path();
      if (p.extension() != ".expected") continue;
      const auto fixtures = fixtures_in(dir / "fail");
      bool has_fixture = std::any_of(fixtures.begin(), fixtures.end(),
                                     [&](const fs::path& f) { return f.stem() == p.stem(); });
      if (!has_fixture)
        problems.push_back("fail/" + p.filename().string() + " belongs to no fixture");
    }
  }
  // A previous report without its fixture is a leftover too.
  for (const char* sub : {"pass", "fail"}) {
    if (!fs::is_directory(dir / sub)) continue;
    const auto fixtures = fixtures_in(dir / sub);
    for (const auto& e : fs::directory_iterator(dir / sub)) {
      if (!fs::is_regular_file(e.path()) || !is_previous(e.path())) continue;
      const std::string stem = e.path().stem().stem().string();
      if (std::none_of(fixtures.begin(), fixtures.end(),
                       [&](const fs::path& f) { return f.stem() == stem; }))
        problems.push_back(std::string(sub) + "/" + e.path().filename().string() +
                           " is the previous report of no fixture");
    }
  }
  if (good_fail == 0)
    problems.push_back("no fail/ fixture with a well-formed, non-empty .expected");
  return problems;
}

struct RuleDir {
  std::string pack;
  fs::path dir;
};

// The rule folders (with a rule.yaml) of every pack (a folder with a pack.yaml) under `root`.
std::vector<RuleDir> rule_dirs(const fs::path& root) {
  std::vector<RuleDir> out;
  for (const auto& pack : fs::directory_iterator(root)) {
    if (!pack.is_directory() || !fs::is_regular_file(pack.path() / "pack.yaml")) continue;
    for (const auto& rule : fs::directory_iterator(pack.path())) {
      if (rule.is_directory() && fs::is_regular_file(rule.path() / "rule.yaml"))
        out.push_back({pack.path().filename().string(), rule.path()});
    }
  }
  std::sort(out.begin(), out.end(), [](const RuleDir& a, const RuleDir& b) {
    return std::tie(a.pack, a.dir) < std::tie(b.pack, b.dir);
  });
  return out;
}

std::vector<fs::path> pack_dirs(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& pack : fs::directory_iterator(root)) {
    if (pack.is_directory() && fs::is_regular_file(pack.path() / "pack.yaml"))
      out.push_back(pack.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool mentions(const std::vector<std::string>& problems, std::string_view text) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("every rule under rules/ has a README, a source, and pass and fail fixtures") {
  const std::vector<RuleDir> rules = rule_dirs(test::source_path("rules"));
  REQUIRE_FALSE(rules.empty());
  for (const RuleDir& r : rules) {
    const std::string name = r.pack + "/" + r.dir.filename().string();
    for (const std::string& problem : rule_problems(r.dir)) {
      FAIL_CHECK("rule ", name, ": ", problem);
    }
  }
}

TEST_CASE("every pack under rules/ loads, and the harness sees the fixtures found on disk") {
  for (const fs::path& pack : pack_dirs(test::source_path("rules"))) {
    const std::string pack_name = pack.string();
    CAPTURE(pack_name);
    auto results = test_rules(pack);
    if (!results) {
      for (const Error& e : results.errors()) FAIL_CHECK(e.to_string());
      continue;
    }
    for (const auto& entry : fs::directory_iterator(pack)) {
      if (!fs::is_regular_file(entry.path() / "rule.yaml")) continue;
      const std::string rule = entry.path().filename().string();
      auto it = std::find_if(results->begin(), results->end(),
                             [&](const RuleTestResult& t) { return t.rule == rule; });
      if (it == results->end()) {
        FAIL_CHECK("rule ", pack.filename().string(), "/", rule,
                   ": the harness does not know this rule");
        continue;
      }
      CHECK_MESSAGE(it->pass_fixtures == fixtures_in(entry.path() / "pass").size(), "rule ", rule);
      CHECK_MESSAGE(it->fail_fixtures == fixtures_in(entry.path() / "fail").size(), "rule ", rule);
    }
  }
}

TEST_CASE("the completeness check names what an incomplete rule lacks") {
  test::TempDir dir;
  const fs::path rule = dir.path() / "some-rule";
  dir.write("some-rule/rule.yaml", "id: some-rule\nkind: pattern\nsource: ''\n");

  SUBCASE("an empty folder lacks everything") {
    auto problems = rule_problems(rule);
    CHECK(mentions(problems, "no README.md"));
    CHECK(mentions(problems, "no non-empty 'source'"));
    CHECK(mentions(problems, "no pass/ fixture"));
    CHECK(mentions(problems, "no fail/ fixture"));
  }

  SUBCASE("a complete rule has no problem") {
    dir.write("some-rule/rule.yaml", "id: some-rule\nsource: GB/T 9704-2012 7.3.5.4\n");
    dir.write("some-rule/README.md", "# some-rule\n");
    dir.write("some-rule/pass/good.txt", "text\n");
    dir.write("some-rule/fail/bad.txt", "text\n");
    dir.write("some-rule/fail/bad.expected", "bad.txt:1:1:some-rule:warning\n\n");
    dir.write("some-rule/fail/dated.txt", "text\n");
    dir.write("some-rule/fail/dated.options.yaml", "submitted_on: 2025-03-05\n");
    dir.write("some-rule/fail/dated.expected", "dated.txt:12:304:some-rule:info\r\n");
    CHECK(rule_problems(rule).empty());
  }

  SUBCASE("malformed expectations are named") {
    dir.write("some-rule/README.md", "# some-rule\n");
    dir.write("some-rule/pass/good.txt", "text\n");
    dir.write("some-rule/fail/a.txt", "text\n");
    dir.write("some-rule/fail/a.expected",
              "a.txt:1:1:other-rule:warning\n"
              "a.txt:0:1:some-rule:warning\n"
              "a.txt:1:1:some-rule:fatal\n"
              "missing.txt:1:1:some-rule:error\n"
              "a.txt:1:some-rule:error\n");
    dir.write("some-rule/fail/b.txt", "text\n");
    dir.write("some-rule/fail/b.expected", "\n");
    dir.write("some-rule/fail/c.txt", "text\n");
    dir.write("some-rule/fail/c.expected", "a.txt:3:1:some-rule:error\n");
    dir.write("some-rule/fail/d.txt", "text\n");
    dir.write("some-rule/fail/orphan.expected", "orphan.txt:1:1:some-rule:error\n");
    auto problems = rule_problems(rule);
    CHECK(mentions(problems, "names rule 'other-rule'"));
    CHECK(mentions(problems, "'a.txt:0:1:some-rule:warning' is not"));
    CHECK(mentions(problems, "severity 'fatal'"));
    CHECK(mentions(problems, "names fixture 'missing.txt', which is not a file"));
    CHECK(mentions(problems, "'a.txt:1:some-rule:error' is not"));
    CHECK(mentions(problems, "b.expected lists no finding"));
    CHECK(mentions(problems, "c.expected: 'a.txt:3:1:some-rule:error' names fixture 'a.txt', but"));
    CHECK(mentions(problems, "fail/d.txt has no d.expected"));
    CHECK(mentions(problems, "orphan.expected belongs to no fixture"));
    CHECK(mentions(problems, "no fail/ fixture with a well-formed"));
    CHECK_FALSE(mentions(problems, "no pass/ fixture"));
  }
}

}  // namespace fzcheck
