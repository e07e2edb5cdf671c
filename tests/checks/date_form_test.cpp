// kind: date-form — the form of the date line
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;

TEST_CASE("date-form: the form of the date, with the correct form as replacement") {
  RuleSet form =
      one_rule("date-form", "forms: [arabic]\nmessage: 日期“{date}”应写作“{expected}”\n");
  CHECK(test::run(form, report()).empty());
  CHECK(test::run(form, report("某局2024年度报告", "某县教育局\n2025年02月04日\n")) ==
        Lines{"8:1-8:12 m warning: 日期“2025年02月04日”应写作“2025年2月4日” => 2025年2月4日"});
  CHECK(test::run(form, report("某局2024年度报告", "某县教育局\n二〇二五年二月二十四日\n")) ==
        Lines{"8:1-8:12 m warning: 日期“二〇二五年二月二十四日”应写作“2025年2月24日” => "
              "2025年2月24日"});
  CHECK(test::run(form, report("某局2024年度报告", "某县教育局\n2025-02-24\n")) ==
        Lines{"8:1-8:11 m warning: 日期“2025-02-24”应写作“2025年2月24日” => 2025年2月24日"});
  // Not a real date: no correction can be offered.
  CHECK(test::run(form, report("某局2024年度报告", "某县教育局\n2025年2月30日\n")) ==
        Lines{"8:1-8:11 m warning: 日期“2025年2月30日”应写作“”"});
  RuleSet two = one_rule("date-form", "forms: [arabic, chinese]\nmessage: 日期“{date}”\n");
  CHECK(test::run(two, report("某局2024年度报告", "某县教育局\n二〇二五年二月二十四日\n")).empty());
  CHECK(test::run(two, report("某局2024年度报告", "某县教育局\n")).empty());  // no date at all
}

TEST_CASE("date-form: load errors") {
  CHECK(test::kind_errors("date-form", "forms: [arabic, roman]\nmessage: '{date}{when}'\n") ==
        Lines{"m/rule.yaml:5:8: unknown date form 'roman': use arabic, arabic-padded, chinese, "
              "hyphenated, slashed or dotted",
              "m/rule.yaml:6:10: unknown placeholder {when} in 'message': this kind of rule "
              "provides {date}, {expected}"});
}

}  // namespace fzcheck
