// The per-document view rules work on: the byte regions of each scope, matches inside them,
// section bodies, and the usual places and names for findings.
#include <doctest/doctest.h>

#include "checks/build_context.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

const std::string kReport =
    "  某局关于2024年度法治政府建设情况的报告\n"  // 1 title, with leading spaces
    "\n"                                          // 2
    "2024年，我局推进法治建设。\n"                // 3 preamble
    "一、主要举措和成效\n"                        // 4 section 0
    "（一）完善制度。正文甲乙。\n"                // 5 section 1, run-in
    "（二）加强执法\n"                            // 6 section 2
    "执法正文。\n"                                // 7
    "二、存在的不足和原因\n"                      // 8 section 3
    "一是人员不足。\n"                            // 9
    "三、2025年工作安排\n"                        // 10 section 4
    "继续努力。\n"                                // 11
    "某县教育局\n"                                // 12 signature
    "2025年2月24日\n";                            // 13 date

// The span of the first occurrence of `text` in the document (after `from`).
Span find(const Document& doc, std::string_view text, std::uint32_t from = 0) {
  auto at = doc.text.find(text, from);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + text.size())};
}

// The text of each region, to compare readably.
test::Lines texts(const Document& doc, const std::vector<Span>& regions) {
  test::Lines out;
  for (Span s : regions) out.emplace_back(doc.str(s));
  return out;
}

Scope scope(ScopeKind kind, std::string part = "") {
  Scope s;
  s.kind = kind;
  s.part = {"p", std::move(part)};
  return s;
}

// A document with what a context refers to; the facts may be changed before ctx() is called.
struct Fixture {
  explicit Fixture(const std::string& text = kReport) : doc(test::parse(text)) {}
  Document doc;
  PatternSet patterns;
  PatternId zhengwen = patterns.add_literal("正文");
  PatternId nian = patterns.add_literal("年");
  MatchIndex matches = [this] {
    patterns.build();
    return patterns.scan(doc);
  }();
  CheckOptions options;
  std::vector<PartDef> defs;
  TypeTable types;
  DocumentFacts facts = find_document_facts(doc, matches, {patterns, types, defs}, options);
  CheckContext ctx() const { return {doc, matches, options, facts, defs, patterns}; }
};

}  // namespace

TEST_CASE("context: the regions of each scope") {
  Fixture f;
  const Document& doc = f.doc;
  REQUIRE(doc.sections.size() == 5);
  using L = test::Lines;
  CHECK(f.ctx().regions(scope(ScopeKind::document)) ==
        std::vector<Span>{{0, static_cast<std::uint32_t>(doc.text.size())}});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::title))) ==
        L{"  某局关于2024年度法治政府建设情况的报告"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::preamble))) == L{"2024年，我局推进法治建设。"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::body))) ==
        L{"2024年，我局推进法治建设。", "一、主要举措和成效", "（一）完善制度。正文甲乙。",
          "（二）加强执法", "执法正文。", "二、存在的不足和原因", "一是人员不足。",
          "三、2025年工作安排", "继续努力。"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::headings))) ==
        L{"一、主要举措和成效", "（一）完善制度", "（二）加强执法", "二、存在的不足和原因",
          "三、2025年工作安排"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::text))) == L{"2024年，我局推进法治建设。",
                                                                 "正文甲乙。", "执法正文。",
                                                                 "一是人员不足。", "继续努力。"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::signature))) == L{"某县教育局"});
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::date))) == L{"2025年2月24日"});
  // A part covers its sections from the heading to the end of their last paragraph.
  f.facts.parts.found[{"p", "measures"}].regions = {doc.sections[0].extent};
  f.facts.parts.found[{"p", "two"}].regions = {doc.sections[4].extent, doc.sections[3].extent};
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::part, "measures"))) ==
        L{"一、主要举措和成效\n（一）完善制度。正文甲乙。\n（二）加强执法\n执法正文。"});
  // Sorted, and touching or overlapping regions merged.
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::part, "two"))) ==
        L{"二、存在的不足和原因\n一是人员不足。", "三、2025年工作安排\n继续努力。"});
  CHECK(f.ctx().regions(scope(ScopeKind::part, "absent")).empty());
  // The own headings of the parts, not the headings inside them; a part found in a paragraph has
  // none.
  CHECK(f.ctx().regions(scope(ScopeKind::part_headings)).empty());
  PartLocation& measures = f.facts.parts.found[{"p", "measures"}];
  measures.how = PartHow::heading;
  measures.sections = {0};
  PartLocation& two = f.facts.parts.found[{"p", "two"}];
  two.how = PartHow::heading;
  two.sections = {4, 3};
  PartLocation& unheaded = f.facts.parts.found[{"p", "unheaded"}];
  unheaded.how = PartHow::paragraph;
  unheaded.sections = {1};
  CHECK(texts(doc, f.ctx().regions(scope(ScopeKind::part_headings))) ==
        L{"一、主要举措和成效", "二、存在的不足和原因", "三、2025年工作安排"});
}

TEST_CASE("context: scopes that the document lacks are empty") {
  Fixture f("一、举措\n正文。");
  CheckContext ctx = f.ctx();
  for (ScopeKind kind :
       {ScopeKind::title, ScopeKind::preamble, ScopeKind::signature, ScopeKind::date}) {
    CHECK(ctx.regions(scope(kind)).empty());
  }
  CHECK(ctx.regions(scope(ScopeKind::text)).size() == 1);
}

TEST_CASE("context: matches inside regions") {
  Fixture f;
  auto text = f.ctx().regions(scope(ScopeKind::text));
  auto first = f.ctx().first_in(f.zhengwen, text);
  REQUIRE(first);
  CHECK(first->begin == find(f.doc, "正文甲乙").begin);
  CHECK(first->end - first->begin == 6);
  std::vector<std::uint32_t> begins;
  f.ctx().for_each_in(f.zhengwen, text, [&](const Match& m) { begins.push_back(m.begin); });
  CHECK(begins ==
        std::vector<std::uint32_t>{find(f.doc, "正文甲乙").begin, find(f.doc, "正文。").begin});
  auto headings = f.ctx().regions(scope(ScopeKind::headings));
  CHECK_FALSE(f.ctx().first_in(f.zhengwen, headings));
  std::size_t years_in_headings = 0;
  f.ctx().for_each_in(f.nian, headings, [&](const Match&) { ++years_in_headings; });
  CHECK(years_in_headings == 1);  // 三、2025年工作安排

  // inside_any: entirely inside one region of a sorted list.
  std::vector<Span> regions = {{10, 20}, {30, 40}};
  CHECK(CheckContext::inside_any({10, 20}, regions));
  CHECK(CheckContext::inside_any({32, 33}, regions));
  CHECK_FALSE(CheckContext::inside_any({5, 12}, regions));
  CHECK_FALSE(CheckContext::inside_any({18, 22}, regions));
  CHECK_FALSE(CheckContext::inside_any({25, 26}, regions));
  CHECK_FALSE(CheckContext::inside_any({40, 41}, regions));
  CHECK_FALSE(CheckContext::inside_any({1, 2}, {}));
}

TEST_CASE("context: a section's body leaves out its heading") {
  Fixture f;
  CHECK(f.doc.str(f.ctx().body_of(0)) ==
        "\n（一）完善制度。正文甲乙。\n（二）加强执法\n执法正文。");
  CHECK(f.doc.str(f.ctx().body_of(1)) == "正文甲乙。");  // run-in: after the heading's 。
  CHECK(f.doc.str(f.ctx().body_of(2)) == "\n执法正文。");
  CHECK(f.doc.str(f.ctx().body_of(4)) == "\n继续努力。");
  Fixture bare("一、举措\n二、问题");
  CHECK(bare.ctx().body_of(0).empty());
}

TEST_CASE("context: where a finding about the whole document goes, and names") {
  Fixture f;
  Span start = f.ctx().document_start();
  CHECK(start.begin == 2);  // after the title's two leading spaces
  CHECK(start.empty());
  CHECK(test::at(f.doc.locate(start.begin)) == "1:3");
  CHECK(f.ctx().heading_label(0) == "一、主要举措和成效");
  CHECK(f.ctx().heading_label(1) == "（一）完善制度");
  CHECK(f.ctx().part_name({"p", "measures"}) == "measures");  // no part definitions known
  f.defs.resize(1);
  f.defs[0].id = {"p", "measures"};
  f.defs[0].name = "主要举措和成效";
  CHECK(f.ctx().part_name({"p", "measures"}) == "主要举措和成效");
  CHECK(f.ctx().part_name({"p", "other"}) == "other");
  CHECK(f.doc.str(f.ctx().heading_span(1)) == "（一）完善制度");

  Fixture blank_first("\n \n\u3000正文开始。\n");
  CHECK(test::at(blank_first.doc.locate(blank_first.ctx().document_start().begin)) == "3:2");
}

}  // namespace fzcheck::detail
