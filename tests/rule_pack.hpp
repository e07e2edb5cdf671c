// Helpers for the tests of the rules engine: small rule packs written to a temporary directory,
// documents parsed from text, and findings as one comparable line each.
#pragma once

#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"
#include "support.hpp"

namespace fzcheck::test {

// A pack in its own temporary directory: pack.yaml and one <rule-id>/rule.yaml per rule.
class RulePack {
 public:
  explicit RulePack(const std::string& id = "t", const std::string& more_pack_yaml = "") {
    dir_.write("pack.yaml", "id: " + id + "\ntitle: 测试\n" + more_pack_yaml);
  }
  // Writes <folder>/rule.yaml (the folder is also the rule id unless a test says otherwise).
  RulePack& rule(const std::string& folder, const std::string& yaml) {
    dir_.write(folder + "/rule.yaml", yaml);
    return *this;
  }
  RulePack& file(const std::string& name, const std::string& bytes) {
    dir_.write(name, bytes);
    return *this;
  }
  const std::filesystem::path& path() const { return dir_.path(); }
  // The path of a file of the pack, as error messages spell it.
  std::string at(const std::string& name) const { return (dir_.path() / name).string(); }
  Result<RuleSet> load() const { return RuleSet::load(dir_.path()); }
  // The pack loaded on its own; fails the test with every load error otherwise.
  RuleSet rules() const {
    auto loaded = load();
    if (!loaded) {
      std::string all;
      for (const Error& e : loaded.errors()) all += e.to_string() + "\n";
      FAIL("the test pack does not load:\n" << all);
    }
    return std::move(loaded).value();
  }

 private:
  TempDir dir_;
};

// The keys every rule has, for a rule of `kind` in folder `id`.
inline std::string rule_head(const std::string& id, const std::string& kind,
                             const std::string& severity = "warning") {
  return fmt::format("id: {}\nkind: {}\nseverity: {}\nsource: 依据{}\n", id, kind, severity, id);
}

inline Document parse(const std::string& text, const std::string& name = "t.txt") {
  auto doc = parse_text(text, name);
  REQUIRE(doc.ok());
  return std::move(*doc);
}

// "line:col-line:col rule severity: message", then " => replacement" when there is one.
inline std::string show(const Finding& f) {
  std::string out = fmt::format("{}:{}-{}:{} {} {}: {}", f.begin.line, f.begin.column, f.end.line,
                                f.end.column, f.rule_id, to_string(f.severity), f.message);
  if (f.replacement) out += " => " + *f.replacement;
  return out;
}

// Lines of output or findings; a failed CHECK shows them one a line.
struct Lines : std::vector<std::string> {
  using std::vector<std::string>::vector;
  friend std::ostream& operator<<(std::ostream& out, const Lines& lines) {
    out << "{";
    for (const auto& l : lines) out << "\n  \"" << l << "\"";
    return out << (lines.empty() ? "}" : "\n}");
  }
};

// "line:column", to compare positions with readable failures.
inline std::string at(Position pos) {
  return std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

inline Lines show(const Report& report) {
  Lines out;
  for (const Finding& f : report.findings) out.push_back(show(f));
  return out;
}

inline Lines run(const RuleSet& rules, const std::string& text, const CheckOptions& options = {}) {
  return show(check(parse(text), rules, options));
}

// Every error as "file:line:col: message" with the file relative to `base`.
inline Lines errors(const Result<RuleSet>& loaded, const std::filesystem::path& base) {
  Lines out;
  if (loaded) return out;
  for (const Error& e : loaded.errors()) {
    Error copy = e;
    std::string prefix = base.string() + "/";
    if (copy.file.starts_with(prefix)) copy.file = copy.file.substr(prefix.size());
    out.push_back(copy.to_string());
  }
  return out;
}

}  // namespace fzcheck::test
