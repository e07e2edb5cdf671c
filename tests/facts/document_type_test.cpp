// What a document is taken for: its title first, then (without a title, or with one that names no
// 文种) how often the text uses a type's words; a forced type; the fallback.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

// A pack "t" declaring two types and a fallback; one rule runs only on "law-report".
const std::string kTypes =
    "applies_to: all\n"
    "document_types:\n"
    "  - {id: law-report, name: 法治报告, priority: 20, title: ['法治.{0,6}报告'],\n"
    "     not_title: ['通知$'], body: [依法行政, 法治建设], body_min: 3, body_per_thousand: 20}\n"
    "  - {id: open-report, name: 公开年报, priority: 10, title: [信息公开]}\n"
    "  - {id: doc, name: 公文, fallback: true}\n"
    "genres: [报告, 通知, 意见]\n";

DocumentType type_of(const std::string& text, const std::string& forced = "") {
  RulePack pack("t", kTypes);
  pack.rule("w", rule_head("w", "pattern") + "message: m\nterms: [甲]\n");
  CheckOptions options;
  options.document_type = forced;
  return check(test::parse(text), pack.rules(), options).type;
}

}  // namespace

TEST_CASE("document type: the title decides, by priority, and names the words it used") {
  DocumentType t = type_of("某局关于法治建设情况的报告\n正文。\n");
  CHECK(t.id == "law-report");
  CHECK(t.name == "法治报告");
  CHECK(t.basis == DocumentType::Basis::title);
  CHECK(t.evidence == "法治建设情况的报告");
  CHECK(t.genre == "报告");
  // Both types' words: the one with the lower priority number wins.
  CHECK(type_of("某局法治工作与信息公开报告\n正文。\n").id == "open-report");
  // not_title keeps a 通知 about rule-of-law reports out.
  DocumentType notice = type_of("关于报送法治建设年度报告的通知\n正文。\n");
  CHECK(notice.id == "doc");
  CHECK(notice.basis == DocumentType::Basis::fallback);
  CHECK(notice.genre == "通知");
}

TEST_CASE("document type: without a title, by the text's words, often enough and dense enough") {
  DocumentType t = type_of("一、工作\n推进依法行政。依法行政。加强法治建设。\n");
  CHECK(t.id == "law-report");
  CHECK(t.basis == DocumentType::Basis::body);
  CHECK(t.count == 3);
  CHECK(t.evidence == "依法行政");
  // Two mentions are not enough; three in a long text are not dense enough.
  CHECK(type_of("一、工作\n推进依法行政。加强法治建设。\n").id == "doc");
  CHECK(type_of("一、工作\n依法行政。依法行政。依法行政。" + std::string(300, 'x') + "\n").id ==
        "doc");
  // A title that names no 文种 (the organ alone) leaves it to the text too.
  CHECK(type_of("某某局\n一、工作\n依法行政。依法行政。依法行政。\n").basis ==
        DocumentType::Basis::body);
  // A title with a 文种 decides alone: a 报告 on something else stays a general document.
  CHECK(type_of("某局消防工作报告\n依法行政。依法行政。依法行政。\n").id == "doc");
}

TEST_CASE("document type: forced, and an unknown forced id falls back to recognition") {
  DocumentType t = type_of("某局关于法治建设情况的报告\n正文。\n", "open-report");
  CHECK(t.id == "open-report");
  CHECK(t.basis == DocumentType::Basis::forced);
  CHECK(type_of("某局关于法治建设情况的报告\n正文。\n", "nonesuch").id == "law-report");
}

TEST_CASE("document type: a pack runs only on the types it applies to") {
  RulePack general("g", kTypes);
  general.rule("everywhere", rule_head("everywhere", "pattern") + "message: 甲\nterms: [甲]\n");
  RulePack law("law", "applies_to: [law-report]\n");
  law.rule("law-only", rule_head("law-only", "pattern") + "message: 乙\nterms: [乙]\n");
  auto both = RuleSet::load(std::vector<std::filesystem::path>{general.path(), law.path()});
  REQUIRE(both.ok());
  Report as_law = check(test::parse("某局法治建设报告\n甲乙。\n"), *both);
  CHECK(as_law.packs == std::vector<std::string>{"g", "law"});
  CHECK(test::show(as_law) ==
        test::Lines{"2:1-2:2 everywhere warning: 甲", "2:2-2:3 law-only warning: 乙"});
  Report as_notice = check(test::parse("关于法治建设的通知\n甲乙。\n"), *both);
  CHECK(as_notice.packs == std::vector<std::string>{"g"});
  CHECK(test::show(as_notice) == test::Lines{"2:1-2:2 everywhere warning: 甲"});
  CHECK(both->document_types().size() == 3);
  CHECK(both->document_types().back().fallback);
  CHECK(both->packs()[1].applies_to == std::vector<std::string>{"law-report"});
}

TEST_CASE(
    "document type: a rule set without types takes every document for nothing in particular") {
  RulePack pack;
  pack.rule("w", rule_head("w", "pattern") + "message: m\nterms: [甲]\n");
  Report r = check(test::parse("某局法治建设报告\n甲。\n"), pack.rules());
  CHECK(r.type.id.empty());
  CHECK(r.type.basis == DocumentType::Basis::fallback);
  CHECK(r.findings.size() == 1);
}

}  // namespace fzcheck
