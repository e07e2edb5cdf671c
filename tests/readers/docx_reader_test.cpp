// The .docx reader: fixtures written by LibreOffice, hand-made edge cases built in memory, the
// sample reports as .docx (same text and outline as the .txt), and hostile or damaged files.
#include <doctest/doctest.h>

#include <chrono>

#include "fzcheck/read.hpp"
#include "readers/docx_package.hpp"
#include "readers/readers.hpp"
#include "readers/zip_archive.hpp"
#include "readers/zip_writer.hpp"
#include "same_document.hpp"
#include "support.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

using namespace std::string_literals;

Result<Document> read_docx_bytes(const std::string& bytes, const ReadOptions& options = {}) {
  return read_bytes(bytes, "t.docx", options);
}

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    out.emplace_back(doc.paragraph_text(i));
  }
  return out;
}

// The paragraphs of a body built from paragraphs.
std::vector<std::string> read_body(const std::string& body,
                                   const std::map<std::string, std::string>& parts = {}) {
  auto doc = read_docx_bytes(test::make_docx(body, parts));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return texts(*doc);
}

std::string para(const std::string& content, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + content + "</w:p>";
}

std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

Document read_fixture(const std::string& relative) {
  auto doc = read_document(test::source_path(relative));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return std::move(doc).value();
}

}  // namespace

// ---- files written by LibreOffice ---------------------------------------------------------------

TEST_CASE("docx: a LibreOffice file gives every paragraph in order, and nothing that is not text") {
  Document doc = read_fixture("tests/fixtures/docx/lo_features.docx");
  CHECK(doc.format == InputFormat::docx);
  CHECK(doc.encoding == "UTF-8");
  const std::vector<std::string> expected = {
      "某某局2024年法治政府建设年度报告",
      "2024年，我局坚持依法行政，现将有关情况报告如下：",  // bookmark and comment left out
      "一、主要工作",                                      // outline numbering via the style
      "（一）强化组织领导",
      "修订前新增的文字，保留的文字。",  // tracked insertion kept, deletion dropped
      "本报告共1页，详见链接文字。",     // NUMPAGES field: result kept, code dropped
      "第一行\u2028第二行\t制表符后",    // w:br is a line separator, w:tab a tab
      "（二）完善制度体系",
      "项目",  // table cells, one paragraph each
      "数量",
      "行政复议",
      "12件",
      "（含2件）",
      "二、存在的问题",
      "见下框。",
      "文本框内容",  // the text box once, after its anchor, not twice (Choice and Fallback)
      "加粗正文Latin",
      "某某局",
      "2025年1月20日",
  };
  CHECK(texts(doc) == expected);
  CHECK_FALSE(contains(doc.text, "批注"));
  CHECK_FALSE(contains(doc.text, "已删除"));
  CHECK_FALSE(contains(doc.text, "NUMPAGES"));
  CHECK_FALSE(contains(doc.text, "_GoBack"));

  REQUIRE(doc.title.has_value());
  CHECK(doc.title->text == "某某局2024年法治政府建设年度报告");
  CHECK(doc.paragraphs[0].title_style);
  CHECK(doc.paragraphs[2].outline_level == 1);
  CHECK(doc.paragraphs[3].outline_level == 2);
  REQUIRE(doc.sections.size() == 4);
  CHECK(doc.sections[0].marker.numeral == Numeral::chinese);
  CHECK(doc.sections[0].marker.delimiter == Delimiter::dun);
  CHECK(doc.str(doc.sections[1].heading) == "强化组织领导");
  CHECK(doc.sections[1].level == 2);
  CHECK(doc.sections[3].marker.ordinal == 2);
  REQUIRE(doc.signature.has_value());
  CHECK(doc.signature->text == "某某局");
  REQUIRE(doc.date.has_value());
  CHECK(doc.date->date.year == 2025);
}

TEST_CASE("docx: layout facts of a LibreOffice file are read back exactly") {
  Document doc = read_fixture("tests/fixtures/docx/lo_features.docx");
  REQUIRE(doc.has_layout());
  REQUIRE(doc.pages.size() == 1);
  const PageSetup& page = doc.pages[0];
  CHECK(page.width_mm == doctest::Approx(210.0).epsilon(0.001));
  CHECK(page.height_mm == doctest::Approx(297.0).epsilon(0.001));
  CHECK(page.margin_top_mm == doctest::Approx(37.0).epsilon(0.001));
  CHECK(page.margin_bottom_mm == doctest::Approx(35.0).epsilon(0.001));
  CHECK(page.margin_left_mm == doctest::Approx(28.0).epsilon(0.001));
  CHECK(page.margin_right_mm == doctest::Approx(26.0).epsilon(0.001));
  CHECK(page.first_paragraph == 0);

  const ParagraphLayout& title = *doc.paragraphs[0].layout;
  CHECK(title.style_name == "Title");
  CHECK(title.alignment == "center");
  REQUIRE(title.runs.size() == 1);
  CHECK(title.runs[0].east_asian_font == "方正小标宋简体");
  CHECK(title.runs[0].size_pt == 22.0);
  CHECK(title.runs[0].span == doc.paragraphs[0].span);

  const ParagraphLayout& body = *doc.paragraphs[1].layout;
  CHECK(body.style_id == "Normal");
  CHECK(body.alignment == "both");
  CHECK(body.line_spacing_pt == 28.0);
  CHECK(body.line_spacing_multiple == 0.0);
  REQUIRE(body.runs.size() == 1);
  CHECK(body.runs[0].east_asian_font == "仿宋_GB2312");
  CHECK(body.runs[0].latin_font == "Times New Roman");
  CHECK(body.runs[0].size_pt == 16.0);
  CHECK_FALSE(body.runs[0].bold);

  // Headings: the list number is not a run of the text; the runs cover the typed text.
  const ParagraphLayout& h1 = *doc.paragraphs[2].layout;
  CHECK(h1.style_name == "Heading 1");
  REQUIRE(h1.runs.size() == 1);
  CHECK(doc.str(h1.runs[0].span) == "主要工作");
  CHECK(h1.runs[0].east_asian_font == "黑体");
  const ParagraphLayout& h2 = *doc.paragraphs[3].layout;
  REQUIRE(h2.runs.size() == 1);
  CHECK(h2.runs[0].east_asian_font == "楷体_GB2312");
  CHECK(h2.runs[0].bold);

  const ParagraphLayout& mixed = *doc.paragraphs[16].layout;
  REQUIRE(mixed.runs.size() == 2);  // adjacent runs with the same style are merged
  CHECK(doc.str(mixed.runs[0].span) == "加粗");
  CHECK(mixed.runs[0].bold);
  CHECK(doc.str(mixed.runs[1].span) == "正文Latin");
  CHECK_FALSE(mixed.runs[1].bold);
  CHECK(doc.paragraphs[17].layout->alignment == "right");  // w:jc="end"
}

TEST_CASE("docx: positions are paragraph numbers and code points of the rendered paragraph") {
  Document doc = read_fixture("tests/fixtures/docx/lo_features.docx");
  // Paragraph 3 is "一、主要工作": the number counts, so 主 is column 3.
  std::uint32_t zhu =
      doc.paragraphs[2].span.begin + static_cast<std::uint32_t>(std::string("一、").size());
  CHECK(doc.locate(zhu) == Position{3, 3});
  // Table cells are paragraphs too: "12件" is the 12th paragraph.
  CHECK(doc.locate(doc.paragraphs[11].span.begin) == Position{12, 1});
  CHECK(doc.locate(doc.paragraphs[18].span.begin + 4) == Position{19, 5});
}

// ---- the sample reports as .docx ---------------------------------------------------------------

namespace {

using test::nonblank_trimmed;
using test::outline;
using test::OutlineLine;

}  // namespace

TEST_CASE("docx: the sample reports as .docx give the text and outline of the .txt") {
  const std::pair<const char*, const char*> cases[] = {
      {"tests/fixtures/docx/000_564c8ac60a8ddf78.docx", "000_564c8ac60a8ddf78"},
      {"tests/fixtures/docx/004_982b1b364f1fe93d.docx", "004_982b1b364f1fe93d"},
      {"tests/fixtures/docx/004_982b1b364f1fe93d.lo.docx", "004_982b1b364f1fe93d"},
  };
  for (const auto& [path, name] : cases) {
    const std::string fixture = path;  // CAPTURE cannot name a structured binding (clang 14)
    CAPTURE(fixture);
    Document txt = read_fixture(std::string("examples/reports/") + name + ".txt");
    Document docx = read_fixture(fixture);
    CHECK(nonblank_trimmed(docx) == nonblank_trimmed(txt));
    CHECK(outline(docx) == outline(txt));
    CHECK(outline(docx).size() >= 12);
    REQUIRE(docx.title.has_value());
    CHECK(docx.title->text == txt.title->text);
    CHECK(docx.signature.has_value() == txt.signature.has_value());
    CHECK(docx.date.has_value() == txt.date.has_value());
  }
}

TEST_CASE("docx: the sample's headings come from automatic numbering, not typed markers") {
  // Guards the test above: the fixtures must exercise the numbering path.
  for (const char* name : {"tests/fixtures/docx/000_564c8ac60a8ddf78.docx",
                           "tests/fixtures/docx/004_982b1b364f1fe93d.docx",
                           "tests/fixtures/docx/004_982b1b364f1fe93d.lo.docx"}) {
    CAPTURE(name);
    std::string bytes = test::read_file(test::source_path(name));
    auto archive = detail::ZipArchive::open(bytes, name);
    REQUIRE(archive.ok());
    auto xml = archive->read("word/document.xml", {});
    REQUIRE(xml.ok());
    CHECK_FALSE(contains(*xml, "一、"));
    CHECK(contains(*xml, "<w:numPr>"));
  }
}

// ---- edge cases, built in memory --------------------------------------------------------------

TEST_CASE("docx: tracked changes are read as accepted") {
  auto t = read_body(
      para("<w:ins w:id=\"1\" w:author=\"a\">" + run("新增") + "</w:ins>" + run("保留") +
           "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>" +
           "<w:moveFrom w:id=\"3\">" + run("移走") + "</w:moveFrom>" + "<w:moveTo w:id=\"4\">" +
           run("移来") + "</w:moveTo>"));
  CHECK(t == std::vector<std::string>{"新增保留移来"});
}

TEST_CASE("docx: a deleted paragraph mark joins the paragraph to the next one") {
  auto t = read_body(para(run("第一段"), "<w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr>") +
                     para(run("接续")) + para(run("第三段")));
  CHECK(t == std::vector<std::string>{"第一段接续", "第三段"});
  // At the end of a container there is nothing to join: it stays.
  auto last = read_body(para(run("唯一"), "<w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr>"));
  CHECK(last == std::vector<std::string>{"唯一"});
}

TEST_CASE("docx: field codes never leak, results, simple fields and hyperlinks are kept") {
  auto t = read_body(
      para(run("第") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
           "<w:r><w:instrText> PAGE </w:instrText></w:r>" +
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("3") +
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run("页")) +
      // A field nested in another field's code: neither code shows, the outer result does.
      para(
          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
          "<w:r><w:fldChar "
          "w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
          run("内层结果") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("外层结果") +
          "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>") +
      para("<w:fldSimple w:instr=\" NUMPAGES \">" + run("12") + "</w:fldSimple>" +
           "<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\">" + run("链接") + "</w:hyperlink>"));
  CHECK(t == std::vector<std::string>{"第3页", "外层结果", "12链接"});
}

TEST_CASE("docx: bookmarks, comments, proofing marks, notes and hidden text do not leak") {
  auto t = read_body(para(
      "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>" + run("正文") +
      "<w:bookmarkEnd w:id=\"0\"/><w:commentRangeStart w:id=\"1\"/>" + run("有批注") +
      "<w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r>" +
      "<w:proofErr w:type=\"spellStart\"/>" + run("拼写") + "<w:proofErr w:type=\"spellEnd\"/>" +
      "<w:r><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:endnoteReference w:id=\"3\"/></w:r>" +
      run("隐藏", "<w:vanish/>") + run("显示", "<w:vanish w:val=\"0\"/>") +
      "<w:r><w:annotationRef/></w:r>"));
  CHECK(t == std::vector<std::string>{"正文有批注拼写显示"});
}

TEST_CASE("docx: mc:AlternateContent gives one branch, text boxes follow their anchor") {
  std::string textbox = "<w:txbxContent>" + para(run("框内")) + "</w:txbxContent>";
  auto t = read_body(
      para(run("锚点") +
           "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
           "<wps:txbx>" +
           textbox + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" +
           textbox + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>" +
           run("之后")) +
      para(run("下一段")) +
      // Only a fallback: it is read.
      para("<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox>" + textbox +
           "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"));
  CHECK(t == std::vector<std::string>{"锚点之后", "框内", "下一段", "", "框内"});
}

TEST_CASE("docx: tables (nested too) and content controls") {
  auto cell = [](const std::string& content) { return "<w:tc><w:tcPr/>" + content + "</w:tc>"; };
  std::string inner = "<w:tbl><w:tr>" + cell(para(run("内表"))) + "</w:tr></w:tbl>";
  auto t =
      read_body("<w:tbl><w:tblPr/><w:tblGrid/><w:tr>" + cell(para(run("甲")) + para(run("乙"))) +
                cell(inner + para("")) + "</w:tr></w:tbl>" +
                "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:text/></w:sdtPr><w:sdtContent>" +
                para(run("控件内") + "<w:sdt><w:sdtPr/><w:sdtContent>" + run("行内控件") +
                     "</w:sdtContent></w:sdt>") +
                "</w:sdtContent></w:sdt>");
  CHECK(t == std::vector<std::string>{"甲", "乙", "内表", "", "控件内行内控件"});
}

TEST_CASE("docx: paragraphs in table cells are table cells, never headings") {
  auto cell = [](const std::string& content) { return "<w:tc>" + content + "</w:tc>"; };
  auto doc = read_docx_bytes(
      test::make_docx(para(run("一、总体情况")) + para(run("正文。")) + "<w:tbl><w:tr>" +
                      cell(para(run("一、本年新收政府信息公开申请数量"))) + cell(para(run("5"))) +
                      "</w:tr><w:tr>" + cell(para(run("（一）予以公开"))) + cell(para(run("1"))) +
                      "</w:tr></w:tbl>" + para(run("二、其他"))));
  REQUIRE(doc.ok());
  REQUIRE(doc->sections.size() == 2);
  CHECK(doc->str(doc->sections[1].heading) == "其他");
  CHECK(doc->paragraphs[2].in_table);
  CHECK(doc->paragraphs[2].role == ParagraphRole::table);
  CHECK_FALSE(doc->paragraphs[6].in_table);
}

TEST_CASE("docx: breaks, tabs, hyphens, symbols and ruby") {
  auto t = read_body(para(run("甲") + "<w:r><w:br/></w:r>" + run("乙") + "<w:r><w:cr/></w:r>" +
                          run("丙") + "<w:r><w:br w:type=\"page\"/></w:r>" + run("丁") +
                          "<w:r><w:tab/></w:r>" + "<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>" +
                          "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym "
                          "w:font=\"SimSun\" w:char=\"2605\"/></w:r>" +
                          "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhu</w:t></w:r></w:rt>"
                          "<w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>"));
  CHECK(t == std::vector<std::string>{"甲\u2028乙\u2028丙丁\t\u2011\u2605注"});
}

TEST_CASE("docx: an empty document part or one with only empty paragraphs is 'empty'") {
  auto doc = read_docx_bytes(test::make_docx(para("") + para(run("  "))));
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::empty);
  CHECK(doc.error().file == "t.docx");
}

namespace {

const std::string kStyles = test::word_part(
    "styles",
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsiaTheme=\"minorEastAsia\" "
    "w:asciiTheme=\"minorHAnsi\"/><w:sz w:val=\"32\"/></w:rPr></w:rPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name "
    "w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn "
    "w:val=\"a\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading2\"><w:name w:val=\"my heading\"/>"
    "<w:basedOn w:val=\"1\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>"
    "<w:rPr><w:b w:val=\"false\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"BodyOutline\"><w:name w:val=\"Body\"/>"
    "<w:pPr><w:outlineLvl w:val=\"9\"/><w:spacing w:line=\"360\" "
    "w:lineRule=\"auto\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop1\"><w:name w:val=\"Loop1\"/><w:basedOn "
    "w:val=\"Loop2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop2\"><w:name w:val=\"Loop2\"/><w:basedOn "
    "w:val=\"Loop1\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/>"
    "<w:rPr><w:rFonts w:eastAsia=\"楷体\"/><w:sz w:val=\"28\"/></w:rPr></w:style>");

const std::string kNumbering = test::word_part(
    "numbering",
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:pStyle w:val=\"MyHeading2\"/><w:lvlText w:val=\"（%2）\"/><w:suff "
    "w:val=\"nothing\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%3.\"/><w:suff w:val=\"nothing\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");

const std::string kTheme =
    "<?xml version=\"1.0\"?><a:theme "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
    "<a:themeElements><a:fontScheme><a:majorFont><a:latin typeface=\"Cambria\"/><a:ea "
    "typeface=\"\"/>"
    "</a:majorFont><a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/>"
    "<a:font script=\"Jpan\" typeface=\"MS Mincho\"/><a:font script=\"Hans\" typeface=\"宋体\"/>"
    "</a:minorFont></a:fontScheme></a:themeElements></a:theme>";

}  // namespace

TEST_CASE("docx: numbering through styles, basedOn chains, numId 0, and heading hints") {
  std::string body =
      para(run("标题"), "<w:pStyle w:val=\"Title\"/>") +
      para(run("总体情况"), "<w:pStyle w:val=\"1\"/>") +           // numbering from the style
      para(run("组织领导"), "<w:pStyle w:val=\"MyHeading2\"/>") +  // level from the lvl's pStyle
      para(run("具体措施"), "<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"1\"/></w:numPr>") +
      para(run("工作成效"), "<w:pStyle w:val=\"1\"/>") +
      para(run("手写三、下一步"),
           "<w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>") +
      para(run("正文"), "<w:pStyle w:val=\"BodyOutline\"/>") +
      para(run("循环样式"), "<w:pStyle w:val=\"Loop1\"/>") +
      para(run("直接大纲"), "<w:outlineLvl w:val=\"2\"/>");
  std::string styles = kStyles;
  styles.insert(
      styles.find("</w:styles>"),
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>");
  auto doc = read_docx_bytes(test::make_docx(body, {{"word/styles.xml", styles},
                                                    {"word/numbering.xml", kNumbering},
                                                    {"word/theme/theme1.xml", kTheme}}));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  CHECK(texts(*doc) == std::vector<std::string>{"标题", "一、总体情况", "（一）组织领导",
                                                "1.具体措施", "二、工作成效", "手写三、下一步",
                                                "正文", "循环样式", "直接大纲"});
  const auto& p = doc->paragraphs;
  CHECK(p[0].title_style);
  CHECK(p[1].outline_level == 1);  // from the style name "heading 1"
  CHECK(p[2].outline_level == 2);  // w:outlineLvl 1 (0-based) on the style
  CHECK(p[3].outline_level == 0);
  CHECK(p[6].outline_level == 0);  // outlineLvl 9 is body text
  CHECK(p[8].outline_level == 3);
  // Fonts: theme fonts through docDefaults (the Hans font of an empty a:ea), the heading's
  // own font, bold switched off by a derived style, a character style's font and size.
  const RunStyle& body_run = p[6].layout->runs.at(0);
  CHECK(body_run.east_asian_font == "宋体");
  CHECK(body_run.latin_font == "Calibri");
  CHECK(body_run.size_pt == 16.0);
  CHECK(p[6].layout->line_spacing_multiple == 1.5);
  CHECK(p[1].layout->runs.at(0).east_asian_font == "黑体");
  CHECK(p[1].layout->runs.at(0).bold);
  CHECK_FALSE(p[2].layout->runs.at(0).bold);
  CHECK(p[2].layout->style_name == "my heading");
}

TEST_CASE("docx: character styles and direct formatting of runs") {
  auto doc = read_docx_bytes(
      test::make_docx(para(run("甲", "<w:rStyle w:val=\"Strong\"/>") +
                           run("乙", "<w:rStyle w:val=\"Strong\"/><w:sz w:val=\"44\"/><w:b/>") +
                           run("丙", "<w:rFonts w:eastAsia=\"仿宋\" w:ascii=\"Arial\"/>")),
                      {{"word/styles.xml", kStyles}, {"word/theme/theme1.xml", kTheme}}));
  REQUIRE(doc.ok());
  const auto& runs = doc->paragraphs[0].layout->runs;
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].east_asian_font == "楷体");
  CHECK(runs[0].size_pt == 14.0);
  CHECK_FALSE(runs[0].bold);
  CHECK(runs[1].size_pt == 22.0);
  CHECK(runs[1].bold);
  CHECK(runs[2].east_asian_font == "仿宋");
  CHECK(runs[2].latin_font == "Arial");
  CHECK(runs[2].size_pt == 16.0);
  CHECK(doc->str(runs[2].span) == "丙");
}

TEST_CASE("docx: sections give one page setup each, from their first paragraph") {
  auto doc = read_docx_bytes(test::make_docx(
      para(run("横向前")) +
      para(run("第一节末"),
           "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
           "<w:pgMar w:top=\"1440\" w:right=\"720\" w:bottom=\"-1440\" "
           "w:left=\"720\"/></w:sectPr>") +
      para(run("第二节")) +
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" "
      "w:bottom=\"1984\" w:left=\"1587\"/></w:sectPr>"));
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].first_paragraph == 0);
  CHECK(doc->pages[0].width_mm == doctest::Approx(297.0).epsilon(0.001));
  CHECK(doc->pages[0].margin_top_mm == doctest::Approx(25.4));
  CHECK(doc->pages[0].margin_bottom_mm == doctest::Approx(25.4));  // negative: from the edge
  CHECK(doc->pages[0].margin_left_mm == doctest::Approx(12.7));
  CHECK(doc->pages[1].first_paragraph == 2);
  CHECK(doc->pages[1].margin_left_mm == doctest::Approx(28.0).epsilon(0.001));
}

TEST_CASE("docx: a main part named by the package relationships, styles found through its rels") {
  std::vector<test::ZipEntry> entries = {
      test::ZipEntry::stored(
          "_rels/.rels",
          R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>)"),
      test::ZipEntry::stored(
          "word/_rels/document2.xml.rels",
          R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="../custom/num.xml"/></Relationships>)"),
      test::ZipEntry::stored("custom/num.xml", kNumbering),
      test::ZipEntry::stored("word/document.xml", "not even XML: never read"),
      test::ZipEntry::stored(
          "word/document2.xml",
          std::string("<w:document ") + test::kWordNamespaces + "><w:body>" +
              para(run("主要工作"),
                   "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>") +
              "</w:body></w:document>")};
  auto doc = read_docx_bytes(test::make_zip(entries));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  CHECK(texts(*doc) == std::vector<std::string>{"一、主要工作"});
}

TEST_CASE("docx: a document with another prefix for the WordprocessingML namespace") {
  std::string xml =
      R"(<?xml version="1.0"?><ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>)";
  auto doc = read_docx_bytes(test::make_zip({test::ZipEntry::stored("word/document.xml", xml)}));
  REQUIRE(doc.ok());
  CHECK(texts(*doc) == std::vector<std::string>{"前缀不同"});
}

// ---- damaged and hostile files ------------------------------------------------------------------

TEST_CASE("docx: a damaged zip is corrupt, with the file name") {
  std::string zip = test::make_docx(para(run("正文")));
  zip.resize(zip.size() / 2);  // the central directory is gone
  ReadOptions forced;
  forced.format = InputFormat::docx;
  for (const ReadOptions& options : {ReadOptions{}, forced}) {
    auto doc = read_bytes(zip, "half.docx", options);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::corrupt);
    CHECK(doc.error().file == "half.docx");
    CHECK(contains(doc.error().to_string(), "half.docx: the file is damaged"));
  }
}

TEST_CASE("docx: a zip without word/document.xml is not a Word document") {
  // The content types still name the part, as in a .docx that lost it.
  std::string zip = test::make_zip({test::ZipEntry::stored(
      "[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\"/></Types>")});
  auto doc = read_bytes(zip, "nodoc.docx");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(contains(doc.error().message, "no word/document.xml, so it is not a Word document"));
  // Without even that string, detection says what it is instead.
  std::string plain = test::make_zip({test::ZipEntry::stored("a.txt", "x")});
  auto other = read_bytes(plain, "plain.zip");
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == ErrorCode::unsupported_format);
  ReadOptions forced;
  forced.format = InputFormat::docx;
  auto forced_doc = read_bytes(plain, "plain.zip", forced);
  REQUIRE_FALSE(forced_doc.ok());
  CHECK(forced_doc.error().code == ErrorCode::corrupt);
}

TEST_CASE("docx: a password-protected document (OLE2 EncryptedPackage) says so") {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  for (char c : "EncryptedPackage"s) {
    ole.push_back(c);
    ole.push_back('\0');
  }
  ole += std::string(512, '\0');
  ReadOptions forced;
  forced.format = InputFormat::docx;
  for (const ReadOptions& options : {ReadOptions{}, forced}) {
    auto doc = read_bytes(ole, "secret.docx", options);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::unsupported_format);
    CHECK(doc.error().file == "secret.docx");
    CHECK(contains(doc.error().message, "password-protected"));
  }
}

TEST_CASE("docx: malformed XML is corrupt and names the part") {
  auto doc = read_docx_bytes(test::make_zip({test::ZipEntry::stored(
      "word/document.xml", std::string("<w:document ") + test::kWordNamespaces +
                               "><w:body><w:p></w:body></w:document>")}));
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(contains(doc.error().message, "word/document.xml is not well-formed XML"));
  auto styles =
      read_docx_bytes(test::make_docx(para(run("x")), {{"word/styles.xml", "<w:styles>"}}));
  REQUIRE_FALSE(styles.ok());
  CHECK(styles.error().code == ErrorCode::corrupt);
  CHECK(contains(styles.error().message, "word/styles.xml"));
  auto no_body = read_docx_bytes(test::make_zip({test::ZipEntry::stored(
      "word/document.xml", "<w:document xmlns:w=\"x\"><w:p/></w:document>")}));
  REQUIRE_FALSE(no_body.ok());
  CHECK(no_body.error().code == ErrorCode::corrupt);
  CHECK(contains(no_body.error().message, "not a WordprocessingML document"));
}

// A w:t with a byte that is not UTF-8 reached Document::text, and copied-passage then reported a
// span 3 bytes past its end. Such a part is not well-formed XML: it is refused, with the line.
TEST_CASE("docx: invalid UTF-8 in a w:t is corrupt, not text") {
  const std::string passage = "全面推进依法行政工作，严格规范公正文明执法，持续优化法治化营商环境";
  const std::string body = para(run("某局2024年度法治政府建设情况报告")) + para(run("一、成效")) +
                           para(run(passage + "。")) + para(run("二、问题")) +
                           para(run(passage + "\xE6\x9F"));  // a sequence cut short
  const std::string bytes = test::make_docx(body);
  auto doc = read_docx_bytes(bytes);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(doc.error().key == "error_xml_bad_utf8");
  CHECK(doc.error().message ==
        "the part word/document.xml is not valid UTF-8 (bad byte 0xE6 at line 1), so it is not "
        "well-formed XML");
  CHECK(doc.error().file == "t.docx");
  // annotate and fix open the package for editing: the same check.
  auto package = detail::DocxPackage::open(bytes, "t.docx", {}, true);
  REQUIRE_FALSE(package.ok());
  CHECK(package.error().key == "error_xml_bad_utf8");
  // In another part too (a style name, a list number's text).
  auto styles = read_docx_bytes(test::make_docx(
      para(run("正文")), {{"word/styles.xml", test::word_part("styles",
                                                              "<w:style w:styleId=\"a\">"
                                                              "<w:name w:val=\"\xFF\"/>"
                                                              "</w:style>")}}));
  REQUIRE_FALSE(styles.ok());
  CHECK(styles.error().key == "error_xml_bad_utf8");
  CHECK(contains(styles.error().message, "word/styles.xml"));
}

TEST_CASE("docx: a character reference to a surrogate or past U+10FFFF is corrupt") {
  for (const char* ref : {"&#xD800;", "&#57343;", "&#x110000;"}) {
    CAPTURE(ref);
    auto doc =
        read_docx_bytes(test::make_docx(para(run("正文")) + para(run(std::string("甲") + ref))));
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::corrupt);
    CHECK(doc.error().key == "error_xml_bad_char_ref");
  }
  // References to real characters are text as usual.
  auto doc = read_docx_bytes(test::make_docx(para(run("&#x7532;&#20057;&#x1F600;"))));
  REQUIRE(doc.ok());
  CHECK(doc->text == "甲乙\xF0\x9F\x98\x80");
}

TEST_CASE("docx: 100,000 nested elements in document.xml are refused within a second") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<w:sdt><w:sdtContent>";
  for (int i = 0; i < 100000; ++i) deep += "</w:sdtContent></w:sdt>";
  std::string zip = test::make_docx(para(run("x")) + deep);
  auto start = std::chrono::steady_clock::now();
  auto doc = read_docx_bytes(zip);
  auto elapsed = std::chrono::steady_clock::now() - start;
  MESSAGE("docx nesting refused in "
          << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(doc.error().message, "ReadOptions::max_nesting"));
  CHECK(elapsed < std::chrono::seconds(1));
  // A document nested to just below the limit is read.
  std::string ok_deep;
  for (int i = 0; i < 900; ++i) ok_deep += "<w:sdt><w:sdtContent>";
  ok_deep += para(run("深处"));
  for (int i = 0; i < 900; ++i) ok_deep += "</w:sdtContent></w:sdt>";
  auto fine = read_docx_bytes(test::make_docx(ok_deep));
  REQUIRE(fine.ok());
  CHECK(texts(*fine) == std::vector<std::string>{"深处"});
}

TEST_CASE("docx: a zip bomb fails fast with limit_exceeded") {
  // word/document.xml declares 4 KB but inflates to ~310 MB of zeros (from ~300 KB).
  test::ZipEntry bomb;
  bomb.name = "word/document.xml";
  bomb.method = 8;
  bomb.data = test::deflate_zero_bomb(1200000);
  bomb.uncompressed = 4096;
  // And an honest one: a styles part that declares 1 GB.
  test::ZipEntry honest = bomb;
  honest.name = "word/styles.xml";
  honest.data = test::deflate_zero_bomb(4200000);
  honest.uncompressed = 1 + 258u * 4200000u;
  for (const auto& entries :
       {std::vector<test::ZipEntry>{bomb},
        std::vector<test::ZipEntry>{honest, test::ZipEntry::stored("word/document.xml", "<x/>")}}) {
    std::string zip = test::make_zip(entries);
    auto start = std::chrono::steady_clock::now();
    auto doc = read_docx_bytes(zip);
    auto elapsed = std::chrono::steady_clock::now() - start;
    MESSAGE("zip bomb refused in "
            << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()
            << " us: " << (doc.ok() ? "" : doc.error().message));
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::limit_exceeded);
    CHECK(doc.error().file == "t.docx");
    CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
  }
}

TEST_CASE("docx: billion laughs in document.xml is refused, nothing expanded") {
  const std::string xml = test::billion_laughs_document_xml();
  auto start = std::chrono::steady_clock::now();
  auto doc = read_docx_bytes(test::make_zip({test::ZipEntry::stored("word/document.xml", xml)}));
  auto elapsed = std::chrono::steady_clock::now() - start;
  MESSAGE("billion laughs refused in "
          << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << " us");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(contains(doc.error().message, "document type declaration"));
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

// A part that inflated to 200 MB was parsed into a tree of 1.3–1.9 GB. XML parts now have a
// lower limit of their own (32 MB), and a limit on elements and attributes (2,000,000), checked
// by the pre-scan before the tree is built.
TEST_CASE("docx: an XML part above max_xml_bytes is refused from its declared size") {
  test::ZipEntry big;
  big.name = "word/document.xml";
  big.method = 8;
  big.data = test::deflate_zero_bomb(775000);  // 200 MB
  big.uncompressed = 1 + 258u * 775000u;
  auto start = std::chrono::steady_clock::now();
  auto doc = read_docx_bytes(test::make_zip({big}));
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(doc.error().key == "error_xml_part_declares_too_large");
  CHECK(doc.error().message ==
        "the part word/document.xml declares an inflated size of 190.7 MB, more than the limit of "
        "32.0 MB for one XML part of a .docx (ReadOptions::max_xml_bytes)");
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test

  // The same limit, lowered, for a part whose header tells the truth: refused before inflating.
  std::string zip = test::make_docx(para(run(std::string(3000, 'x'))));
  ReadOptions options;
  options.max_xml_bytes = 2000;
  auto small = read_docx_bytes(zip, options);
  REQUIRE_FALSE(small.ok());
  CHECK(small.error().key == "error_xml_part_declares_too_large");
  CHECK(contains(small.error().message, "limit of 2.0 KB"));
  options.max_xml_bytes = 4000;
  CHECK(read_docx_bytes(zip, options).ok());
  // The entry limit, when it is the lower one, is named as before.
  options.max_entry_bytes = 2000;
  auto entry = read_docx_bytes(zip, options);
  REQUIRE_FALSE(entry.ok());
  CHECK(entry.error().key == "error_zip_entry_declares_too_large");
}

TEST_CASE("docx: more than max_xml_nodes elements and attributes are refused before parsing") {
  std::string body;
  for (int i = 0; i < 400; ++i) body += R"(<w:p w:rsidR="00A1"><w:r><w:t>甲</w:t></w:r></w:p>)";
  std::string zip = test::make_docx(body);
  ReadOptions options;
  options.max_xml_nodes = 1000;  // 1,607: the root and its 5 namespaces, body, 4 a paragraph
  auto doc = read_docx_bytes(zip, options);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(doc.error().key == "error_xml_too_many_nodes");
  CHECK(doc.error().message ==
        "the part word/document.xml holds more than 1000 XML elements and attributes (at line 1), "
        "the limit set by ReadOptions::max_xml_nodes");
  options.max_xml_nodes = 2100;
  auto fine = read_docx_bytes(zip, options);
  REQUIRE(fine.ok());
  CHECK(fine->paragraphs.size() == 400);
}

TEST_CASE("docx: limits can be set through ReadOptions") {
  std::string zip = test::make_docx(para(run(std::string(3000, 'x'))));
  ReadOptions tight;
  tight.max_entry_bytes = 1000;
  auto doc = read_docx_bytes(zip, tight);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(doc.error().message, "word/document.xml"));
  ReadOptions shallow;
  shallow.max_nesting = 3;  // document > body > p > r is 4 deep
  auto deep = read_docx_bytes(zip, shallow);
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().code == ErrorCode::limit_exceeded);
}

TEST_CASE("docx package: every w:t element says where its text went") {
  // List numbers, tabs and a deleted paragraph mark shift the text; the pieces follow.
  const std::string body = para(run("一、总体情况")) +
                           R"(<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>)" +
                           run("前半") + "</w:p>" +
                           para(run("后半") + "<w:r><w:tab/><w:t>尾</w:t></w:r>");
  const std::string zip = test::make_docx(body);
  auto package = detail::DocxPackage::open(zip, "t.docx", {}, false);
  REQUIRE(package.ok());
  std::vector<detail::DocxTextPiece> pieces;
  Document doc = package->read(&pieces);
  CHECK(texts(doc) == std::vector<std::string>{"一、总体情况", "前半后半\t尾"});
  REQUIRE(pieces.size() == 4);
  for (const auto& p : pieces) {
    CHECK(doc.text.substr(p.begin, p.end - p.begin) == p.node.child_value());
  }
  CHECK(pieces[2].begin == pieces[1].end);      // joined across the deleted paragraph mark
  CHECK(pieces[3].begin == pieces[2].end + 1);  // the tab is text of no w:t
}

}  // namespace fzcheck

namespace fzcheck {

TEST_CASE("docx: tables keep rows and cells, gridSpan, vMerge and gridBefore place them") {
  auto cell = [](const std::string& content, const std::string& props = "") {
    return "<w:tc>" + (props.empty() ? "" : "<w:tcPr>" + props + "</w:tcPr>") + content + "</w:tc>";
  };
  auto p = [](const std::string& text) { return para(run(text)); };
  std::string table =
      "<w:tbl><w:tblPr/><w:tblGrid/>"
      "<w:tr>" +
      cell(p("三、本年度办理结果"), "<w:vMerge w:val=\"restart\"/>") + cell(p("（一）予以公开")) +
      cell(p("1")) +
      "</w:tr>"
      "<w:tr>" +
      cell(p(""), "<w:vMerge/>") + cell(p("（二）部分公开")) + cell(p("2")) +
      "</w:tr>"
      "<w:tr>" +
      cell(p("（七）总计"), "<w:gridSpan w:val=\"2\"/>") + cell(p("３")) +
      "</w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" +
      cell(p("第一段") + p("第二段")) + "</w:tr></w:tbl>";
  auto doc = read_docx_bytes(test::make_docx(p("标题") + table + p("后文。")));
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 1);
  const Table& t = doc->tables[0];
  CHECK(t.grid);
  CHECK(t.columns == 3);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].cells[0].row_span == 2);  // the vMerge continues in the second row
  REQUIRE(t.rows[1].cells.size() == 2);     // the continuing cell is folded into the first
  CHECK(t.rows[1].cells[0].column == 1);
  CHECK(t.rows[1].cells[1].number == 2.0);
  CHECK(t.rows[2].cells[0].column_span == 2);
  CHECK(t.rows[2].cells[1].column == 2);
  CHECK(t.rows[2].cells[1].number == 3.0);
  REQUIRE(t.rows[3].cells.size() == 1);
  CHECK(t.rows[3].cells[0].column == 2);
  CHECK(doc->str(t.rows[3].cells[0].span) == "第一段\n第二段");
  // Positions: the paragraph number of the cell's paragraph.
  CHECK(doc->locate(t.rows[2].cells[1].span.begin).line == 9);
  CHECK(t.paragraphs.begin == 1);
  CHECK(t.paragraphs.end == 11);
}

TEST_CASE("docx: a table broken over two pages is two tables, in order") {
  auto tbl = [](const std::string& text) {
    return "<w:tbl><w:tr><w:tc>" + para(run(text)) + "</w:tc><w:tc>" + para(run("1")) +
           "</w:tc></w:tr></w:tbl>";
  };
  auto doc = read_docx_bytes(test::make_docx(para(run("标题")) + tbl("甲") + para("") + tbl("乙")));
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 2);
  CHECK(doc->str(doc->tables[1].rows[0].cells[0].span) == "乙");
  CHECK(doc->tables[0].paragraphs.end <= doc->tables[1].paragraphs.begin);
}

}  // namespace fzcheck
