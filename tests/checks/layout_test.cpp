// kind: layout — fonts, sizes and page geometry of .docx files (built here in memory: w:rFonts
// w:eastAsia, w:sz in half-points, w:pgSz / w:pgMar in twips); plain text is never judged.
#include <doctest/doctest.h>

#include "readers/zip_writer.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

struct Face {
  std::string font;
  double size_pt;
};

std::string run(const std::string& text, const Face& face) {
  return "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"" + face.font +
         "\"/><w:sz w:val=\"" + std::to_string(static_cast<int>(face.size_pt * 2)) +
         "\"/></w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string para(const std::string& text, const Face& face) {
  return "<w:p>" + run(text, face) + "</w:p>";
}

// Page size and margins in twips (1440 a inch): A4 with GB/T 9704 margins unless told otherwise.
struct Page {
  int width = 11906, height = 16838, top = 2098, bottom = 1984, left = 1587, right = 1474;
  std::string xml() const {
    return "<w:sectPr><w:pgSz w:w=\"" + std::to_string(width) + "\" w:h=\"" +
           std::to_string(height) + "\"/><w:pgMar w:top=\"" + std::to_string(top) +
           "\" w:bottom=\"" + std::to_string(bottom) + "\" w:left=\"" + std::to_string(left) +
           "\" w:right=\"" + std::to_string(right) + "\" w:header=\"851\" w:footer=\"992\"/>" +
           "</w:sectPr>";
  }
};

const Face kTitle{"方正小标宋简体", 22};
const Face kBody{"仿宋_GB2312", 16};
const Face kHeading1{"黑体", 16};
const Face kHeading2{"楷体_GB2312", 16};

// A short report: title, preamble, 一、 with （一） and body, 二、 with body.
struct Report_ {
  Face title = kTitle, preamble = kBody, body1 = kBody, body2 = kBody, body3 = kBody,
       heading1 = kHeading1, heading2 = kHeading2;
  std::string sections = Page().xml();
  std::string docx() const {
    return test::make_docx(
        para("云溪县教育局关于2024年度法治政府建设情况的报告", title) +
        para("2024年，我局扎实推进法治政府建设，现将有关情况报告如下。", preamble) +
        para("一、主要举措和成效", heading1) + para("（一）加强组织领导", heading2) +
        para("局党组专题研究法治政府建设工作4次。", body1) +
        para("二、存在的不足和原因", heading1) + para("执法队伍力量不足，培训不够。", body2) +
        para("下一步将加强培训。", body3) + sections);
  }
};

Document read(const std::string& docx) {
  auto doc = read_bytes(docx, "t.docx");
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return std::move(doc).value();
}

RuleSet layout_rule(const std::string& keys) {
  RulePack pack;
  pack.rule("lay", rule_head("lay", "layout") + keys);
  return pack.rules();
}

const std::string kBodyRule =
    "target: body\nfonts: [仿宋, FangSong]\nsize_pt: 16\ntolerance_pt: 0.5\n"
    "message: 正文{count}段用“{font}”{size}磅\n";

const std::string kPageRule =
    "target: page\n"
    "page: {width_mm: 210, height_mm: 297, top_mm: 37, bottom_mm: 35, left_mm: 28, right_mm: 26}\n"
    "message: 页面{found}（{count}）\n";

}  // namespace

TEST_CASE("layout: a document in the GB/T 9704 layout gives nothing") {
  Document doc = read(Report_().docx());
  REQUIRE(doc.has_layout());
  CHECK(test::show(check(doc, layout_rule(kBodyRule))).empty());
  CHECK(test::show(check(doc, layout_rule(kPageRule))).empty());
  CHECK(test::show(check(doc, layout_rule("target: title\nfonts: [小标宋]\nsize_pt: 22\n"
                                          "message: m\n")))
            .empty());
  CHECK(test::show(check(doc, layout_rule("target: heading\nlevel: 1\nfonts: [黑体]\nsize_pt: 16\n"
                                          "message: m\n")))
            .empty());
  CHECK(test::show(check(doc, layout_rule("target: heading\nlevel: 2\nfonts: [楷体]\nsize_pt: "
                                          "16\nmessage: m\n")))
            .empty());
}

TEST_CASE("layout: fonts match by substring, ASCII case ignored") {
  RuleSet rules = layout_rule(kBodyRule);
  Report_ r;
  r.preamble = {"仿宋", 16};
  r.body1 = {"FANGSONG_GB2312", 16};
  r.body2 = {"方正仿宋_GBK", 16};
  CHECK(test::show(check(read(r.docx()), rules)).empty());
  r.body3 = {"宋体", 16};
  CHECK(test::show(check(read(r.docx()), rules)) ==
        Lines{"8:1-8:10 lay warning: 正文1段用“宋体”16磅"});
}

TEST_CASE("layout: sizes within the tolerance pass, beyond it fail") {
  RuleSet rules = layout_rule(kBodyRule);
  Report_ r;
  r.preamble = {"仿宋_GB2312", 15.5};
  r.body1 = {"仿宋_GB2312", 16.5};
  CHECK(test::show(check(read(r.docx()), rules)).empty());
  r.body2 = {"仿宋_GB2312", 17};
  r.body3 = {"仿宋_GB2312", 10.5};
  CHECK(test::show(check(read(r.docx()), rules)) ==
        Lines{"7:1-7:15 lay warning: 正文2段用“仿宋_GB2312”17磅"});
  // A wider tolerance.
  CHECK(test::show(check(read(r.docx()),
                         layout_rule("target: body\nsize_pt: 16\ntolerance_pt: 1\nmessage: "
                                     "'{count}/{size}'\n"))) ==
        Lines{"8:1-8:10 lay warning: 1/10.5"});
}

TEST_CASE("layout: one finding per rule, at the first paragraph that differs, with the count") {
  Report_ r;
  r.preamble = r.body1 = r.body2 = {"宋体", 12};
  Report report = check(read(r.docx()), layout_rule(kBodyRule));
  CHECK(test::show(report) == Lines{"2:1-2:31 lay warning: 正文3段用“宋体”12磅"});
  // Title and headings.
  Report_ h;
  h.title = {"宋体", 22};
  h.heading1 = {"黑体", 15};
  CHECK(test::show(check(read(h.docx()), layout_rule("target: title\nfonts: [小标宋]\nsize_pt: "
                                                     "22\nmessage: '{font} {size} {count}'\n"))) ==
        Lines{"1:1-1:26 lay warning: 宋体 22 1"});
  CHECK(test::show(check(read(h.docx()),
                         layout_rule("target: heading\nlevel: 1\nfonts: [黑体]\nsize_pt: 16\n"
                                     "message: '{font} {size} {count}'\n"))) ==
        Lines{"3:1-3:10 lay warning: 黑体 15 2"});
  // Level 2 has its own rule: the level-one sizes are none of its business.
  CHECK(test::show(check(read(h.docx()), layout_rule("target: heading\nlevel: 2\nsize_pt: 16\n"
                                                     "message: m\n")))
            .empty());
}

TEST_CASE("layout: page size and margins, with a tolerance") {
  RuleSet rules = layout_rule(kPageRule);
  Report_ r;
  Page page;
  page.top = 2154;  // 37.99 mm: within 1 mm of 37
  r.sections = page.xml();
  CHECK(test::show(check(read(r.docx()), rules)).empty());
  page.top = 2155;  // 38.01 mm
  r.sections = page.xml();
  CHECK(test::show(check(read(r.docx()), rules)) ==
        Lines{"1:1-1:1 lay warning: 页面210.0×297.0 mm, 38.0/35.0/28.0/26.0 mm（1）"});
  // Word's default margins on Letter paper.
  r.sections = Page{12240, 15840, 1440, 1440, 1800, 1800}.xml();
  CHECK(test::show(check(read(r.docx()), rules)) ==
        Lines{"1:1-1:1 lay warning: 页面215.9×279.4 mm, 25.4/25.4/31.8/31.8 mm（1）"});
  // A wider tolerance, and only some of the keys.
  CHECK(test::show(check(read(r.docx()), layout_rule("target: page\npage: {top_mm: 26}\n"
                                                     "tolerance_mm: 1\nmessage: m\n")))
            .empty());
  CHECK(test::show(check(read(r.docx()), layout_rule("target: page\npage: {top_mm: 28}\n"
                                                     "tolerance_mm: 2\nmessage: m\n"))) ==
        Lines{"1:1-1:1 lay warning: m"});
}

TEST_CASE("layout: a document of several sections gets one page finding with the count") {
  RuleSet rules = layout_rule(kPageRule);
  Page letter{12240, 15840, 1440, 1440, 1800, 1800};
  std::string a4 = Page().xml();
  // Three sections: the first paragraph ends the first, the fifth the second; the body's own
  // w:sectPr is the last.
  auto docx = [&](const std::string& first, const std::string& second, const std::string& last) {
    return test::make_docx(
        "<w:p><w:pPr>" + first + "</w:pPr>" + run("某局2024年度法治政府建设报告", kTitle) +
        "</w:p>" + para("导语，正文。", kBody) + para("一、主要举措", kHeading1) +
        para("正文。", kBody) + "<w:p><w:pPr>" + second + "</w:pPr>" + run("正文。", kBody) +
        "</w:p>" + para("二、存在问题", kHeading1) + para("正文。", kBody) + last);
  };
  CHECK(test::show(check(read(docx(a4, a4, a4)), rules)).empty());
  CHECK(test::show(check(read(docx(a4, letter.xml(), letter.xml())), rules)) ==
        Lines{"2:1-2:1 lay warning: 页面215.9×279.4 mm, 25.4/25.4/31.8/31.8 mm（2）"});
  CHECK(test::show(check(read(docx(letter.xml(), a4, letter.xml())), rules)) ==
        Lines{"1:1-1:1 lay warning: 页面215.9×279.4 mm, 25.4/25.4/31.8/31.8 mm（2）"});
}

TEST_CASE("layout: what is not known is not judged") {
  // No w:sectPr: the page geometry is unknown.
  Report_ r;
  r.sections = "";
  CHECK(test::show(check(read(r.docx()), layout_rule(kPageRule))).empty());
  // Runs without font or size, from no style either.
  std::string plain = test::make_docx(
      "<w:p><w:r><w:t>某局2024年度法治政府建设报告</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>导语，正文写在这里。</w:t></w:r></w:p>" +
      Page().xml());
  CHECK(test::show(check(read(plain), layout_rule(kBodyRule))).empty());
}

TEST_CASE("layout: a plain-text document gives no layout finding at all") {
  RulePack pack;
  pack.rule("body", rule_head("body", "layout") + kBodyRule)
      .rule("page", rule_head("page", "layout") + kPageRule)
      .rule("title", rule_head("title", "layout") + "target: title\nfonts: [小标宋]\nmessage: m\n")
      .rule("heading", rule_head("heading", "layout") +
                           "target: heading\nlevel: 1\nsize_pt: 16\nmessage: m\n");
  Document doc = test::parse("某局2024年度法治政府建设报告\n导语。\n一、主要举措\n正文。\n");
  CHECK_FALSE(doc.has_layout());
  CHECK(test::show(check(doc, pack.rules())).empty());
}

TEST_CASE("layout: load errors") {
  auto errors = [](const std::string& body) {
    RulePack pack;
    pack.rule("lay", rule_head("lay", "layout") + body);
    return test::errors(pack.load(), pack.path());
  };
  CHECK(errors("target: footer\nmessage: m\n") ==
        Lines{"lay/rule.yaml:5:9: 'target' must be title, body, heading or page, not 'footer'"});
  CHECK(errors("message: m\n") ==
        Lines{"lay/rule.yaml:1:1: missing required key 'target' in this rule"});
  CHECK(errors("target: body\nmessage: m\n") ==
        Lines{"lay/rule.yaml:1:1: a layout rule needs 'fonts' or 'size_pt'"});
  CHECK(errors("target: body\nsize_pt: sixteen\ntolerance_pt: half\nmessage: m\n") ==
        Lines{"lay/rule.yaml:6:10: 'size_pt' must be a number of points, not 'sixteen'",
              "lay/rule.yaml:7:15: 'tolerance_pt' must be a number of points, not 'half'"});
  CHECK(errors("target: body\nsize_pt: 16pt\ntolerance_pt: -1\nmessage: m\n") ==
        Lines{"lay/rule.yaml:6:10: 'size_pt' must be a number of points, not '16pt'",
              "lay/rule.yaml:7:15: 'tolerance_pt' must be a number of points, not '-1'"});
  CHECK(errors("target: heading\nfonts: 黑体\nmessage: m\n") ==
        Lines{"lay/rule.yaml:1:1: missing required key 'level' in this rule"});
  CHECK(errors("target: heading\nlevel: 10\nfonts: 黑体\nmessage: m\n") ==
        Lines{"lay/rule.yaml:6:8: 'level' must be a whole number from 1 to 9, not '10'"});
  CHECK(errors("target: page\nmessage: m\n") ==
        Lines{"lay/rule.yaml:1:1: missing required key 'page' in this rule"});
  CHECK(errors("target: page\npage: {width_mm: 0, top: 3}\ntolerance_mm: 51\nmessage: m\n") ==
        Lines{"lay/rule.yaml:6:18: 'width_mm' must be a whole number from 1 to 2000, not '0'",
              "lay/rule.yaml:6:21: unknown key 'top' in this page",
              "lay/rule.yaml:7:15: 'tolerance_mm' must be a whole number from 0 to 50, not '51'"});
  CHECK(errors("target: page\npage: {top_mm: 37}\nmessage: '{found}{font}'\n") ==
        Lines{"lay/rule.yaml:7:10: unknown placeholder {font} in 'message': this kind of rule "
              "provides {count}, {found}"});
  CHECK(errors("target: body\nsize_pt: 16\nmessage: '{found}'\n") ==
        Lines{"lay/rule.yaml:7:10: unknown placeholder {found} in 'message': this kind of rule "
              "provides {count}, {font}, {size}"});
  // Keys of the other targets are unknown keys.
  CHECK(errors("target: page\npage: {top_mm: 37}\nfonts: [宋体]\nmessage: m\n") ==
        Lines{"lay/rule.yaml:7:1: unknown key 'fonts' in this rule"});
}

}  // namespace fzcheck
