// kind: copied-passage — one long passage in two parts of a report: the threshold, whitespace,
// the units compared, and time linear in the document.
#include <doctest/doctest.h>

#include <chrono>

#include "model/builder.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet copied_rules(int min_length = 10) {
  RulePack pack;
  pack.rule("copy", rule_head("copy", "copied-passage") +
                        "min_length: " + std::to_string(min_length) +
                        "\nmessage: '{length}字与“{other}”（第{other_line}行）相同，在“{unit}”'\n");
  return pack.rules();
}

// Ten distinct characters, and the first nine of them.
const std::string kTen = "甲乙丙丁戊己庚辛壬癸";
const std::string kNine = "甲乙丙丁戊己庚辛壬";

// A Han character for each value, for long texts without repeats.
std::string han(std::uint32_t value) {
  std::string out;
  std::uint32_t c = 0x4E00 + value % 0x5000;
  out += static_cast<char>(0xE0 | (c >> 12));
  out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (c & 0x3F));
  return out;
}

}  // namespace

TEST_CASE("copied-passage: exactly min_length is reported, one less is not") {
  std::string doc = "标题报告\n前言" + kTen + "。\n一、主要举措\n无关的内容。\n二、存在问题\n后来" +
                    kTen + "！\n";
  Report r = check(test::parse(doc), copied_rules());
  CHECK(test::show(r) ==
        Lines{"6:3-6:13 copy warning: "
              "10字与“前言甲乙丙丁戊己庚辛壬癸。”（第2行）相同，在“二、存在问题”"});
  REQUIRE(r.findings.size() == 1);
  CHECK_FALSE(r.findings[0].replacement);
  CHECK(r.findings[0].excerpt == kTen);

  std::string nine = "标题报告\n前言" + kNine + "。\n一、主要举措\n后来" + kNine + "！\n";
  CHECK(test::run(copied_rules(), nine).empty());
  CHECK(test::run(copied_rules(11), doc).empty());
}

// A reader let a byte that is not UTF-8 into the text (the .docx reader refuses it now): a copy
// that ended with it was reported with a span past the end of the text.
TEST_CASE("copied-passage: a span ends inside the text even after a byte that is not UTF-8") {
  detail::DocumentBuilder b("t.docx", InputFormat::docx, "UTF-8");
  std::uint32_t line = 0;
  for (const std::string& text :
       {std::string("标题报告"), std::string("一、主要举措"), "前言" + kTen + "\xFF",
        std::string("二、存在问题"), "后来，" + kTen + "\xFF"}) {  // ， : not a signature
    b.begin_paragraph({++line, 1});
    b.append(text);
    b.end_paragraph();
  }
  Document doc = std::move(b).finish();
  Report r = check(doc, copied_rules());  // the test suite's sink throws on a span outside
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].begin_offset == doc.text.size() - kTen.size() - 1);
  CHECK(r.findings[0].end_offset == doc.text.size());
  CHECK(r.findings[0].excerpt == kTen + "\xFF");
}

TEST_CASE("copied-passage: whitespace and line breaks inside the copy are ignored") {
  std::string doc = "标题报告\n一、主要举措\n前言" + kTen +
                    "。\n二、存在问题\n后来甲乙 丙丁\u3000戊\n己庚辛壬癸！\n";
  CHECK(test::run(copied_rules(), doc) ==
        Lines{"5:3-6:6 copy warning: 10字与“一、主要举措”（第3行）相同，在“二、存在问题”"});
}

TEST_CASE("copied-passage: units are the preamble and the level-one sections") {
  // Twice in one part (here in two of its sub-sections): not a copy between parts.
  std::string same = "标题报告\n一、主要举措\n（一）甲\n前言" + kTen + "。\n（二）乙\n后来" + kTen +
                     "！\n二、存在问题\n无关。\n";
  CHECK(test::run(copied_rules(), same).empty());
  // The same in sub-sections of two parts is a copy between the parts.
  std::string across = "标题报告\n一、主要举措\n（一）甲\n前言" + kTen +
                       "。\n二、存在问题\n（一）乙\n后来" + kTen + "！\n";
  CHECK(test::run(copied_rules(), across) ==
        Lines{"7:3-7:13 copy warning: 10字与“一、主要举措”（第4行）相同，在“二、存在问题”"});
  // A long preamble is named by its first fourteen characters.
  std::string preamble =
      "标题报告\n这是一段很长很长的导语文字，" + kTen + "。\n一、主要举措\n后来" + kTen + "！\n";
  CHECK(test::run(copied_rules(), preamble) ==
        Lines{"4:3-4:13 copy warning: "
              "10字与“这是一段很长很长的导语文字，…”（第2行）相同，在“一、主要举措”"});
}

TEST_CASE("copied-passage: the whole common run is one finding, its length counted") {
  std::string passage;
  for (std::uint32_t i = 0; i < 60; ++i) passage += han(i * 7 + 3);
  std::string doc = "标题报告\n一、主要举措\n" + passage + "。\n二、存在问题\n" + passage + "！\n";
  Report r = check(test::parse(doc), copied_rules(50));
  CHECK(test::show(r) ==
        Lines{"5:1-5:61 copy warning: 60字与“一、主要举措”（第3行）相同，在“二、存在问题”"});
}

TEST_CASE("copied-passage: findings do not overlap when the source repeats a part of the copy") {
  // The preamble holds P, then the end of P again right before Q; the part holds P and Q. Q's
  // match reaches back over the end of P, which was already found with P: the two runs meet and
  // are one copied passage, reported once.
  std::string p = kTen;
  std::string q = "子丑寅卯辰巳午未申酉";
  std::string doc = "标题报告\n" + p + "。己庚辛壬癸" + q + "。\n一、乙\n" + p + q + "。\n";
  CHECK(
      test::run(copied_rules(), doc) ==
      Lines{
          "4:1-4:22 copy warning: 21字与“甲乙丙丁戊己庚辛壬癸。己庚辛…”（第2行）相同，在“一、乙”"});
}

TEST_CASE("copied-passage: a copy with a few characters changed in the middle is one passage") {
  std::string a = kTen + kTen + "子丑寅卯辰巳午未申酉" + kTen;
  std::string b = kTen + kTen + "子丑寅卯变化未申酉" + kTen;
  std::string doc = "标题报告\n一、主要举措\n" + a + "。\n二、存在问题\n" + b + "。\n";
  CHECK(test::run(copied_rules(), doc) ==
        Lines{"5:1-5:41 copy warning: 40字与“一、主要举措”（第3行）相同，在“二、存在问题”"});
  // Far apart, the runs are two passages.
  std::string far = kTen + kTen + "变化变化变化变化变化" + kTen + kTen;
  std::string doc2 = "标题报告\n一、主要举措\n" + kTen + kTen +
                     "子丑寅卯辰巳午未申酉子丑寅卯辰巳午未申酉" + kTen + kTen +
                     "。\n二、存在问题\n" + far + "。\n";
  CHECK(test::run(copied_rules(), doc2).size() == 2);
}

TEST_CASE(
    "copied-passage: linear in the document (2 MB of repeated parts in well under a second)") {
  using Clock = std::chrono::steady_clock;
  RuleSet rules = copied_rules(50);
  // Twenty parts with the same 35,000 characters: each later part copies every earlier one.
  std::string body;
  for (std::uint32_t i = 0; i < 35000; ++i) body += han(i * 2654435761u >> 7);
  std::string doc = "标题报告\n";
  for (int part = 1; part <= 20; ++part)
    doc += std::to_string(part) + ".第" + std::to_string(part) + "部分\n" + body + "\n";
  REQUIRE(doc.size() > 2'000'000);
  Document parsed = test::parse(doc);
  auto start = Clock::now();
  Report r = check(parsed, rules);
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  CHECK(r.findings.size() == 19);
  CHECK(seconds < 1.0);

  // Two parts of one short phrase repeated over and over: every window occurs thousands of times.
  std::string phrase = "推进法治政府建设，";
  std::string periodic;
  while (periodic.size() < 1'000'000) periodic += phrase;
  std::string doc2 = "标题报告\n一、甲\n" + periodic + "\n二、乙\n" + periodic + "\n";
  Document parsed2 = test::parse(doc2);
  start = Clock::now();
  Report r2 = check(parsed2, rules);
  seconds = std::chrono::duration<double>(Clock::now() - start).count();
  // The copy is found from its start; a periodic text has many alignments, and the indexed window
  // first found leaves the last 72 characters, which are reported on their own.
  CHECK(test::show(r2) ==
        Lines{"5:1-5:333271 copy warning: 333270字与“一、甲”（第3行）相同，在“二、乙”",
              "5:333271-5:333343 copy warning: 72字与“一、甲”（第3行）相同，在“二、乙”"});
  CHECK(seconds < 1.0);

  // The worst case for the index: one character over and over, so that every window of the first
  // part is the same. Looking each place up and extending it would take seconds.
  std::string same;
  for (int i = 0; i < 340'000; ++i) same += "法";
  Document parsed3 = test::parse("标题报告\n一、甲\n" + same + "\n二、乙\n" + same + "\n");
  start = Clock::now();
  Report r3 = check(parsed3, rules);
  seconds = std::chrono::duration<double>(Clock::now() - start).count();
  // The place found in the first part is its first indexed window, 22 characters into the run:
  // the copy found is 22 characters short, and the rest is shorter than a window.
  CHECK(test::show(r3) ==
        Lines{"5:1-5:339979 copy warning: 339978字与“一、甲”（第3行）相同，在“二、乙”"});
  CHECK(seconds < 1.0);
}

TEST_CASE("copied-passage: at most 100 findings a document") {
  std::string doc = "标题报告\n";
  for (int part = 1; part <= 110; ++part)
    doc += std::to_string(part) + ".部分\n" + han(part) + kTen + han(part + 500) + "\n";
  Report r = check(test::parse(doc), copied_rules());
  REQUIRE(r.findings.size() == 100);
  CHECK(test::show(r.findings.front()) ==
        "5:2-5:12 copy warning: 10字与“1.部分”（第3行）相同，在“2.部分”");
  CHECK(test::at(r.findings.back().begin) == "203:2");
}

TEST_CASE("copied-passage: table rows are not compared, the prose around them is") {
  // Two tables whose rows repeat the same labels in two parts: no finding.
  const std::string rows = "[表格]\n" + kTen + "\t0\t0\n" + kTen + "\t1\t0\n[/表格]\n";
  std::string doc = "标题报告\n一、主要举措\n" + rows + "二、存在问题\n" + rows;
  CHECK(check(test::parse(doc), copied_rules()).findings.empty());
  // Rows written with TABs only, outside a [表格] block, are table rows too.
  std::string tabs = "标题报告\n一、甲\n" + kTen + "\t1\t2\n二、乙\n" + kTen + "\t1\t2\n";
  CHECK(check(test::parse(tabs), copied_rules()).findings.empty());
  // Prose after a table is still compared.
  std::string prose =
      "标题报告\n一、主要举措\n" + rows + "前言" + kTen + "。\n二、存在问题\n后来" + kTen + "！\n";
  CHECK(test::show(check(test::parse(prose), copied_rules())) ==
        Lines{"9:3-9:13 copy warning: 10字与“一、主要举措”（第7行）相同，在“二、存在问题”"});
}

TEST_CASE("copied-passage: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("copy", rule_head("copy", "copied-passage") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(
      errors("min_length: 9\nmessage: m\n") ==
      Lines{"copy/rule.yaml:5:13: 'min_length' must be a whole number from 10 to 10000, not '9'"});
  CHECK(errors("min_length: 10001\nmessage: m\n") ==
        Lines{"copy/rule.yaml:5:13: 'min_length' must be a whole number from 10 to 10000, not "
              "'10001'"});
  CHECK(errors("message: '{length}{line}'\n") ==
        Lines{"copy/rule.yaml:5:10: unknown placeholder {line} in 'message': this kind of rule "
              "provides {length}, {other}, {other_line}, {unit}"});
}

}  // namespace fzcheck
