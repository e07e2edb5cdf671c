// kind: halfwidth-punctuation — ASCII , ; : ( ) ! ? next to Chinese text get the full-width mark;
// numbers, times, web addresses, Latin text, section numbers and converter tags are left alone.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet halfwidth_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("hw", rule_head("hw", "halfwidth-punctuation") + more +
                      "message: “{found}”应为“{expected}”\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("halfwidth-punctuation: every default mark, with the full-width one as replacement") {
  CHECK(test::run(halfwidth_rules(), "标题报告\n一、工作\n培训,会议;时间:地点(会场)好!行?\n") ==
        Lines{"3:3-3:4 hw warning: “,”应为“，” => ，", "3:6-3:7 hw warning: “;”应为“；” => ；",
              "3:9-3:10 hw warning: “:”应为“：” => ：",
              "3:12-3:16 hw warning: “(会场)”应为“（会场）” => （会场）",
              "3:17-3:18 hw warning: “!”应为“！” => ！",
              "3:19-3:20 hw warning: “?”应为“？” => ？"});
}

TEST_CASE("halfwidth-punctuation: a bracket pair is one finding, a lone bracket is one too") {
  CHECK(test::run(halfwidth_rules(), "标题报告\n一、工作\n全县学校(幼儿园)和园所(含民办\n") ==
        Lines{"3:5-3:10 hw warning: “(幼儿园)”应为“（幼儿园）” => （幼儿园）",
              "3:13-3:14 hw warning: “(”应为“（” => （"});
  // A full-width bracket inside ends the search: the ASCII one closes nothing of ours.
  CHECK(test::run(halfwidth_rules(), "标题报告\n一、工作\n学校(含（民办）园所)\n").size() == 2);
}

TEST_CASE("halfwidth-punctuation: a Chinese neighbour on one side is enough, spaces skipped") {
  CHECK(test::run(halfwidth_rules(), "标题报告\n一、工作\n共3次, 会议\n见附件(PDF)\nA , 乙\n") ==
        Lines{"3:4-3:5 hw warning: “,”应为“，” => ，",
              "4:4-4:9 hw warning: “(PDF)”应为“（PDF）” => （PDF）",
              "5:3-5:4 hw warning: “,”应为“，” => ，"});
}

TEST_CASE("halfwidth-punctuation: no replacement where the full-width form is not certain") {
  RuleSet rules = halfwidth_rules("no_fix_before: ['^[一二三]是']\n");
  CHECK(test::run(rules, "标题报告\n一、工作\n提升能力:二是加强培训，时间:三月\n") ==
        Lines{"3:5-3:6 hw warning: “:”应为“：”", "3:15-3:16 hw warning: “:”应为“：” => ："});
}

TEST_CASE("halfwidth-punctuation: numbers, times, addresses and Latin text are not Chinese text") {
  RuleSet rules = halfwidth_rules();
  CHECK(test::run(rules, "标题报告\n一、工作\n共计1,000元，上午8:30开会，比分3:2。\n").empty());
  CHECK(test::run(rules,
                  "标题报告\n一、工作\n详见http://www.gov.cn/a?b=1,2;c:d(e)!查看\n"
                  "网址https://x.cn:8080/p?q=(1)。\n访问www.example.com/a,b即可\n")
            .empty());
  CHECK(test::run(rules, "标题报告\n一、工作\n英文Hello, world (test)! Yes? OK: fine; end。\n")
            .empty());
  // The ASCII mark right after an address is still in it: an address runs to a space or a Chinese
  // character.
  CHECK(test::run(rules, "标题报告\n一、工作\n见www.gov.cn,后\n见www.gov.cn ,后\n") ==
        Lines{"4:13-4:14 hw warning: “,”应为“，” => ，"});
}

TEST_CASE("halfwidth-punctuation: section numbers and converter tags are skipped") {
  CHECK(
      test::run(halfwidth_rules(), "标题报告\n一、工作\n(一)组织领导\n1)甲\n甲[bookmark:书签]乙\n")
          .empty());
  // Neighbours come from the same line only.
  CHECK(test::run(halfwidth_rules(), "标题报告\n一、工作\n甲\n,x\nx,\n乙\n").empty());
}

TEST_CASE("halfwidth-punctuation: table rows are skipped, the text around them is not") {
  CHECK(test::run(halfwidth_rules(),
                  "标题报告\n一、工作\n[表格]\n收费金额(单位:万元)\t0\n[/表格]\n"
                  "收费金额(单位:万元)\t0\n说明,如下\n") ==
        Lines{"7:3-7:4 hw warning: “,”应为“，” => ，"});
}

TEST_CASE("halfwidth-punctuation: characters limits the marks, scope limits the text") {
  CHECK(test::run(halfwidth_rules("characters: ',!'\n"), "标题报告\n一、工作\n甲,乙;丙!丁?\n") ==
        Lines{"3:2-3:3 hw warning: “,”应为“，” => ，", "3:6-3:7 hw warning: “!”应为“！” => ！"});
  CHECK(test::run(halfwidth_rules("characters: '\"'\n"), "标题报告\n一、工作\n他说\"好\"。\n") ==
        Lines{"3:3-3:4 hw warning: “\"”应为“＂” => ＂", "3:5-3:6 hw warning: “\"”应为“＂” => ＂"});
  CHECK(test::run(halfwidth_rules("scope: title\n"), "标题(草案)报告\n一、工作\n甲,乙\n") ==
        Lines{"1:3-1:7 hw warning: “(草案)”应为“（草案）” => （草案）"});
}

TEST_CASE("halfwidth-punctuation: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("hw", rule_head("hw", "halfwidth-punctuation") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("characters: '，'\nmessage: m\n") ==
        Lines{"hw/rule.yaml:5:13: 'characters' must be printable ASCII punctuation, such as "
              "',;:()!?'"});
  CHECK(errors("characters: ', '\nmessage: m\n") ==
        Lines{"hw/rule.yaml:5:13: 'characters' must be printable ASCII punctuation, such as "
              "',;:()!?'"});
  CHECK(errors("characters: [',']\nmessage: m\n") ==
        Lines{"hw/rule.yaml:5:13: 'characters' must be a single value (text), not a list"});
  CHECK(errors("message: '{found}{mark}'\n") ==
        Lines{"hw/rule.yaml:5:10: unknown placeholder {mark} in 'message': this kind of rule "
              "provides {expected}, {found}"});
}

}  // namespace fzcheck
