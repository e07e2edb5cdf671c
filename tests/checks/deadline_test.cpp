// kind: deadline — the report dated, submitted and published in time
#include <doctest/doctest.h>

#include "frame.hpp"

namespace fzcheck {

using test::Lines;
using test::one_rule;
using test::report;

TEST_CASE("deadline: deadlines from the date line and from CheckOptions") {
  RuleSet deadline = one_rule("deadline",
                              "submit_by: '03-01'\npublish_by: '04-01'\n"
                              "message: 成文日期{date}晚于{year}年度报告的期限{deadline}\n"
                              "submitted_message: 报送日期{date}晚于{deadline}\n"
                              "published_message: 公开日期{date}晚于{deadline}（{year}年度）\n");
  CHECK(test::run(deadline, report()).empty());
  CHECK(test::run(deadline, report("某局2024年度报告", "某县教育局\n2025年3月1日\n")) ==
        Lines{"8:1-8:10 m warning: 成文日期2025年3月1日晚于2024年度报告的期限2025年3月1日"});

  CheckOptions options;
  options.submitted_on = Date{2025, 2, 28};
  options.published_on = Date{2025, 3, 31};
  CHECK(test::run(deadline, report(), options).empty());
  options.submitted_on = Date{2025, 3, 2};
  options.published_on = Date{2025, 4, 1};
  CHECK(test::run(deadline, report(), options) ==
        Lines{"8:1-8:11 m warning: 报送日期2025年3月2日晚于2025年3月1日",
              "8:1-8:11 m warning: 公开日期2025年4月1日晚于2025年4月1日（2024年度）"});
  // Without a date line the findings go to the start of the document.
  CHECK(test::run(deadline, report("某局2024年度报告", "某县教育局\n"), options) ==
        Lines{"1:1-1:1 m warning: 报送日期2025年3月2日晚于2025年3月1日",
              "1:1-1:1 m warning: 公开日期2025年4月1日晚于2025年4月1日（2024年度）"});
  // The report year comes from the body when the title has none.
  CHECK(test::run(deadline, report("某局法治政府建设情况报告", "某县教育局\n2025年3月5日\n")) ==
        Lines{"8:1-8:10 m warning: 成文日期2025年3月5日晚于2024年度报告的期限2025年3月1日"});
  // No year anywhere: nothing to compare with.
  CHECK(test::run(deadline, "某局报告\n一、举措\n正文。\n某局\n2025年5月5日\n").empty());

  // Without the specific messages, the main one is used.
  RuleSet plain = one_rule("deadline", "publish_by: '04-01'\nmessage: '{date}晚于{deadline}'\n");
  CHECK(test::run(plain, report("某局2024年度报告", "某县教育局\n2025年5月1日\n"), options) ==
        Lines{"8:1-8:10 m warning: 2025年4月1日晚于2025年4月1日"});
}

TEST_CASE("deadline: inclusive, the deadline day itself is in time") {
  RuleSet by_day = one_rule("deadline",
                            "submit_by: '01-31'\npublish_by: '01-31'\ninclusive: true\n"
                            "message: 成文日期{date}晚于{deadline}\n"
                            "published_message: 公开日期{date}晚于{deadline}\n");
  CHECK(test::run(by_day, report("某局2024年度报告", "某县教育局\n2025年1月31日\n")).empty());
  CHECK(test::run(by_day, report("某局2024年度报告", "某县教育局\n2025年2月1日\n")) ==
        Lines{"8:1-8:10 m warning: 成文日期2025年2月1日晚于2025年1月31日"});
  CheckOptions options;
  options.published_on = Date{2025, 1, 31};
  CHECK(test::run(by_day, report("某局2024年度报告", "某县教育局\n"), options).empty());
  options.published_on = Date{2025, 2, 1};
  CHECK(test::run(by_day, report("某局2024年度报告", "某县教育局\n"), options) ==
        Lines{"1:1-1:1 m warning: 公开日期2025年2月1日晚于2025年1月31日"});
  // Without it the day itself is late.
  RuleSet before =
      one_rule("deadline", "submit_by: '01-31'\nmessage: 成文日期{date}晚于{deadline}\n");
  CHECK(test::run(before, report("某局2024年度报告", "某县教育局\n2025年1月31日\n")) ==
        Lines{"8:1-8:11 m warning: 成文日期2025年1月31日晚于2025年1月31日"});
  CHECK(test::kind_errors("deadline", "submit_by: '01-31'\ninclusive: sometimes\nmessage: m\n") ==
        Lines{"m/rule.yaml:6:12: 'inclusive' must be true or false, not 'sometimes'"});
}

TEST_CASE("deadline: profiles give other deadlines to documents known by their titles") {
  RuleSet deadline = one_rule("deadline",
                              "submit_by: '01-31'\ninclusive: true\nwho: 部门\n"
                              "profiles:\n"
                              "  - {name: 县政府, title: ['县\\d{4}年'], submit_by: '02-20'}\n"
                              "  - {name: 某县, title: ['^某县\\d'], submit_by: '01-10'}\n"
                              "message: 成文日期{date}晚于{deadline}：{who}\n");
  // A department: the rule's own deadline.
  CHECK(test::run(deadline, report("某县教育局2024年度报告", "某县教育局\n2025年2月5日\n")) ==
        Lines{"8:1-8:10 m warning: 成文日期2025年2月5日晚于2025年1月31日：部门"});
  // The county's summary report: the first profile whose title matches, in time on 2月5日.
  CHECK(test::run(deadline, report("某县2024年度报告", "某县人民政府\n2025年2月5日\n")).empty());
  CHECK(test::run(deadline, report("某县2024年度报告", "某县人民政府\n2025年2月21日\n")) ==
        Lines{"8:1-8:11 m warning: 成文日期2025年2月21日晚于2025年2月20日：县政府"});
  // An office's own deadline replaces the profiles' too.
  CheckOptions office;
  office.submit_by = MonthDay{1, 25};
  CHECK(test::run(deadline, report("某县2024年度报告", "某县人民政府\n2025年2月5日\n"), office) ==
        Lines{"8:1-8:10 m warning: 成文日期2025年2月5日晚于2025年1月25日：县政府"});
  CHECK(
      test::kind_errors("deadline",
                        "submit_by: '01-31'\nprofiles: [{name: x, title: [y]}, z]\n"
                        "message: m\n") ==
      Lines{
          "m/rule.yaml:6:12: a profile needs 'submit_by' or 'publish_by'",
          "m/rule.yaml:6:35: each profile must be a mapping with 'name', 'title' and a deadline"});
}

TEST_CASE("deadline: load errors") {
  CHECK(
      test::kind_errors("deadline", "submit_by: 3-1\npublish_by: '13-01'\nmessage: m\n") ==
      Lines{"m/rule.yaml:5:12: 'submit_by' must be a month and day as MM-DD (for example 03-01), "
            "not '3-1'",
            "m/rule.yaml:6:13: 'publish_by' must be a month and day as MM-DD (for example 03-01), "
            "not '13-01'"});
  CHECK(test::kind_errors("deadline", "message: m\n") ==
        Lines{"m/rule.yaml:1:1: a deadline needs 'submit_by' or 'publish_by'"});
}

}  // namespace fzcheck
