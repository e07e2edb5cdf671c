// locate_parts(): a part's own heading by priority, themes, an unheaded paragraph and the items
// hung under it, a sub-heading, a sentence — and the order in which they are tried.
#include <doctest/doctest.h>

#include "facts/parts.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

struct Setup {
  PatternSet patterns;
  std::vector<PartDef> defs;
  PartDef& def(const std::string& part, std::vector<std::string> heading) {
    PartDef d;
    d.id = {"p", part};
    for (const auto& h : heading) d.any.push_back(patterns.add_literal(h));
    defs.push_back(std::move(d));
    return defs.back();
  }
  PartFacts run(const Document& doc) {
    patterns.build();
    return locate_parts(doc, patterns.scan(doc), patterns, defs);
  }
};

}  // namespace

TEST_CASE("parts: own heading, themes up to the first other part, then unknown sections") {
  Setup s;
  s.def("short", {"不足"});
  s.def("measures", {"举措"}).thematic = true;
  Document doc = test::parse(
      "标题报告\n一、坚持党的领导\n甲。\n二、依法履职\n乙。\n三、存在的不足\n丙。\n四、典型案例\n丁"
      "。\n");
  PartFacts facts = s.run(doc);
  const PartLocation& measures = facts.found.at({"p", "measures"});
  CHECK(measures.how == PartHow::thematic);
  CHECK(measures.sections == std::vector<std::uint32_t>{0, 1});
  CHECK(measures.regions.size() == 2);
  CHECK(facts.found.at({"p", "short"}).how == PartHow::heading);
  CHECK_FALSE(facts.top_level[3]);  // 四、典型案例: after another part, no theme
}

TEST_CASE("parts: an unheaded paragraph takes the items after it, a sub-heading comes after it") {
  Setup s;
  PartDef& plan = s.def("plan", {"安排"});
  plan.content = {std::get<PatternId>(s.patterns.add_regex("^\\d{4}年，我们将"))};
  plan.where = ContentWhere::end;
  plan.subheading = true;
  plan.sub_any = {s.patterns.add_literal("安排")};
  Document doc = test::parse(
      "标题报告\n一、工作\n（一）甲\n（二）工作安排\n二、其他\n乙。\n2025年，我们将：\n（一）丙\n（"
      "二）丁\n");
  PartFacts facts = s.run(doc);
  const PartLocation& where = facts.found.at({"p", "plan"});
  CHECK(where.how == PartHow::paragraph);  // before the sub-heading （二）工作安排
  CHECK(where.paragraph == 6);
  CHECK(facts.unheaded_starts == std::vector<std::uint32_t>{6});
  REQUIRE(where.regions.size() == 1);
  CHECK(doc.str(where.regions[0]) == "2025年，我们将：\n（一）丙\n（二）丁");
}

TEST_CASE("parts: a sentence, in the text of a run-in heading too, nothing where nothing is") {
  Setup s;
  PartDef& first = s.def("first", {"第一责任人职责情况"});
  first.content = {s.patterns.add_literal("第一责任人")};
  first.sentence = true;
  s.def("none", {"不存在的标题"});
  Document doc =
      test::parse("标题报告\n一、工作\n（一）加强领导。局长履行第一责任人职责。其他。\n");
  PartFacts facts = s.run(doc);
  const PartLocation& where = facts.found.at({"p", "first"});
  CHECK(where.how == PartHow::sentence);
  CHECK(doc.str(where.found) == "局长履行第一责任人职责。");
  CHECK_FALSE(facts.found.count({"p", "none"}));
}

TEST_CASE("parts: content regexes left out of the scan are matched where needed, as it would") {
  // Where::nowhere: the scan does not run them, locate_parts() matches them paragraph by
  // paragraph; the parts found must be the same as with regexes the scan runs.
  const std::string text =
      "标题报告\n一、工作\n（一）加强领导。局长履行第一责任人职责。其他。\n二、其他\n乙。\n2025年，"
      "我们"
      "将：\n（一）丙\n";
  for (Where where : {Where::everywhere, Where::nowhere}) {
    CAPTURE(static_cast<int>(where));
    Setup s;
    const PatternId duty =
        std::get<PatternId>(s.patterns.add_regex("履行[^。]{0,4}第一责任人", where));
    const PatternId plan = std::get<PatternId>(s.patterns.add_regex("^\\d{4}年，我们将", where));
    PartDef& first = s.def("first", {"第一责任人职责情况"});
    first.content = {duty};
    first.sentence = true;
    PartDef& next = s.def("plan", {"安排"});  // `first` is not used after this
    next.content = {plan};
    next.where = ContentWhere::end;
    Document doc = test::parse(text);
    PartFacts facts = s.run(doc);
    CHECK(s.patterns.scan(doc).all(duty).size() == (where == Where::nowhere ? 0u : 1u));
    REQUIRE(facts.found.count({"p", "first"}));
    CHECK(doc.str(facts.found.at({"p", "first"}).found) == "局长履行第一责任人职责。");
    REQUIRE(facts.found.count({"p", "plan"}));
    CHECK(facts.found.at({"p", "plan"}).paragraph == 5);
  }
}

}  // namespace fzcheck::detail
