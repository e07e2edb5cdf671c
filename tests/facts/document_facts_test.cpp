// find_document_facts(): the type, the parts, the year and the heading groups of one document, and
// whether its text was cut off.
#include <doctest/doctest.h>

#include "facts/document_facts.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

DocumentFacts facts_of(const std::string& text) {
  Document doc = test::parse(text);
  PatternSet patterns;
  patterns.build();
  TypeTable types;
  std::vector<PartDef> parts;
  CheckOptions options;
  return find_document_facts(doc, patterns.scan(doc), {patterns, types, parts}, options);
}

}  // namespace

TEST_CASE("document facts: a text cut off mid-sentence, after a heading, or complete") {
  CHECK(facts_of("某局报告\n一、工作\n全年召开会议，研究部署").truncated);
  CHECK(facts_of("某局报告\n一、工作\n（一）加强领导\n").truncated);
  CHECK_FALSE(facts_of("某局报告\n一、工作\n全年召开会议。\n").truncated);
  CHECK_FALSE(facts_of("某局报告\n一、工作\n全年召开会议……\n").truncated);
  CHECK_FALSE(facts_of("某局报告\n一、工作\n学习“宪法”\n").truncated);
  // A signature or date says the text ends there.
  CHECK_FALSE(facts_of("某局报告\n一、工作\n全年召开会议\n某局\n2025年1月6日\n").truncated);
}

TEST_CASE("document facts: the year and the heading groups come with them") {
  DocumentFacts f =
      facts_of("某局关于2024年度工作的报告\n一、工作\n（一）甲\n（二）乙\n二、问题\n");
  CHECK(f.year.report == 2024);
  CHECK(f.headings.groups.size() == 2);
  CHECK(f.type.basis == DocumentType::Basis::fallback);
}

}  // namespace fzcheck::detail
