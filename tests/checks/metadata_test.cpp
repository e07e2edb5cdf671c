// kind: metadata — title, signature and date: presence, form, the report year, deadlines, and
// the year the next-year part must name.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet one_rule(const std::string& body, const std::string& severity = "warning",
                 const std::string& extra_rules = "") {
  RulePack pack;
  pack.rule("m", rule_head("m", "metadata", severity) + body);
  if (!extra_rules.empty()) pack.rule("next-year", extra_rules);
  return pack.rules();
}

CheckOptions only_m() {
  CheckOptions o;
  o.only = {"m"};
  return o;
}

std::string report(const std::string& title = "某局关于2024年度法治政府建设情况的报告",
                   const std::string& ending = "某县教育局\n2025年2月24日\n") {
  return title +
         "\n"
         "2024年，我局推进工作。\n"
         "一、主要举措\n"
         "2024年完成了工作。\n"
         "二、2025年工作安排\n"
         "继续努力。\n" +
         ending;
}

}  // namespace

TEST_CASE("metadata: title, signature and date present or missing") {
  RuleSet title = one_rule("field: title\nrequire: present\nmessage: 没有标题\n", "error");
  CHECK(test::run(title, report()).empty());
  CHECK(test::run(title, "\n  2024年，我局推进工作。\n一、主要举措\n正文。\n") ==
        Lines{"2:3-2:3 m error: 没有标题"});

  RuleSet signature = one_rule("field: signature\nrequire: present\nmessage: 没有落款\n");
  CHECK(test::run(signature, report()).empty());
  // Missing: pointed at the end of the last line of text, trailing spaces and lines left out.
  CHECK(test::run(signature, report("某局2024年度报告", "2025年2月24日  \n\n")) ==
        Lines{"7:11-7:11 m warning: 没有落款"});

  RuleSet date = one_rule("field: date\nrequire: present\nmessage: 没有日期\n");
  CHECK(test::run(date, report()).empty());
  CHECK(test::run(date, report("某局2024年度报告", "某县教育局\n")) ==
        Lines{"7:6-7:6 m warning: 没有日期"});
}

TEST_CASE("metadata: the title or signature must match a pattern") {
  RuleSet organ = one_rule(
      "field: title\nrequire: match\nany: ['^\\S{1,6}(局|政府)']\nmessage: "
      "标题“{title}”没有机关名称\n");
  CHECK(test::run(organ, report()).empty());
  CHECK(test::run(organ, report("关于2024年度法治政府建设情况的报告")) ==
        Lines{"1:1-1:20 m warning: 标题“关于2024年度法治政府建设情况的报告”没有机关名称"});
  // A title on two lines matches line by line; the message shows it joined.
  CHECK(test::run(organ, report("某局2024年度法治政府\n建设情况报告")).empty());
  CHECK(test::run(organ, report("2024年度法治政府\n建设情况报告")) ==
        Lines{"1:1-2:7 m warning: 标题“2024年度法治政府建设情况报告”没有机关名称"});
  // No title at all: another rule says so.
  CHECK(test::run(organ, "一、主要举措\n正文。\n").empty());

  RuleSet signature = one_rule(
      "field: signature\nrequire: match\nany: ['(局|政府)$']\nmessage: "
      "落款“{signature}”不是机关\n");
  CHECK(test::run(signature, report()).empty());
  CHECK(test::run(signature, report("某局2024年度报告", "张三\n2025年2月24日\n")) ==
        Lines{"7:1-7:3 m warning: 落款“张三”不是机关"});
}

TEST_CASE("metadata: the title's year, and whether the body reports on the same year") {
  RuleSet year = one_rule(
      "field: title\nrequire: year\nmessage: 标题“{title}”没有年度\n"
      "mismatch_message: 标题是{title_year}年，正文是{body_year}年（{title}）\n");
  CHECK(test::run(year, report()).empty());
  CHECK(test::run(year, report("某局法治政府建设情况报告")) ==
        Lines{"1:1-1:13 m warning: 标题“某局法治政府建设情况报告”没有年度"});
  // The body mentions 2024 twice and 2025 once: the body year is 2024.
  CHECK(
      test::run(year, report("某局2023年度法治政府建设情况报告")) ==
      Lines{"1:1-1:19 m warning: 标题是2023年，正文是2024年（某局2023年度法治政府建设情况报告）"});
  // A year needs four digits before 年: 202年 and 12024年 are none.
  CHECK(test::run(year, report("某局202年和12024年报告")) ==
        Lines{"1:1-1:16 m warning: 标题“某局202年和12024年报告”没有年度"});

  RuleSet no_mismatch = one_rule("field: title\nrequire: year\nmessage: 没有年度{title}\n");
  CHECK(test::run(no_mismatch, report("某局2023年度法治政府建设情况报告")).empty());
}

TEST_CASE("metadata: the form of the date, with the correct form as replacement") {
  RuleSet form = one_rule(
      "field: date\nrequire: form\nforms: [arabic]\nmessage: 日期“{date}”应写作“{expected}”\n");
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
  RuleSet two =
      one_rule("field: date\nrequire: form\nforms: [arabic, chinese]\nmessage: 日期“{date}”\n");
  CHECK(test::run(two, report("某局2024年度报告", "某县教育局\n二〇二五年二月二十四日\n")).empty());
  CHECK(test::run(two, report("某局2024年度报告", "某县教育局\n")).empty());  // no date at all
}

TEST_CASE("metadata: deadlines from the date line and from CheckOptions") {
  RuleSet deadline = one_rule(
      "field: date\nrequire: deadline\nsubmit_by: '03-01'\npublish_by: '04-01'\n"
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
  RuleSet plain = one_rule(
      "field: date\nrequire: deadline\npublish_by: '04-01'\nmessage: '{date}晚于{deadline}'\n");
  CHECK(test::run(plain, report("某局2024年度报告", "某县教育局\n2025年5月1日\n"), options) ==
        Lines{"8:1-8:10 m warning: 2025年4月1日晚于2025年4月1日"});
}

TEST_CASE("metadata: the next-year part names the year after the report year") {
  const std::string part = rule_head("next-year", "required-section") +
                           "message: 缺\npart: next-year\nname: 下一年度\nheading: {any: [安排]}\n";
  RuleSet rules = one_rule(
      "field: next-year\nrequire: mentioned\nscope: section:next-year\nany: [下一年度]\n"
      "message: 没有写明{next_year}年（报告{year}年度）\n",
      "info", part);
  CHECK(test::run(rules, report(), only_m()).empty());  // 二、2025年工作安排
  std::string vague =
      "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\n二、下一步工作安排\n继续努力。"
      "\n";
  CHECK(test::run(rules, vague, only_m()) ==
        Lines{"4:1-4:10 m info: 没有写明2025年（报告2024年度）"});
  CHECK(test::run(rules,
                  "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\n二、工作安排\n"
                  "下一年度继续努力。\n",
                  only_m())
            .empty());
  // The part missing, or no report year: nothing to say.
  CHECK(test::run(rules, "某局关于2024年度的报告\n一、主要举措\n正文。\n", only_m()).empty());
  CHECK(test::run(rules, "某局的报告\n一、举措\n正文。\n二、工作安排\n继续。\n", only_m()).empty());

  // Another scope points at its start.
  RuleSet body =
      one_rule("field: next-year\nrequire: mentioned\nscope: text\nmessage: 没有{next_year}年\n");
  CHECK(test::run(body, "某局2024年度报告\n导语。\n一、举措\n继续。\n") ==
        Lines{"2:1-2:1 m warning: 没有2025年"});
}

TEST_CASE("metadata: load errors of the kind") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("m", rule_head("m", "metadata") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(
      errors("field: author\nrequire: present\nmessage: m\n") ==
      Lines{"m/rule.yaml:5:8: 'field' must be title, signature, date or next-year, not 'author'"});
  CHECK(errors("field: title\nrequire: exists\nmessage: m\n") ==
        Lines{"m/rule.yaml:6:10: 'require' must be present, match, year, form, deadline or "
              "mentioned, not 'exists'"});
  CHECK(errors("field: date\nrequire: year\nmessage: m\n") ==
        Lines{"m/rule.yaml:6:10: 'require: year' does not apply to 'field: date'"});
  CHECK(errors("field: next-year\nrequire: present\nmessage: m\n") ==
        Lines{"m/rule.yaml:6:10: 'require: present' does not apply to 'field: next-year'"});
  CHECK(
      errors("field: date\nrequire: deadline\nsubmit_by: 3-1\npublish_by: '13-01'\nmessage: m\n") ==
      Lines{"m/rule.yaml:7:12: 'submit_by' must be a month and day as MM-DD (for example 03-01), "
            "not '3-1'",
            "m/rule.yaml:8:13: 'publish_by' must be a month and day as MM-DD (for example 03-01), "
            "not '13-01'"});
  CHECK(errors("field: date\nrequire: deadline\nmessage: m\n") ==
        Lines{"m/rule.yaml:1:1: a deadline needs 'submit_by' or 'publish_by'"});
  CHECK(errors("field: date\nrequire: form\nforms: [arabic, roman]\nmessage: '{date}{when}'\n") ==
        Lines{"m/rule.yaml:7:8: unknown date form 'roman': use arabic, arabic-padded, chinese, "
              "hyphenated, slashed or dotted",
              "m/rule.yaml:8:10: unknown placeholder {when} in 'message': this kind of rule "
              "provides {date}, {expected}"});
  CHECK(errors("field: title\nrequire: match\nmessage: m\n") ==
        Lines{"m/rule.yaml:1:1: missing required key 'any' in this rule"});
}

}  // namespace fzcheck
