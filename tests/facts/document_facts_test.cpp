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

TEST_CASE("document facts: only the parts of packs that check the document's type compete") {
  Document doc = test::parse("某局报告\n一、主要举措\n正文。\n");
  PatternSet patterns;
  PatternId word = patterns.add_literal("举措");
  patterns.build();
  TypeTable types;
  PartDef a;
  a.id = {"a", "measures"};
  a.any = {word};
  a.priority = 20;
  PartDef b = a;
  b.id = {"b", "measures"};
  b.priority = 10;
  std::vector<PartDef> parts = {b, a};
  CheckOptions options;
  // Without a filter the part of lower priority takes the heading, whatever pack declares it.
  DocumentFacts all =
      find_document_facts(doc, patterns.scan(doc), {patterns, types, parts}, options);
  CHECK(all.parts.found.count(b.id) == 1);
  CHECK(all.parts.found.count(a.id) == 0);
  // Pack b does not check this document: its part does not take the heading from a's.
  std::string seen_type = "?";
  DocumentFacts only_a =
      find_document_facts(doc, patterns.scan(doc),
                          {patterns, types, parts,
                           [&](const std::string& pack, const std::string& type) {
                             seen_type = type;
                             return pack == "a";
                           }},
                          options);
  CHECK(only_a.parts.found.count(a.id) == 1);
  CHECK(only_a.parts.found.count(b.id) == 0);
  REQUIRE(only_a.parts.top_level.size() == 1);
  CHECK(only_a.parts.top_level[0] == a.id);
  CHECK(seen_type == only_a.type.id);  // asked about the type the document was taken for
}

}  // namespace fzcheck::detail
