// The fixture harness of rule packs: pass/ documents must give no finding of their rule, fail/
// documents exactly the findings of their .expected sidecar.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "fzcheck/rule_tests.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

// A pattern rule that flags 甲 anywhere in the document.
std::string flag_rule(const std::string& id, const std::string& word = "甲") {
  return rule_head(id, "pattern", "error") + "scope: document\nmessage: 不要写{match}\nterms: [" +
         word + "]\n";
}

const RuleTestResult* result_of(const std::vector<RuleTestResult>& results, const std::string& id) {
  for (const auto& r : results) {
    if (r.rule == id) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("fixtures: a complete rule whose fixtures behave passes") {
  RulePack pack;
  pack.rule("good", flag_rule("good"))
      .file("good/README.md", "# good\n")
      .file("good/pass/clean.txt", "标题\n这里没有那个字。\n")
      .file("good/pass/other.txt", "乙丙丁\n")
      .file("good/fail/dirty.txt", "标题\n正文有甲。\n甲\n")
      .file("good/fail/dirty.expected", "dirty.txt:2:4:good:error\r\n\ndirty.txt:3:1:good:error\n");
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  const RuleTestResult& r = results->front();
  CHECK(r.rule == "good");
  CHECK(r.pass_fixtures == 2);
  CHECK(r.fail_fixtures == 1);
  CHECK(r.problems == Lines{});
  CHECK(r.ok());
}

TEST_CASE("fixtures: unexpected and missing findings are named") {
  RulePack pack;
  pack.rule("bad", flag_rule("bad"))
      .file("bad/README.md", "# bad\n")
      .file("bad/pass/p.txt", "甲在这里\n")
      .file("bad/fail/f.txt", "标题\n乙甲\n")
      .file("bad/fail/f.expected", "f.txt:2:1:bad:error\nf.txt:2:2:bad:error\n");
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  CHECK(results->front().problems == Lines{"pass/p.txt: unexpected finding p.txt:1:1:bad:error",
                                           "fail/f.txt: missing finding f.txt:2:1:bad:error"});
  CHECK_FALSE(results->front().ok());
}

TEST_CASE("fixtures: a rule needs a README, a source, a pass and a fail fixture") {
  RulePack pack;
  pack.rule("bare", flag_rule("bare"));
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  CHECK(results->front().problems ==
        Lines{"no README.md (what the rule checks, why, and its source)",
              "no pass/ fixture (a document that must give no finding)",
              "no fail/ fixture (a document with its .expected findings)"});
  CHECK(results->front().pass_fixtures == 0);
  CHECK(results->front().fail_fixtures == 0);
}

TEST_CASE("fixtures: a fail fixture without expectations, or with an empty list") {
  RulePack pack;
  pack.rule("r", flag_rule("r"))
      .file("r/README.md", "# r\n")
      .file("r/pass/ok.txt", "乙\n")
      .file("r/fail/a.txt", "甲\n")
      .file("r/fail/b.txt", "乙\n")
      .file("r/fail/b.expected", "\n")
      .file("r/fail/.hidden.txt", "甲\n")
      .file("r/fail/notes.md", "甲\n");
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  CHECK(results->front().fail_fixtures == 2);  // hidden files and .md notes are not fixtures
  CHECK(results->front().problems ==
        Lines{"fail/a.txt: no a.expected", "fail/b.txt: b.expected lists no finding"});
}

TEST_CASE("fixtures: only the rule's own findings count") {
  RulePack pack;
  pack.rule("one", flag_rule("one"))
      .rule("two", flag_rule("two", "乙"))
      .file("one/README.md", "# one\n")
      .file("one/pass/p.txt", "乙乙乙\n")  // full of the other rule's word
      .file("one/fail/f.txt", "甲乙\n")
      .file("one/fail/f.expected", "f.txt:1:1:one:error\n");
  auto results = test_rules(pack.path(), {"one"});
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  CHECK(results->front().rule == "one");
  CHECK(results->front().ok());

  auto all = test_rules(pack.path());
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  const RuleTestResult* two = result_of(*all, "two");
  REQUIRE(two);
  CHECK(two->problems == Lines{"no README.md (what the rule checks, why, and its source)",
                               "no pass/ fixture (a document that must give no finding)",
                               "no fail/ fixture (a document with its .expected findings)"});
}

TEST_CASE("fixtures: <name>.options.yaml gives the dates a deadline rule needs") {
  RulePack pack;
  pack.rule("late", rule_head("late", "deadline") +
                        "submit_by: '03-01'\npublish_by: '04-01'\n"
                        "message: 晚了{date}\nsubmitted_message: 报送晚了{date}\n"
                        "published_message: 公开晚了{date}，期限{deadline}\n")
      .file("late/README.md", "# late\n")
      .file("late/pass/p.txt",
            "某局2024年度法治政府建设情况报告\n一、工作\n正文。\n某局\n2025年2月1日\n")
      .file("late/pass/p.options.yaml", "submitted_on: 2025-02-28\n")
      .file("late/fail/f.txt",
            "某局2024年度法治政府建设情况报告\n一、工作\n正文。\n某局\n2025年2月1日\n")
      .file("late/fail/f.options.yaml", "published_on: 2025-04-01\n")
      .file("late/fail/f.expected", "f.txt:5:1:late:warning\n");
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  CHECK(results->front().problems == Lines{});

  RulePack bad;
  bad.rule("late", rule_head("late", "deadline") + "submit_by: '03-01'\nmessage: 晚了{date}\n")
      .file("late/README.md", "# late\n")
      .file("late/pass/p.txt", "标题\n")
      .file("late/pass/p.options.yaml", "submitted: 2025-02-28\n")
      .file("late/fail/f.txt", "标题\n")
      .file("late/fail/f.options.yaml", "submitted_on: 2025-02-30\n")
      .file("late/fail/f.expected", "f.txt:1:1:late:warning\n");
  auto failing = test_rules(bad.path());
  REQUIRE(failing.ok());
  REQUIRE(failing->size() == 1);
  CHECK(failing->front().problems ==
        Lines{bad.at("late/pass/p.options.yaml") +
                  ": 'submitted' is not document_type, or submitted_on or published_on with a "
                  "YYYY-MM-DD date",
              bad.at("late/fail/f.options.yaml") +
                  ": 'submitted_on' is not document_type, or submitted_on or published_on with "
                  "a YYYY-MM-DD date"});
}

TEST_CASE("fixtures: an unknown rule id and a broken pack are errors, not results") {
  RulePack pack;
  pack.rule("r", flag_rule("r"));
  auto unknown = test_rules(pack.path(), {"r", "zzz"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == ErrorCode::usage);
  CHECK(unknown.error().file == pack.path().string());
  CHECK(unknown.error().message == "no rule 'zzz' is defined there");

  RulePack broken;
  broken.rule("r", rule_head("r", "pattern") + "message: m\n");
  auto errors = test_rules(broken.path());
  REQUIRE_FALSE(errors.ok());
  REQUIRE(errors.errors().size() == 1);
  CHECK(errors.error().file == broken.at("r/rule.yaml"));
  CHECK(test::at(errors.error().pos) == "1:1");
  CHECK(errors.error().message == "a pattern rule needs 'terms' or 'patterns'");
}

TEST_CASE("fixtures: an unreadable fixture is a problem of the rule") {
  RulePack pack;
  pack.rule("r", flag_rule("r"))
      .file("r/README.md", "# r\n")
      .file("r/pass/empty.txt", "")
      .file("r/fail/f.txt", "甲\n")
      .file("r/fail/f.expected", "f.txt:1:1:r:error\n");
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  REQUIRE(results->size() == 1);
  REQUIRE(results->front().problems.size() == 1);
  CHECK(results->front().problems[0].rfind(pack.at("r/pass/empty.txt") + ": ", 0) == 0);
}

// The harness read .expected and .options.yaml with no check: a FIFO there hung `rules test`.
TEST_CASE("fixtures: an .expected or .options.yaml that is not a regular file is a problem") {
  RulePack pack;
  pack.rule("r", flag_rule("r"))
      .file("r/README.md", "# r\n")
      .file("r/pass/ok.txt", "乙\n")
      .file("r/fail/a.txt", "甲\n")
      .file("r/fail/b.txt", "甲\n")
      .file("r/fail/b.expected", "b.txt:1:1:r:error\n");
  REQUIRE(::mkfifo(pack.at("r/fail/a.expected").c_str(), 0600) == 0);
  REQUIRE(::mkfifo(pack.at("r/fail/b.options.yaml").c_str(), 0600) == 0);
  auto r = test::run_cli({"rules", "test", "--lang", "en", pack.path().string()}, "", {}, 20);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 1);
  const std::string not_regular = ": this is not a regular file (a device, pipe or socket)";
  CHECK(r.out.find(pack.at("r/fail/a.expected") + not_regular) != std::string::npos);
  CHECK(r.out.find(pack.at("r/fail/b.options.yaml") + not_regular) != std::string::npos);
}

TEST_CASE("fixtures: X.previous.txt is the previous report of X.txt, not a fixture of its own") {
  RulePack pack;
  const std::string copy = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。";
  pack.rule("yoy", rule_head("yoy", "previous-report") +
                       "compare: passages\nmin_length: 20\nmessage: 同上年{previous}\n")
      .file("yoy/README.md", "# yoy\n")
      .file("yoy/pass/alone.txt", "标题\n" + copy + "\n")  // no previous report: nothing
      .file("yoy/pass/new.txt", "标题\n本年另写的内容，与上年没有相同的长句。\n")
      .file("yoy/pass/new.previous.txt", "标题\n" + copy + "\n")
      .file("yoy/fail/copied.txt", "标题\n本年：" + copy + "\n")
      .file("yoy/fail/copied.previous.txt", "标题\n上年：" + copy + "\n")
      .file("yoy/fail/copied.expected", "copied.txt:2:2:yoy:warning\n");  // 年：甲…
  auto results = test_rules(pack.path());
  REQUIRE(results.ok());
  const RuleTestResult* r = result_of(*results, "yoy");
  REQUIRE(r != nullptr);
  CHECK(r->pass_fixtures == 2);
  CHECK(r->fail_fixtures == 1);
  CHECK(Lines(r->problems.begin(), r->problems.end()) == Lines{});
  // A previous report that cannot be read is a problem of the fixture.
  pack.file("yoy/pass/new.previous.txt", std::string("\xFF\xFE\x00\x00\x01", 5));
  results = test_rules(pack.path());
  REQUIRE(results.ok());
  r = result_of(*results, "yoy");
  REQUIRE(r != nullptr);
  CHECK(Lines(r->problems.begin(), r->problems.end()) ==
        Lines{pack.at("yoy/pass/new.previous.txt") +
              ": the file starts with a UTF-32LE byte-order mark but is not valid UTF-32LE"});
}

}  // namespace fzcheck
