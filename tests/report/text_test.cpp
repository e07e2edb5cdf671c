// Compiler-style text output: the finding line, the source line with the span underlined (CJK
// characters two columns wide), the suggestion and the basis; and the one-line format.
#include <doctest/doctest.h>

#include <sstream>

#include "fzcheck/report.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

RuleSet rules() {
  RulePack pack;
  pack.rule("words",
            rule_head("words", "pattern", "error") +
                "message: 不要写“{match}”\nscope: document\n"
                "terms: [法制教育, {find: 法制副校长, replace: 法治副校长}, 'ab\tc', 甲乙]\n")
      .rule("sig", rule_head("sig", "element-present") + "element: signature\nmessage: 没有落款\n");
  return pack.rules();
}

std::string text(const std::string& doc_text, const TextOptions& options = {}) {
  Document doc = test::parse(doc_text, "t.txt");
  Report report = check(doc, rules());
  std::ostringstream out;
  write_text(out, report, doc, options);
  return out.str();
}

}  // namespace

TEST_CASE("text: findings with underlines, suggestion and basis") {
  CHECK(text("某局2024年度法治政府建设情况报告\n一、工作\n开展法制教育，聘请法制副校长。\n") ==
        "t.txt:3:3: 错误: 不要写“法制教育” [words]\n"
        "     3 | 开展法制教育，聘请法制副校长。\n"
        "       |     ^~~~~~~~\n"
        "       = 依据：依据words\n"
        "t.txt:3:10: 错误: 不要写“法制副校长” [words]\n"
        "     3 | 开展法制教育，聘请法制副校长。\n"
        "       |                   ^~~~~~~~~~\n"
        "       = 建议改为：“法治副校长”\n"
        "       = 依据：依据words\n"
        "t.txt:3:16: 警告: 没有落款 [sig]\n"
        "     3 | 开展法制教育，聘请法制副校长。\n"
        "       |                               ^\n"
        "       = 依据：依据sig\n");
}

TEST_CASE("text: ASCII is one column, a tab shows as a space, long lines are cut") {
  CHECK(text("某局报告\n一、工作\nx ab\tc 甲乙。\n某局\n") ==
        "t.txt:3:3: 错误: 不要写“ab\tc” [words]\n"
        "     3 | x ab c 甲乙。\n"
        "       |   ^~~~\n"
        "       = 依据：依据words\n"
        "t.txt:3:8: 错误: 不要写“甲乙” [words]\n"
        "     3 | x ab c 甲乙。\n"
        "       |        ^~~~\n"
        "       = 依据：依据words\n");
  // 25 characters before the finding and 25 after: 20 of each are shown, with ellipses.
  const std::string before = "一二三四五六七八九十一二三四五六七八九十一二三四五";
  CHECK(text("某局报告\n一、工作\n" + before + "甲乙" + before + "\n某局\n") ==
        "t.txt:3:26: 错误: 不要写“甲乙” [words]\n"
        "     3 | …六七八九十一二三四五六七八九十一二三四五甲乙一二三四五六七八九十一二三四五六七八"
        "九十…\n"
        "       |  " +
            std::string(40, ' ') +
            "^~~~\n"
            "       = 依据：依据words\n");
}

TEST_CASE("text: an underline stops after 40 code points") {
  RulePack pack;
  pack.rule("long", rule_head("long", "pattern") +
                        "message: 太长\nscope: document\npatterns: ['甲{45}']\n");
  std::string line;
  for (int i = 0; i < 45; ++i) line += "甲";
  Document doc = test::parse("某局报告\n一、工作\n" + line + "\n某局\n", "t.txt");
  Report report = check(doc, pack.rules());
  std::ostringstream out;
  write_text(out, report, doc);
  std::string shown;
  for (int i = 0; i < 45; ++i) shown += "甲";
  CHECK(out.str() ==
        "t.txt:3:1: 警告: 太长 [long]\n"
        "     3 | " +
            shown +
            "\n"
            "       | ^" +
            std::string(79, '~') +
            "\n"
            "       = 依据：依据long\n");
}

TEST_CASE("text: options for context, source, colour and language") {
  const std::string doc = "某局报告\n一、工作\n聘请法制副校长。\n某局\n";
  TextOptions bare;
  bare.show_context = false;
  bare.show_source = false;
  CHECK(text(doc, bare) ==
        "t.txt:3:3: 错误: 不要写“法制副校长” [words]\n"
        "       = 建议改为：“法治副校长”\n");
  // --brief: neither the suggestion nor the basis.
  TextOptions brief = bare;
  brief.show_suggestion = false;
  CHECK(text(doc, brief) == "t.txt:3:3: 错误: 不要写“法制副校长” [words]\n");
  TextOptions english;
  english.language = "en";
  english.show_context = false;
  CHECK(text(doc, english) ==
        "t.txt:3:3: error: 不要写“法制副校长” [words]\n"
        "       = suggestion: \"法治副校长\"\n"
        "       = basis: 依据words\n");
  TextOptions colour;
  colour.color = true;
  colour.show_source = false;
  CHECK(text(doc, colour) ==
        "\x1b[1mt.txt:3:3:\x1b[0m \x1b[1;31m错误:\x1b[0m 不要写“法制副校长” [words]\n"
        "     3 | 聘请法制副校长。\n"
        "       | \x1b[32m    ^~~~~~~~~~\x1b[0m\n"
        "       = 建议改为：“法治副校长”\n");
  // An unknown language falls back to zh-CN.
  TextOptions unknown;
  unknown.language = "fr";
  unknown.show_context = false;
  unknown.show_source = false;
  CHECK(text(doc, unknown) ==
        "t.txt:3:3: 错误: 不要写“法制副校长” [words]\n"
        "       = 建议改为：“法治副校长”\n");
}

TEST_CASE("text: no findings, no output") {
  CHECK(text("某局报告\n一、工作\n正文。\n某局\n") == "");
}

TEST_CASE("text: findings without a position show only the file name") {
  Document doc = test::parse("甲\n", "t.txt");
  Report report;
  report.file = "t.txt";
  Finding f;
  f.rule_id = "whole";
  f.severity = Severity::info;
  f.message = "关于整个文件";
  report.findings.push_back(f);
  std::ostringstream out;
  write_text(out, report, doc);
  CHECK(out.str() == "t.txt: 提示: 关于整个文件 [whole]\n");
}

TEST_CASE("line: file:line:col:rule:severity, one finding a line") {
  Document doc = test::parse("某局报告\n一、工作\n开展法制教育，聘请法制副校长。\n", "dir/t.txt");
  Report report = check(doc, rules());
  std::ostringstream out;
  write_line(out, report);
  CHECK(out.str() ==
        "dir/t.txt:3:3:words:error\n"
        "dir/t.txt:3:10:words:error\n"
        "dir/t.txt:3:16:sig:warning\n");
  std::ostringstream none;
  write_line(none, Report{});
  CHECK(none.str() == "");
}

TEST_CASE("text: a .docx finding is placed by paragraph and heading, not by line") {
  Document doc = test::parse("某局报告\n一、工作\n聘请法制副校长。\n某局\n", "t.docx");
  doc.format = InputFormat::docx;
  Report report = check(doc, rules());
  TextOptions bare;
  bare.show_context = false;
  bare.show_source = bare.show_suggestion = false;
  std::ostringstream zh;
  write_text(zh, report, doc, bare);
  CHECK(zh.str() == "t.docx:第3段（“一、工作”下）: 错误: 不要写“法制副校长” [words]\n");
  bare.language = "en";
  std::ostringstream en;
  write_text(en, report, doc, bare);
  CHECK(en.str() == "t.docx:paragraph 3 (under \"一、工作\"): error: 不要写“法制副校长” [words]\n");
}

}  // namespace fzcheck
