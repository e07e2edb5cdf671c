// The worked example of docs/rule-authors.md, "Extending a pack": examples/packs/province-example
// builds on the built-in fazhi-report pack. With the built-in packs, on the five sample reports:
// its rule fires inside fazhi-report's 第一责任人 part wherever that part has no 述法, and nowhere
// else; the parts are found exactly as without it (no second part, no false 缺少); its severity
// override and its disabled rule take effect; every other finding is unchanged.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

constexpr const char* kPack = "examples/packs/province-example";
constexpr const char* kNewRule = "first-responsible-shufa";
constexpr const char* kRaised = "three-systems";          // info → warning
constexpr const char* kDisabled = "next-year-plan-year";  // disabled

RuleSet builtin_and_example() {
  auto loaded = RuleSet::load({test::source_path(kPack)}, true);
  if (!loaded) {
    std::string all;
    for (const Error& e : loaded.errors()) all += e.to_string() + "\n";
    FAIL("the example pack does not load:\n" << all);
  }
  return std::move(loaded).value();
}

std::string show(const Finding& f) {
  return fmt::format("{}:{}:{}:{}", f.begin.line, f.begin.column, f.rule_id, to_string(f.severity));
}

std::vector<std::string> findings_of(const Report& report, const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    if (f.rule_id == rule) out.push_back(show(f));
  }
  return out;
}

const PartStatus* part(const Report& report, const std::string& id) {
  for (const PartStatus& p : report.parts) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("province example: it extends fazhi-report and declares no part of its own") {
  const RuleSet rules = builtin_and_example();
  auto pack = std::find_if(rules.packs().begin(), rules.packs().end(),
                           [](const PackInfo& p) { return p.id == "province-example"; });
  REQUIRE(pack != rules.packs().end());
  CHECK(pack->extends == std::vector<std::string>{"fazhi-report"});
  CHECK(pack->applies_to == std::vector<std::string>{"fazhi-report"});  // inherited
  CHECK(rules.parts().size() == RuleSet::builtin().parts().size());
  for (const PartInfo& p : rules.parts()) CHECK(p.pack != "province-example");

  const RuleInfo* raised = rules.find(kRaised);
  REQUIRE(raised);
  REQUIRE(raised->overridden);
  CHECK(raised->severity == Severity::warning);
  CHECK(raised->overridden->written_severity == Severity::info);
  CHECK(raised->overridden->pack == "province-example");
  const RuleInfo* disabled = rules.find(kDisabled);
  REQUIRE(disabled);
  CHECK(disabled->disabled());
  // The built-in set itself is untouched.
  CHECK_FALSE(RuleSet::builtin().find(kRaised)->overridden);
  CHECK(RuleSet::builtin().find(kRaised)->severity == Severity::info);
}

TEST_CASE("province example: on the five sample reports, with the built-in packs") {
  const RuleSet mine = builtin_and_example();
  // The first line of the 第一责任人 part, where the new rule reports; 0: no such part.
  const std::map<std::string, std::uint32_t> expected_line = {{"000_564c8ac60a8ddf78", 0},
                                                              {"001_0a9e7cee78fe9105", 20},
                                                              {"002_761e60630c4c52e8", 23},
                                                              {"003_2ea09a882f67caa3", 12},
                                                              {"004_982b1b364f1fe93d", 9}};
  std::size_t raised = 0;
  std::size_t silenced = 0;
  for (const std::string& name : test::sample_names()) {
    CAPTURE(name);
    auto doc = read_document(test::source_path("examples/reports/" + name + ".txt"));
    REQUIRE(doc.ok());
    const Report plain = check(*doc, RuleSet::builtin());
    const Report report = check(*doc, mine);

    // The parts are fazhi-report's, found as without the example pack.
    REQUIRE(report.parts.size() == plain.parts.size());
    for (std::size_t i = 0; i < plain.parts.size(); ++i) {
      CHECK(report.parts[i].pack == plain.parts[i].pack);
      CHECK(report.parts[i].id == plain.parts[i].id);
      CHECK(report.parts[i].how == plain.parts[i].how);
      CHECK(report.parts[i].line == plain.parts[i].line);
    }
    for (const char* required :
         {"part-measures", "part-shortcomings", "part-first-responsible", "part-next-year"})
      CHECK(findings_of(report, required) == findings_of(plain, required));

    // The new rule: once, at the 第一责任人 part, when the report has that part (none of the
    // samples mentions 述法).
    const std::uint32_t line = expected_line.at(name);
    const PartStatus* first = part(report, "first-responsible");
    REQUIRE(first);
    CHECK(first->line == line);
    if (line == 0) {
      CHECK(first->how == PartStatus::How::missing);
      CHECK(findings_of(report, kNewRule).empty());
    } else {
      CHECK(findings_of(report, kNewRule) ==
            std::vector<std::string>{fmt::format("{}:1:{}:warning", line, kNewRule)});
    }

    // The override: the same findings, as warnings.
    std::vector<std::string> before = findings_of(plain, kRaised);
    for (std::string& f : before) f.replace(f.rfind(":info"), 5, ":warning");
    CHECK(findings_of(report, kRaised) == before);
    raised += before.size();
    // The disabled rule: nothing.
    CHECK(findings_of(report, kDisabled).empty());
    silenced += findings_of(plain, kDisabled).size();

    // Everything else as without the example pack.
    std::vector<std::string> rest_plain;
    std::vector<std::string> rest_mine;
    for (const Finding& f : plain.findings) {
      if (f.rule_id != kRaised && f.rule_id != kDisabled) rest_plain.push_back(show(f));
    }
    for (const Finding& f : report.findings) {
      if (f.rule_id != kRaised && f.rule_id != kDisabled && f.rule_id != kNewRule)
        rest_mine.push_back(show(f));
    }
    CHECK(rest_mine == rest_plain);
  }
  // The samples exercise both: three-systems reports three of them, next-year-plan-year two.
  CHECK(raised == 3);
  CHECK(silenced == 2);
}

TEST_CASE("province example: fzcheck rules test on the pack") {
  auto r = test::run_cli({"--lang", "en", "rules", "test", test::source_path(kPack).string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ok    first-responsible-shufa  (3 pass, 3 fail fixtures)\n") !=
        std::string::npos);
  CHECK(r.out.find("1 rule(s) tested, 0 failed\n") != std::string::npos);
}

}  // namespace fzcheck
