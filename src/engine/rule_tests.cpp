// The fixture harness of rule packs (see include/fzcheck/rule_tests.hpp).
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rule_tests.hpp"
#include "readers/file.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;

// The non-empty lines of a fixture's .expected file; nothing (and a problem) when it cannot be
// read (not a regular file, over kMaxSettingFileBytes).
std::optional<std::vector<std::string>> read_lines(const fs::path& path,
                                                   std::vector<std::string>& problems) {
  auto text = detail::read_setting_file(path);
  if (!text) {
    problems.push_back(text.error().to_string());
    return std::nullopt;
  }
  std::vector<std::string> lines;
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// A fixture's previous report is <stem>.previous.<ext> beside it: not a fixture of its own.
constexpr std::string_view kPrevious = ".previous";

bool is_fixture(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return fs::is_regular_file(p) && name.front() != '.' && !ends(".expected") &&
         !ends(".options.yaml") && !ends(".md") && !p.stem().string().ends_with(kPrevious);
}

// The previous report of a fixture (<stem>.previous.txt, .docx or .html), if it has one.
std::optional<fs::path> previous_of(const fs::path& fixture) {
  for (const char* ext : {".txt", ".docx", ".html"}) {
    fs::path p = fixture.parent_path() / (fixture.stem().string() + std::string(kPrevious) + ext);
    if (fs::exists(p)) return p;
  }
  return std::nullopt;
}

std::vector<fs::path> fixtures_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (is_fixture(e.path())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Options of a fixture from <stem>.options.yaml, if there is one.
std::optional<CheckOptions> fixture_options(const fs::path& fixture,
                                            std::vector<std::string>& problems) {
  CheckOptions options;
  fs::path file = fixture.parent_path() / (fixture.stem().string() + ".options.yaml");
  if (!fs::exists(file)) return options;
  auto text = detail::read_setting_file(file);
  if (!text) {
    problems.push_back(text.error().to_string());
    return std::nullopt;
  }
  // Nesting that yaml-cpp would recurse into too deeply is refused as in rule files.
  detail::ErrorSink errors;
  auto yaml = detail::parse_yaml(file.string(), *text, errors);
  if (!yaml) {
    for (const Error& e : errors.errors()) problems.push_back(e.to_string());
    return std::nullopt;
  }
  const detail::YamlNode& root = yaml->root();
  if (root.is_sequence()) {
    problems.push_back(fmt::format("{}: the options must be a mapping, not a list", file.string()));
    return std::nullopt;
  }
  for (std::size_t i = 0; root.is_map() && i < root.children.size(); i += 2) {
    const std::string& key = root.children[i].scalar;
    const std::string& value = root.children[i + 1].scalar;
    if (key == "document_type") {
      options.document_type = value;
      continue;
    }
    auto date = parse_iso_date(value);
    if ((key != "submitted_on" && key != "published_on") || !date) {
      problems.push_back(fmt::format(
          "{}: '{}' is not document_type, or submitted_on or published_on with a YYYY-MM-DD "
          "date",
          file.string(), key));
      return std::nullopt;
    }
    (key == "submitted_on" ? options.submitted_on : options.published_on) = date;
  }
  return options;
}

// The findings of one rule on one fixture, as .expected lines. A fixture is a document of the
// type the rule's pack applies to (its first), unless its options say otherwise: a fixture tests
// the rule, not how documents are recognised.
std::optional<std::vector<std::string>> findings_of(const RuleSet& rules, const RuleInfo& rule,
                                                    const fs::path& fixture,
                                                    std::vector<std::string>& problems) {
  auto options = fixture_options(fixture, problems);
  if (!options) return std::nullopt;
  options->only = {rule.id};
  if (options->document_type.empty()) {
    for (const PackInfo& p : rules.packs()) {
      if (p.id == rule.pack && !p.applies_to.empty()) options->document_type = p.applies_to.front();
    }
  }
  auto doc = read_document(fixture);
  if (!doc) {
    problems.push_back(doc.error().to_string());
    return std::nullopt;
  }
  if (auto previous = previous_of(fixture)) {
    auto last = read_document(*previous);
    if (!last) {
      problems.push_back(last.error().to_string());
      return std::nullopt;
    }
    options->previous = std::make_shared<const Document>(std::move(*last));
  }
  Report report = check(*doc, rules, *options);
  std::vector<std::string> lines;
  for (const Finding& f : report.findings) {
    lines.push_back(fmt::format("{}:{}:{}:{}:{}", fixture.filename().string(), f.begin.line,
                                f.begin.column, f.rule_id, to_string(f.severity)));
  }
  return lines;
}

RuleTestResult test_rule(const RuleSet& rules, const RuleInfo& info) {
  RuleTestResult result;
  result.rule = info.id;
  fs::path dir = fs::path(info.origin).parent_path();
  if (info.readme.empty())
    result.problems.push_back("no README.md (what the rule checks, why, and its source)");
  if (info.source.empty()) result.problems.push_back("no 'source' (the legal or standards basis)");
  auto pass = fixtures_in(dir / "pass");
  auto fail = fixtures_in(dir / "fail");
  result.pass_fixtures = pass.size();
  result.fail_fixtures = fail.size();
  if (pass.empty())
    result.problems.push_back("no pass/ fixture (a document that must give no finding)");
  if (fail.empty())
    result.problems.push_back("no fail/ fixture (a document with its .expected findings)");
  for (const fs::path& fixture : pass) {
    auto lines = findings_of(rules, info, fixture, result.problems);
    if (!lines) continue;
    for (const std::string& line : *lines) {
      result.problems.push_back(
          fmt::format("pass/{}: unexpected finding {}", fixture.filename().string(), line));
    }
  }
  for (const fs::path& fixture : fail) {
    fs::path expected_file = fixture.parent_path() / (fixture.stem().string() + ".expected");
    if (!fs::exists(expected_file)) {
      result.problems.push_back(fmt::format("fail/{}: no {}", fixture.filename().string(),
                                            expected_file.filename().string()));
      continue;
    }
    auto expected_lines = read_lines(expected_file, result.problems);
    if (!expected_lines) continue;
    const std::vector<std::string>& expected = *expected_lines;
    if (expected.empty()) {
      result.problems.push_back(fmt::format("fail/{}: {} lists no finding",
                                            fixture.filename().string(),
                                            expected_file.filename().string()));
    }
    auto actual = findings_of(rules, info, fixture, result.problems);
    if (!actual) continue;
    for (const std::string& line : expected) {
      if (std::find(actual->begin(), actual->end(), line) == actual->end()) {
        result.problems.push_back(
            fmt::format("fail/{}: missing finding {}", fixture.filename().string(), line));
      }
    }
    for (const std::string& line : *actual) {
      if (std::find(expected.begin(), expected.end(), line) == expected.end()) {
        result.problems.push_back(
            fmt::format("fail/{}: unexpected finding {}", fixture.filename().string(), line));
      }
    }
  }
  return result;
}

}  // namespace

Result<std::vector<RuleTestResult>> test_rules(const fs::path& path,
                                               const std::vector<std::string>& only) {
  // A pack that builds on a built-in pack is tested with it.
  auto rules = RuleSet::load_with_extended_builtins(path);
  if (!rules) return rules.errors();
  std::vector<RuleTestResult> results;
  for (const std::string& id : only) {
    const RuleInfo* rule = rules->find(id);
    if (!rule || rule->origin.starts_with("builtin:")) {
      return Error{
          ErrorCode::usage, fmt::format("no rule '{}' is defined there", id), path.string(), {}};
    }
  }
  for (const RuleInfo& info : rules->rules()) {
    if (info.origin.starts_with("builtin:")) continue;  // what the packs at `path` extend
    if (!only.empty() && std::find(only.begin(), only.end(), info.id) == only.end()) continue;
    results.push_back(test_rule(*rules, info));
  }
  return results;
}

}  // namespace fzcheck
