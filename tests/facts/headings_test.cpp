// What the heading rules share (facts/headings.hpp): sibling groups with their usual form and
// bracket, the form each level usually takes, and section numbers rendered in a form.
#include <doctest/doctest.h>

#include <chrono>

#include "hinted_document.hpp"

#include "facts/headings.hpp"
#include "model/builder.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using detail::HeadingFacts;
using detail::render_marker;

// Each group as "parent:[markers]:form:bracket".
test::Lines groups(const Document& doc, const HeadingFacts& facts) {
  test::Lines out;
  for (const detail::SiblingGroup& g : facts.groups) {
    std::string markers;
    for (std::uint32_t s : g.sections) markers += std::string(doc.str(doc.sections[s].marker.span));
    out.push_back(std::to_string(g.parent) + ":" + markers + ":" +
                  (g.form ? std::to_string(*g.form) : "-") + ":" + to_string(g.bracket));
  }
  return out;
}

}  // namespace

TEST_CASE("render_marker: every form, with tens and the limits of circled numbers") {
  CHECK(render_marker(1, 3) == "三、");
  CHECK(render_marker(1, 10) == "十、");
  CHECK(render_marker(1, 11) == "十一、");
  CHECK(render_marker(1, 20) == "二十、");
  CHECK(render_marker(1, 99) == "九十九、");
  CHECK(render_marker(2, 3) == "（三）");
  CHECK(render_marker(2, 12) == "（十二）");
  CHECK(render_marker(3, 3) == "3.");
  CHECK(render_marker(3, 120) == "120.");
  CHECK(render_marker(4, 3) == "（3）");
  CHECK(render_marker(4, 15) == "（15）");
  CHECK(render_marker(5, 1) == "①");
  CHECK(render_marker(5, 3) == "③");
  CHECK(render_marker(5, 20) == "⑳");
  // There is no circled 21 (in this range) and no circled 0: nothing is rendered.
  CHECK(render_marker(5, 21) == "");
  CHECK(render_marker(5, 0) == "");
}

TEST_CASE("headings: sibling groups by parent, in document order") {
  Document doc = test::parse("一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n1.孙\n三、丙\n");
  HeadingFacts facts(doc);
  CHECK(groups(doc, facts) == test::Lines{"-1:一、二、三、:1:none", "0:（一）（二）:2:fullwidth",
                                          "3:（一）:2:fullwidth", "4:1.:3:none"});
  CHECK(facts.group_of == std::vector<std::uint32_t>{0, 1, 1, 0, 2, 3, 0});
  REQUIRE(facts.level_form.size() == 4);
  CHECK_FALSE(facts.level_form[0]);
  CHECK(facts.level_form[1] == std::optional<std::uint8_t>(1));
  CHECK(facts.level_form[2] == std::optional<std::uint8_t>(2));
  CHECK(facts.level_form[3] == std::optional<std::uint8_t>(3));
  for (std::uint32_t i = 0; i < doc.sections.size(); ++i) CHECK_FALSE(facts.odd_form(doc, i));
}

TEST_CASE("headings: the usual form is the majority, a tie goes to the first sibling") {
  // 一、 二、 3、: the form of 一、 wins two to one; 3、 is odd.
  Document majority = test::parse("一、甲\n二、乙\n3、丙\n");
  HeadingFacts m(majority);
  CHECK(groups(majority, m) == test::Lines{"-1:一、二、3、:1:none"});
  CHECK_FALSE(m.odd_form(majority, 0));
  CHECK(m.odd_form(majority, 2));

  // （一） then （2）: one each, the first sibling's form wins.
  Document tie = test::parse("一、甲\n（一）子\n（2）子\n");
  HeadingFacts t(tie);
  CHECK(groups(tie, t) == test::Lines{"-1:一、:1:none", "0:（一）（2）:2:fullwidth"});
  CHECK(t.odd_form(tie, 2));
  CHECK_FALSE(t.odd_form(tie, 1));
}

// The majority was counted by counting each value over all siblings: 100,000 headings 一、 in
// one group took seconds (the whole check of that file 6.6 s, now 1.3 s). A bound on blow-ups.
TEST_CASE("headings: 100,000 sibling headings are grouped in linear time") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "一、\n";
  Document doc = test::parse(text);
  REQUIRE(doc.sections.size() == 100000);
  auto start = std::chrono::steady_clock::now();
  HeadingFacts facts(doc);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(facts.groups.size() == 1);
  CHECK(facts.groups[0].sections.size() == 100000);
  CHECK(facts.groups[0].form == std::optional<std::uint8_t>(1));
  CHECK_FALSE(facts.odd_form(doc, 99999));
  CHECK(elapsed < std::chrono::duration<double>(2 * test::kSlowdown));
}

TEST_CASE("headings: the usual bracket of a group, ties to the first bracketed sibling") {
  Document doc = test::parse("一、甲\n(一)子\n（二）子\n（三）子\n二、乙\n(一)子\n（二）子\n");
  HeadingFacts facts(doc);
  CHECK(groups(doc, facts) == test::Lines{"-1:一、二、:1:none", "0:(一)（二）（三）:2:fullwidth",
                                          "4:(一)（二）:2:halfwidth"});
}

TEST_CASE("headings: a level's form is voted by groups, a tie goes to the GB/T 9704 form") {
  // Level 2: one group uses （一）, one uses （1）: a tie, and 2 is the level's own form.
  Document tie = test::parse("一、甲\n（一）子\n二、乙\n（1）子\n");
  HeadingFacts t(tie);
  REQUIRE(t.level_form.size() == 3);
  CHECK(t.level_form[2] == std::optional<std::uint8_t>(2));
  // Level 2, in the other order: still 2.
  Document tie2 = test::parse("一、甲\n（1）子\n二、乙\n（一）子\n");
  HeadingFacts t2(tie2);
  CHECK(t2.level_form[2] == std::optional<std::uint8_t>(2));
  // Two groups use 1. and one （一）: the majority wins over the standard.
  Document most = test::parse("一、甲\n1.子\n二、乙\n1.子\n三、丙\n（一）子\n");
  HeadingFacts m(most);
  CHECK(m.level_form[2] == std::optional<std::uint8_t>(3));
  // A tie between two forms, neither of them the level's own: the first group's.
  Document other = test::parse("一、甲\n1.子\n二、乙\n（1）子\n");
  HeadingFacts o(other);
  CHECK(o.level_form[2] == std::optional<std::uint8_t>(3));
}

TEST_CASE("headings: hinted headings have no form and are never odd") {
  Document doc = test::hinted_document({{"主要举措", 1}, {"存在不足", 1}, {"（一）组织", 0}});
  HeadingFacts facts(doc);
  REQUIRE(doc.sections.size() == 3);
  CHECK(groups(doc, facts) == test::Lines{"-1::-:none", "1:（一）:2:fullwidth"});
  CHECK_FALSE(facts.odd_form(doc, 0));
  CHECK_FALSE(facts.odd_form(doc, 1));
  REQUIRE(facts.level_form.size() == 3);
  CHECK_FALSE(facts.level_form[1]);
  CHECK(facts.level_form[2] == std::optional<std::uint8_t>(2));
}

}  // namespace fzcheck
