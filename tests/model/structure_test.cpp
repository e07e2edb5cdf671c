#include <doctest/doctest.h>

#include "hinted_document.hpp"

#include "fzcheck/read.hpp"
#include "model/builder.hpp"

namespace fzcheck {

namespace {
Document parse(const std::string& text) {
  auto doc = parse_text(text, "t");
  REQUIRE(doc.ok());
  return std::move(*doc);
}

// "level:marker:heading" for every section, in document order.
std::vector<std::string> tree(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    out.push_back(std::to_string(s.level) + ":" + std::string(doc.str(s.marker.span)) + ":" +
                  std::string(doc.str(s.heading)));
  }
  return out;
}

using Tree = std::vector<std::string>;
}  // namespace

TEST_CASE("title: one line, two lines, none") {
  Document one =
      parse("某局关于2024年度法治政府建设情况的报告\n\n2024年，我局做了工作。\n一、主要举措");
  REQUIRE(one.title);
  CHECK(one.title->text == "某局关于2024年度法治政府建设情况的报告");
  CHECK(one.title->paragraphs == std::vector<std::uint32_t>{0});
  CHECK(one.preamble.begin == 2);

  Document two = parse("某局2024年度法治政府建设\n情况报告\n2024年，我局做了工作。\n一、主要举措");
  REQUIRE(two.title);
  CHECK(two.title->text == "某局2024年度法治政府建设情况报告");
  CHECK(two.title->paragraphs.size() == 2);

  Document none = parse(" 2024年，在区委的正确领导下，全区教育系统做了工作。\n一、主要举措");
  CHECK_FALSE(none.title);
  CHECK(none.preamble.begin == 0);

  Document heading_first = parse("一、主要举措\n正文。");
  CHECK_FALSE(heading_first.title);
}

TEST_CASE(
    "title: a second line that is a date in brackets, an addressee or a sentence is not title") {
  Document dated = parse("某局法治政府建设情况报告\n（2025年1月20日）\n正文。");
  REQUIRE(dated.title);
  CHECK(dated.title->paragraphs.size() == 1);

  Document addressed =
      parse("某局法治政府建设情况报告\n县委、县政府：\n现将有关情况报告如下。\n一、主要举措");
  REQUIRE(addressed.title);
  CHECK(addressed.title->paragraphs.size() == 1);
  REQUIRE(addressed.addressee);
  CHECK(*addressed.addressee == 1);
  CHECK(addressed.paragraphs[1].role == ParagraphRole::addressee);
  CHECK(addressed.preamble.begin == 2);
}

TEST_CASE("signature and date at the end, trailing blank lines ignored") {
  Document d = parse("标题报告\n一、举措\n正文。\n某县教育局\n2025年2月24日\n \n\n");
  REQUIRE(d.signature);
  CHECK(d.signature->text == "某县教育局");
  REQUIRE(d.date);
  CHECK(d.date->date.year == 2025);
  CHECK(d.date->form == DateForm::arabic);
  CHECK(d.paragraphs[3].role == ParagraphRole::signature);
  CHECK(d.paragraphs[4].role == ParagraphRole::date);
  CHECK(d.sections[0].end_paragraph == 3);

  Document wrong_form = parse("标题报告\n一、举措\n正文。\n某县教育局\n二〇二五年二月二十四日");
  REQUIRE(wrong_form.date);
  CHECK(wrong_form.date->form == DateForm::chinese);

  Document date_only = parse("标题报告\n一、举措\n正文。\n2025-02-24");
  CHECK_FALSE(date_only.signature);
  REQUIRE(date_only.date);
  CHECK(date_only.date->form == DateForm::hyphenated);

  Document neither = parse("标题报告\n一、举措\n正文写完了。\n \n");
  CHECK_FALSE(neither.signature);
  CHECK_FALSE(neither.date);
}

TEST_CASE("a last heading or sentence is not taken for a signature") {
  CHECK_FALSE(parse("标题报告\n一、举措\n6.进一步加强信息公开工作。").signature);
  CHECK_FALSE(parse("标题报告\n一、举措\n（三）加强队伍建设").signature);
  CHECK_FALSE(parse("标题报告\n一、举措\n我们将继续努力，做好工作").signature);
}

TEST_CASE("tree: levels come from position, forms are kept") {
  Document d =
      parse("一、甲\n（1）子一\n（2）子二\n二、乙\n（一）丙\n（二）丁\n（3）戊\n3、 己\n（一）庚");
  CHECK(tree(d) == Tree{"1:一、:甲", "2:（1）:子一", "2:（2）:子二", "1:二、:乙", "2:（一）:丙",
                        "2:（二）:丁", "2:（3）:戊", "1:3、:己", "2:（一）:庚"});
  CHECK(d.sections[1].marker.form == 4);
  CHECK(d.sections[1].parent == 0);
  CHECK(d.sections[7].marker.form == 3);
  CHECK(d.sections[7].parent == -1);
}

TEST_CASE("tree: a numbering gap stays at its level") {
  Document d = parse("一、甲\n（一）子\n二、乙\n（一）子\n（五）子\n六、丙");
  CHECK(tree(d) ==
        Tree{"1:一、:甲", "2:（一）:子", "1:二、:乙", "2:（一）:子", "2:（五）:子", "1:六、:丙"});
}

TEST_CASE("tree: half- and full-width brackets are siblings, deeper forms nest") {
  Document d = parse("一、甲\n(一)乙\n（二）丙\n1.丁\n2. 戊\n(三)己\n（1）庚\n二、辛");
  CHECK(tree(d) == Tree{"1:一、:甲", "2:(一):乙", "2:（二）:丙", "3:1.:丁", "3:2.:戊", "2:(三):己",
                        "3:（1）:庚", "1:二、:辛"});
}

TEST_CASE("tree: a reversed hierarchy nests rather than flattening") {
  Document d = parse("1.甲\n（一）乙\n（二）丙\n2.丁");
  CHECK(tree(d) == Tree{"1:1.:甲", "2:（一）:乙", "2:（二）:丙", "1:2.:丁"});
}

TEST_CASE("tree: extents, parents, children and paragraph sections") {
  Document d = parse("标题报告\n导语。\n一、甲\n正文一。\n（一）乙\n正文二。\n二、丙\n正文三。");
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].children == std::vector<std::uint32_t>{1});
  CHECK(d.sections[0].end_paragraph == 6);
  CHECK(d.sections[1].end_paragraph == 6);
  CHECK(d.sections[2].end_paragraph == 8);
  CHECK(d.str(d.sections[0].extent) == "一、甲\n正文一。\n（一）乙\n正文二。");
  CHECK(d.paragraphs[1].role == ParagraphRole::preamble);
  CHECK(d.paragraphs[1].section == -1);
  CHECK(d.paragraphs[3].section == 0);
  CHECK(d.paragraphs[5].section == 1);
  CHECK(d.paragraphs[7].section == 2);
}

TEST_CASE("run-in headings end at the first full stop") {
  Document d = parse(
      "（一）强化组织领导，健全法治建设工作网络。切实履行职责。\n（二）依法构建法治和谐校园。\n（三"
      "）无句号标题");
  REQUIRE(d.sections.size() == 3);
  CHECK(d.str(d.sections[0].heading) == "强化组织领导，健全法治建设工作网络");
  CHECK(d.sections[0].run_in);
  CHECK(d.str(d.sections[0].terminator) == "。");
  CHECK_FALSE(d.sections[1].run_in);
  CHECK(d.str(d.sections[1].terminator) == "。");
  CHECK(d.sections[2].terminator.empty());
  CHECK(d.str(d.sections[2].heading) == "无句号标题");
}

TEST_CASE("enumerations and numbers in running text are not headings") {
  Document d = parse(
      "一、甲\n一是加强队伍建设。二是完善制度。\n第一，统一思想。\n2024年，我局共开展8场次活动。\n1"
      ".5万人次参加。");
  CHECK(d.sections.size() == 1);
}

TEST_CASE("artefacts are kept as spans and do not break headings") {
  Document d = parse("[bookmark: _GoBack]一、甲\n3、 [bookmark: _GoBack]下一步工作打算");
  REQUIRE(d.artefacts.size() == 2);
  CHECK(d.str(d.artefacts[0].span) == "[bookmark: _GoBack]");
  REQUIRE(d.sections.size() == 2);
  CHECK(d.str(d.sections[1].heading) == "下一步工作打算");
  CHECK(d.sections[1].marker.spaces_after == 1);
}

TEST_CASE("outline-level hints make headings of unnumbered paragraphs") {
  Document d = test::hinted_document(
      {{"导语。", 0}, {"主要举措", 1}, {"正文。", 0}, {"组织领导", 2}, {"存在不足", 1}});
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].marker.numeral == Numeral::none);
  CHECK(d.sections[1].level == 2);
  CHECK(d.sections[2].level == 1);
  CHECK(d.str(d.sections[2].heading) == "存在不足");
}

TEST_CASE("a document of blank lines and artefacts only has no structure") {
  Document d = parse(" \n[bookmark: x]\n\t");
  CHECK_FALSE(d.title);
  CHECK(d.sections.empty());
  for (const Paragraph& p : d.paragraphs) CHECK(p.role == ParagraphRole::blank);
}

}  // namespace fzcheck

namespace fzcheck {

TEST_CASE("placement: a numbering that goes on in a style used at level 2 stays at level 2") {
  // Rule 4: （三） continues （一）（二） of the part before; it is not a child of （二）.
  Document d = parse("一、A\n（一）a\n（二）b\n二、B\n（三）c");
  CHECK(tree(d) == Tree{"1:一、:A", "2:（一）:a", "2:（二）:b", "1:二、:B", "2:（三）:c"});
  CHECK(d.sections[4].parent == 3);
}

TEST_CASE("placement: a repeated number in exactly the same style is a sibling") {
  // Rule 3: the second 二、 is a sibling of the first, not a child of （一）.
  Document d = parse("一、A\n正文。\n二、B\n（一）b\n二、C");
  CHECK(tree(d) == Tree{"1:一、:A", "1:二、:B", "2:（一）:b", "1:二、:C"});
  CHECK(d.sections[3].parent == -1);
  // The same at level 3: the repeated 2. stays with 1. and 2.
  Document deep = parse("一、A\n（一）a\n1.x\n2.y\n2.z");
  CHECK(tree(deep) == Tree{"1:一、:A", "2:（一）:a", "3:1.:x", "3:2.:y", "3:2.:z"});
  CHECK(deep.sections[4].parent == 1);
}

TEST_CASE("placement: a deeper form that does not start at one is still a child") {
  // Rule 7: （二） under 一、 with no （一） before it.
  Document d = parse("一、A\n（二）b");
  CHECK(tree(d) == Tree{"1:一、:A", "2:（二）:b"});
  CHECK(d.sections[1].parent == 0);
}

TEST_CASE("placement: a slipped form continuing its siblings' numbering is their sibling") {
  // Rule 5 (the style of sample 000): （3） after （一）（二）, 3、 after 二、; the children of the
  // slipped 3、 are placed as children of 三、 would be.
  Document d = parse("一、A\n（一）a\n（二）b\n（3）c\n二、B\n3、C\n（一）d\n1.e\n四、D");
  CHECK(tree(d) == Tree{"1:一、:A", "2:（一）:a", "2:（二）:b", "2:（3）:c", "1:二、:B", "1:3、:C",
                        "2:（一）:d", "3:1.:e", "1:四、:D"});
  CHECK(d.sections[3].parent == 0);
  CHECK(d.sections[5].parent == -1);
  CHECK(d.sections[6].parent == 5);
  CHECK(d.sections[8].parent == -1);
}

TEST_CASE("placement: the remaining rules") {
  // Rule 2: a jump forward in the same style is a sibling.
  CHECK(tree(parse("一、A\n（一）a\n（四）b")) == Tree{"1:一、:A", "2:（一）:a", "2:（四）:b"});
  // Rule 6: the same style going back with another bracket width is a sibling too.
  CHECK(tree(parse("一、A\n（一）a\n（二）b\n(一)c")) ==
        Tree{"1:一、:A", "2:（一）:a", "2:（二）:b", "2:(一):c"});
  // Rule 8: a new list in a form above all open ones is a child of the innermost.
  CHECK(tree(parse("1.A\n（一）a")) == Tree{"1:1.:A", "2:（一）:a"});
  // Rule 9: otherwise top level.
  CHECK(tree(parse("1.A\n（二）a")) == Tree{"1:1.:A", "1:（二）:a"});
}

TEST_CASE("note: a bracketed line after the date is the 附注, date and signature are still found") {
  Document d = parse("标题报告\n一、举措\n正文。\n某县教育局\n2025年2月24日\n\n（此件公开发布）\n");
  REQUIRE(d.note);
  CHECK(*d.note == 6);
  CHECK(d.paragraphs[6].role == ParagraphRole::note);
  REQUIRE(d.date);
  CHECK(d.date->paragraph == 4);
  CHECK(d.paragraphs[4].role == ParagraphRole::date);
  REQUIRE(d.signature);
  CHECK(d.signature->text == "某县教育局");
  CHECK(d.sections[0].end_paragraph == 3);
  // Half-width brackets too; right after the date.
  Document half = parse("标题报告\n一、举措\n正文。\n某县教育局\n2025年2月24日\n(此件公开发布)");
  REQUIRE(half.note);
  CHECK(*half.note == 5);
  REQUIRE(half.date);
  REQUIRE(half.signature);
}

TEST_CASE("note: what is not a 附注") {
  // A last heading in brackets.
  Document heading = parse("标题报告\n一、举措\n（三）加强队伍建设");
  CHECK_FALSE(heading.note);
  CHECK(heading.sections.size() == 2);
  // A bracketed line that is not after a date is body text.
  Document body = parse("标题报告\n一、举措\n正文。\n（以上数据截至2024年底，单位为万元）");
  CHECK_FALSE(body.note);
  CHECK(body.paragraphs[3].role == ParagraphRole::body);
  // Too short, too long, or not closed.
  CHECK_FALSE(parse("标题报告\n一、举措\n某局\n2025年2月24日\n（）").note);
  CHECK_FALSE(parse("标题报告\n一、举措\n某局\n2025年2月24日\n（此件公开发布").note);
  std::string long_note = "（";
  for (int i = 0; i < 80; ++i) long_note += "注";
  CHECK_FALSE(parse("标题报告\n一、举措\n某局\n2025年2月24日\n" + long_note + "）").note);
}

TEST_CASE("frame: a 发文字号 below or above the title, then the 主送 line") {
  Document below = parse(
      "国务院关于在市场监管领域全面推行\n部门联合监管的意见\n国发〔2019〕5号\n"
      "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n导语。\n一、总体要求\n");
  REQUIRE(below.title);
  CHECK(below.title->text == "国务院关于在市场监管领域全面推行部门联合监管的意见");
  REQUIRE(below.doc_number);
  CHECK(*below.doc_number == 2);
  CHECK(below.paragraphs[2].role == ParagraphRole::doc_number);
  REQUIRE(below.addressee);
  CHECK(*below.addressee == 3);
  CHECK(below.preamble.begin == 4);

  Document above =
      parse("浙卫〔2024〕3号\n浙江省卫生健康委关于2023年度法治政府建设情况的报告\n正文。\n");
  REQUIRE(above.doc_number);
  CHECK(*above.doc_number == 0);
  REQUIRE(above.title);
  CHECK(above.title->paragraphs == std::vector<std::uint32_t>{1});

  // Written with the wrong brackets, it is still a number, not a second title line.
  Document wrong = parse("某局关于2023年度法治建设情况的报告\n某发[2024]3号\n正文。\n");
  REQUIRE(wrong.title);
  CHECK(wrong.title->paragraphs.size() == 1);
  CHECK(wrong.doc_number == 1u);
}

TEST_CASE("frame: a sentence ending with a colon is not a 主送 line") {
  Document doc = parse(
      "平潭综合实验区社会事业局2022年法治工作情况报告\n"
      "根据《平潭综合实验区2022年法治政府建设工作要点》要求，现将有关情况总结如下：\n"
      "一、工作开展情况\n");
  CHECK_FALSE(doc.addressee);
  CHECK(doc.preamble.begin == 1);
}

TEST_CASE("frame: a title continued after one blank line, unless it is the signing organ") {
  Document split = parse("某局2024年度法治政府建设\n\n情况报告\n2024年，我局做了工作。\n");
  REQUIRE(split.title);
  CHECK(split.title->text == "某局2024年度法治政府建设情况报告");
  CHECK(split.title->paragraphs == std::vector<std::uint32_t>{0, 2});

  Document organ = parse(
      "关于2024年度法治政府建设情况的报告\n\n某县教育局\n\n正文写在这里。\n某县教育局\n2025年1月6日"
      "\n");
  REQUIRE(organ.title);
  CHECK(organ.title->paragraphs == std::vector<std::uint32_t>{0});
}

TEST_CASE("frame: signature and date on one line, glued or spaced") {
  Document glued = parse("标题报告\n正文。\n平潭综合实验区公安局2022年1月7日\n");
  REQUIRE(glued.signature);
  CHECK(glued.signature->text == "平潭综合实验区公安局");
  CHECK(glued.str(glued.signature->span) == "平潭综合实验区公安局");
  REQUIRE(glued.date);
  CHECK(glued.date->paragraph == 2);
  CHECK(glued.str(glued.date->span) == "2022年1月7日");

  Document spaced = parse("标题报告\n正文。\n平潭综合实验区社会事业局\u30002026年1月23日\n");
  REQUIRE(spaced.signature);
  CHECK(spaced.signature->text == "平潭综合实验区社会事业局");
  REQUIRE(spaced.date);
  CHECK(spaced.date->date.day == 23);

  // A sentence that ends with a date is neither.
  Document sentence = parse("标题报告\n正文。\n数据统计截至2022年1月7日。\n");
  CHECK_FALSE(sentence.date);
}

TEST_CASE("frame: padding around the signature is not part of it") {
  Document doc = parse("标题报告\n正文。\n国务院\u00a0\u00a0 \u00a0\n2019年1月27日 \u00a0 \n");
  REQUIRE(doc.signature);
  CHECK(doc.str(doc.signature->span) == "国务院");
  REQUIRE(doc.date);
  CHECK(doc.str(doc.date->span) == "2019年1月27日");
}

TEST_CASE("frame: 版记 lines and attachments after the date do not hide it") {
  Document imprint = parse(
      "标题报告\n一、工作\n正文。\n某片区管理局\n2023年1月9日\n抄送：某局纪检监察组。\n"
      "某片区管理局党政办公室 2023年1月9日印\n");
  REQUIRE(imprint.signature);
  CHECK(imprint.signature->text == "某片区管理局");
  REQUIRE(imprint.date);
  CHECK(imprint.date->paragraph == 4);
  CHECK(imprint.paragraphs[5].role == ParagraphRole::imprint);
  CHECK(imprint.paragraphs[6].role == ParagraphRole::imprint);

  Document annex = parse(
      "标题报告\n一、工作\n正文。\n二、安排\n正文。\n某局\n2025年1月6日\n附件1\n十件实事\n"
      "一、第一件\n二、第二件\n");
  REQUIRE(annex.date);
  CHECK(annex.date->paragraph == 6);
  CHECK(annex.annex.begin == 7);
  CHECK(annex.annex.end == 11);
  CHECK(tree(annex) == Tree{"1:一、:工作", "1:二、:安排"});
  CHECK(annex.paragraphs[9].role == ParagraphRole::annex);

  // Right after the date, a line starting with 附件 begins the attachments, whatever follows.
  Document listed =
      parse("标题报告\n一、工作\n正文。\n某局\n2025年1月6日\n附件：1.某某名单\n2.某某表\n");
  REQUIRE(listed.date);
  CHECK(listed.date->paragraph == 4);
  CHECK(listed.annex.begin == 5);
  // 附件： followed by a numbered list is the 附件说明 of the body.
  Document note = parse("标题报告\n正文。\n附件：\n1.某某名单\n某局\n2025年1月6日\n");
  CHECK(note.annex.empty());
  REQUIRE(note.signature);
}

TEST_CASE("frame: rows of a plain-text table are never headings") {
  Document doc = parse(
      "标题报告\n一、总体情况\n正文。\n[表格]\n信息内容\t本年制发件数\n一、本年新收申请数量\t5\n"
      "（一）予以公开\t1\n[/表格]\n二、其他\n三、本年度办理结果\t（一）予以公开\t1\t0\n四、后记\n");
  CHECK(tree(doc) == Tree{"1:一、:总体情况", "1:二、:其他", "1:四、:后记"});
  CHECK(doc.paragraphs[3].role == ParagraphRole::table);
  CHECK(doc.paragraphs[6].role == ParagraphRole::table);
  CHECK(doc.paragraphs[9].role == ParagraphRole::table);
  // A TAB right after a section number is how Word list numbering is often copied.
  Document tabbed = parse("一、\t总体要求\n正文。\n");
  CHECK(tree(tabbed) == Tree{"1:一、:总体要求"});
}

}  // namespace fzcheck
