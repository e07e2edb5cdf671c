// The HTML reader: saved government pages (UTF-8 and GBK) give the report's text and outline
// without the site around it; positions point into the HTML file; hostile pages are refused.
#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <chrono>

#include "fzcheck/read.hpp"
#include "readers/readers.hpp"
#include "same_document.hpp"
#include "support.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

Result<Document> read_html_bytes(const std::string& bytes, const ReadOptions& options = {}) {
  ReadOptions o = options;
  o.format = InputFormat::html;
  return read_bytes(bytes, "page.html", o);
}

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) out.emplace_back(doc.paragraph_text(i));
  return out;
}

std::vector<std::string> page_texts(const std::string& html, const ReadOptions& options = {}) {
  auto doc = read_html_bytes(html, options);
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return texts(*doc);
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

Document read_fixture(const std::string& relative) {
  auto doc = read_document(test::source_path(relative));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return std::move(doc).value();
}

using test::nonblank_trimmed;
using test::outline;
using test::OutlineLine;

// The position of the first occurrence of `needle` in the document text.
Position where(const Document& doc, std::string_view needle) {
  std::size_t at = doc.text.find(needle);
  REQUIRE(at != std::string::npos);
  return doc.locate(static_cast<std::uint32_t>(at));
}

}  // namespace

// ---- saved pages of the sample reports ------------------------------------------------------

TEST_CASE("html: a saved UTF-8 page gives the report of the .txt, without the site's chrome") {
  Document txt = read_fixture("examples/reports/000_564c8ac60a8ddf78.txt");
  Document page = read_fixture("tests/fixtures/html/000_564c8ac60a8ddf78.html");
  CHECK(page.format == InputFormat::html);
  CHECK(page.encoding == "UTF-8");
  CHECK(nonblank_trimmed(page) == nonblank_trimmed(txt));
  CHECK(outline(page) == outline(txt));
  REQUIRE(page.title.has_value());
  CHECK(page.title->text == "索县教育局2024年度法治政府建设情况报告");
  CHECK(page.paragraphs[0].title_style);  // the <h1>, found just outside the text's container
  CHECK(page.paragraphs[1].title_style);  // its second line, after a <br>
  for (const char* chrome : {"首页", "政务公开", "当前位置", "发布时间", "分享到", "相关文章",
                             "主办", "网站标识码", "脚本", "扫码关注", "_索县人民政府"}) {
    CAPTURE(chrome);
    CHECK_FALSE(contains(page.text, chrome));
  }
}

TEST_CASE("html: a GBK page declared with http-equiv gives the report of the .txt") {
  Document txt = read_fixture("examples/reports/004_982b1b364f1fe93d.txt");
  Document page = read_fixture("tests/fixtures/html/004_982b1b364f1fe93d.gbk.html");
  CHECK(page.encoding == "GB18030");
  CHECK(nonblank_trimmed(page) == nonblank_trimmed(txt));
  CHECK(outline(page) == outline(txt));
  REQUIRE(page.title.has_value());
  CHECK(page.title->text == txt.title->text);
  for (const char* chrome : {"首页", "通知公告", "版权所有", "人民政府网"}) {
    CAPTURE(chrome);
    CHECK_FALSE(contains(page.text, chrome));
  }
  // The same bytes with the encoding forced give the same text.
  ReadOptions forced;
  forced.encoding = "GBK";
  auto again =
      read_document(test::source_path("tests/fixtures/html/004_982b1b364f1fe93d.gbk.html"), forced);
  REQUIRE(again.ok());
  CHECK(again->text == page.text);
}

TEST_CASE("html: positions point at the text in the HTML file, in code points") {
  Document page = read_fixture("tests/fixtures/html/000_564c8ac60a8ddf78.html");
  // Line 15 is "    <h1>索县教育局2024年度法治政府建设<br>情况报告</h1>".
  CHECK(where(page, "索县教育局2024年度") == Position{15, 9});
  CHECK(where(page, "情况报告") == Position{15, 30});
  // Line 18 is the first <p> of the text, indented by six spaces.
  CHECK(where(page, "2024年，索县教育局") == Position{18, 10});
  // A paragraph the page breaks over several source lines (between Chinese characters, where
  // no space is inserted) is still placed exactly: find its second source line.
  std::string html =
      test::read_file(test::source_path("tests/fixtures/html/000_564c8ac60a8ddf78.html"));
  std::size_t line_start = html.find("\n      ", html.find("<p>2024"));
  REQUIRE(line_start != std::string::npos);
  std::size_t after = line_start + 7;
  std::size_t end = after;
  for (int k = 0; k < 8; ++k) utf8::next(html, end);  // eight code points
  std::string second = html.substr(after, end - after);
  REQUIRE(page.text.find(second) == page.text.rfind(second));  // it occurs once
  auto line = static_cast<std::uint32_t>(
      1 + std::count(html.begin(), html.begin() + static_cast<std::ptrdiff_t>(after), '\n'));
  CHECK(where(page, second) == Position{line, 7});
}

TEST_CASE("html: positions after entities, line breaks, CRLF and tabs") {
  auto doc = read_html_bytes(
      "<html><body><p>&ldquo;法&rdquo;治 &amp; x</p>\r\n<p>ab\r\n   "
      "cd\tef</p>\n<p>一二\n三</p></body></html>");
  REQUIRE(doc.ok());
  CHECK(texts(*doc) == std::vector<std::string>{"“法”治 & x", "ab cd ef", "一二三"});
  CHECK(where(*doc, "法") == Position{1, 23});
  CHECK(where(*doc, "治") == Position{1, 31});
  CHECK(where(*doc, "x") == Position{1, 39});
  CHECK(where(*doc, "ab") == Position{2, 4});
  CHECK(where(*doc, "cd") == Position{3, 4});
  CHECK(where(*doc, "ef") == Position{3, 7});  // a tab is one code point
  CHECK(where(*doc, "三") == Position{5, 1});
}

// ---- structure ----------------------------------------------------------------------------------

TEST_CASE("html: table cells are never headings") {
  auto doc = read_html_bytes(
      "<html><body><article><p>一、总体情况</p><p>正文。</p><table><tr>"
      "<td>一、本年新收申请数量</td><td>5</td></tr><tr><th>（一）予以公开</th><td>1</td></tr>"
      "</table><p>二、其他</p></article></body></html>");
  REQUIRE(doc.ok());
  REQUIRE(doc->sections.size() == 2);
  CHECK(doc->str(doc->sections[1].heading) == "其他");
  CHECK(doc->paragraphs[2].role == ParagraphRole::table);
  CHECK(doc->paragraphs[4].in_table);
  CHECK_FALSE(doc->paragraphs[6].in_table);
}

TEST_CASE("html: headings give hints, the first one is the title, a written marker wins") {
  auto doc = read_html_bytes(
      "<html><body><article><h1>某局2024年法治政府建设年度报告</h1><p>导语。</p>"
      "<h2>主要工作</h2><p>正文一。</p><h3>组织领导</h3><p>正文二。</p>"
      "<h2>二、存在问题</h2><p>正文三。</p></article></body></html>");
  REQUIRE(doc.ok());
  const auto& p = doc->paragraphs;
  REQUIRE(p.size() == 8);
  CHECK(p[0].title_style);
  CHECK(p[0].outline_level == 0);
  CHECK(p[2].outline_level == 2);
  CHECK(p[4].outline_level == 3);
  CHECK(p[6].outline_level == 2);
  REQUIRE(doc->title.has_value());
  CHECK(doc->title->text == "某局2024年法治政府建设年度报告");
  REQUIRE(doc->sections.size() == 3);
  CHECK(doc->sections[0].marker.numeral == Numeral::none);
  CHECK(doc->str(doc->sections[0].heading) == "主要工作");
  CHECK(doc->sections[1].level == 2);
  CHECK(doc->sections[2].marker.numeral == Numeral::chinese);
  CHECK(doc->sections[2].marker.ordinal == 2);
}

TEST_CASE("html: block elements are paragraphs, inline text joins, white space collapses") {
  auto t = page_texts(
      "<html><body><div>甲<span>乙</span><a href=x>丙</a><b>  丁 </b>戊<br>己</div>"
      "<table><tr><td>单元一</td><td> 单元二 </td></tr></table>"
      "<ul><li>条目一<li>条目二</ul><p>&nbsp;</p><p>　　缩进保留</p><p>a&nbsp;b</p>"
      "<pre>一、标题\n  缩进\n\n末行</pre></body></html>");
  CHECK(t == std::vector<std::string>{"甲乙丙 丁 戊", "己", "单元一", "单元二", "条目一", "条目二",
                                      "　　缩进保留", "a\u00A0b", "一、标题", "  缩进", "末行"});
}

TEST_CASE("html: text that is not the report is left out") {
  auto t = page_texts(
      "<html><head><title>标题栏</title><style>p{}</style></head><body>"
      "<header>站点页眉</header><nav>导航</nav><aside>侧栏</aside>"
      "<form id=form1><div>表单里的正文</div><input value=输入框><button>按钮</button>"
      "<select><option>选项</option></select><textarea>文本区</textarea></form>"
      "<script>脚本</script><noscript>无脚本</noscript><template>模板</template>"
      "<iframe>框架</iframe><svg><text>图形</text></svg>"
      "<div hidden>隐藏一</div><div style=\"DISPLAY : none\">隐藏二</div>"
      "<article><header>文章页眉</header><p>文章正文</p></article>"
      "<p><ruby>注<rt>zhù</rt></ruby>音</p><footer>页脚</footer></body></html>");
  CHECK(t == std::vector<std::string>{"表单里的正文", "文章页眉", "文章正文", "注音"});
}

TEST_CASE("html: the content element is guessed, a title just outside it is taken once") {
  std::string report;
  for (int i = 0; i < 20; ++i)
    report += "<p>这是报告正文的一段，内容足够长，用来占据页面上的大部分中文字符。</p>";
  // The page heading outside the container; a site logo heading with a link is not a title.
  auto t = page_texts(
      "<html><body><h1><a href=/>某市人民政府</a></h1><div class=list><a>链接一</a></div>"
      "<div class=article><h1>某局年度报告</h1><div class=info>来源：某局</div>"
      "<div id=zoom>" +
      report + "</div></div><div class=foot>版权所有某市人民政府办公室</div></body></html>");
  REQUIRE(t.size() == 21);
  CHECK(t[0] == "某局年度报告");
  CHECK(t[1].substr(0, 6) == "这是");
  // When the container repeats the title it is not added twice.
  auto twice = page_texts("<html><body><div><h2>某局年度报告</h2><div id=zoom><p>某局年度报告</p>" +
                          report + "</div></div><div>页脚文字页脚文字页脚文字</div></body></html>");
  CHECK(twice.size() == 21);
  CHECK(twice[0] == "某局年度报告");
}

TEST_CASE("html: a selector chooses the element, and must match") {
  std::string page =
      "<html><body><div id=main class='c1 report'><p>选中的</p></div>"
      "<div class=other><p>其他的其他的其他的其他的其他的其他的其他的其他的</p></div>"
      "<section><p>段落</p></section></body></html>";
  ReadOptions by_id;
  by_id.html_selector = "#main";
  CHECK(page_texts(page, by_id) == std::vector<std::string>{"选中的"});
  ReadOptions by_class;
  by_class.html_selector = ".report";
  CHECK(page_texts(page, by_class) == std::vector<std::string>{"选中的"});
  ReadOptions by_tag;
  by_tag.html_selector = "SECTION";
  CHECK(page_texts(page, by_tag) == std::vector<std::string>{"段落"});

  ReadOptions missing;
  missing.html_selector = "#zoom";
  auto doc = read_html_bytes(page, missing);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::usage);
  CHECK(contains(doc.error().message, "'#zoom' matches no element"));
  CHECK(doc.error().file == "page.html");
  ReadOptions complex;
  complex.html_selector = "div > p";
  auto bad = read_html_bytes(page, complex);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::usage);
}

// ---- encodings
// -----------------------------------------------------------------------------------

namespace {

std::string to_gbk(const std::string& utf8) {
  std::string out(utf8.size() * 2 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert("GBK", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("html: encodings from the meta tag, the bytes, or a BOM") {
  std::string body = "<body><p>法治政府建设年度报告</p></body></html>";
  auto gbk = read_html_bytes(to_gbk("<html><head><meta charset=\"gb2312\"></head>" + body));
  REQUIRE(gbk.ok());
  CHECK(gbk->encoding == "GB18030");
  CHECK(texts(*gbk) == std::vector<std::string>{"法治政府建设年度报告"});
  // No declaration: detected like a text file.
  auto undeclared = read_html_bytes(to_gbk("<html>" + body));
  REQUIRE(undeclared.ok());
  CHECK(texts(*undeclared) == std::vector<std::string>{"法治政府建设年度报告"});
  // Re-saved as UTF-8 with the old declaration left in: the bytes win.
  auto stale = read_html_bytes("<html><head><meta charset=\"gbk\"></head>" + body);
  REQUIRE(stale.ok());
  CHECK(stale->encoding == "UTF-8");
  CHECK(texts(*stale) == std::vector<std::string>{"法治政府建设年度报告"});
  auto bom = read_html_bytes("\xEF\xBB\xBF<html>" + body);
  REQUIRE(bom.ok());
  CHECK(bom->had_bom);
  CHECK(where(*bom, "法") == Position{1, 16});  // the BOM is not a column
}

TEST_CASE("html: bytes valid in no encoding are an encoding error") {
  auto doc = read_html_bytes("<html><body><p>\xFF\xFE\x80\xFF\x80</p></body></html>");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::encoding);
  CHECK(doc.error().file == "page.html");
}

// ---- limits and empty pages -------------------------------------------------------------------

TEST_CASE("html: 100,000 nested elements are refused quickly, with the line") {
  for (std::string tag : {"<div>", "<span>", "<div/>", "<li><ul>"}) {
    CAPTURE(tag);
    std::string page = "<!DOCTYPE html>\n<html><body>\n";
    for (int i = 0; i < 100000; ++i) page += tag;
    page += "x";
    auto start = std::chrono::steady_clock::now();
    auto doc = read_html_bytes(page);
    auto elapsed = std::chrono::steady_clock::now() - start;
    MESSAGE(tag << " x 100000 refused in "
                << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::limit_exceeded);
    CHECK(contains(doc.error().message, "ReadOptions::max_nesting"));
    CHECK(doc.error().pos.line == 3);
    CHECK(elapsed < std::chrono::seconds(1));
  }
}

TEST_CASE("html: nesting up to the limit is read, the limit is an option") {
  std::string page = "<html><body>";
  for (int i = 0; i < 1500; ++i) page += "<div>";
  page += "深处的文字";
  auto doc = read_html_bytes(page);
  REQUIRE(doc.ok());
  CHECK(texts(*doc) == std::vector<std::string>{"深处的文字"});
  ReadOptions tight;
  tight.max_nesting = 100;
  auto refused = read_html_bytes(page, tight);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(refused.error().message, "more than 100 deep"));
}

TEST_CASE("html: a page without text in its body is 'empty'") {
  for (const char* page : {"<html><head><title>只有标题</title></head><body></body></html>",
                           "<html><body><script>var a = '脚本';</script><nav>导航</nav>"
                           "<p>&nbsp;</p><img alt=图片></body></html>"}) {
    CAPTURE(page);
    auto doc = read_html_bytes(page);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == ErrorCode::empty);
    CHECK(contains(doc.error().message, "no text in its body"));
  }
}

TEST_CASE("html: detected from the content by read_document") {
  test::TempDir dir;
  auto path = dir.write("saved.txt", "<!DOCTYPE html><html><body><p>正文</p></body></html>");
  auto doc = read_document(path);
  REQUIRE(doc.ok());
  CHECK(doc->format == InputFormat::html);
  CHECK(texts(*doc) == std::vector<std::string>{"正文"});
}

}  // namespace fzcheck

namespace fzcheck {

// Whatever the bytes, the text of a page is valid UTF-8: a byte that is not is refused in any
// encoding, and references to what is not a character become U+FFFD (as in a browser).
TEST_CASE("html: the text is valid UTF-8 whatever the page holds") {
  auto refs = read_html_bytes(
      "<html><body><p>某局2024年度报告</p><p>甲&#xD800;乙&#x110000;丙&#xDFFF;丁&#0;戊。</p>"
      "</body></html>");
  REQUIRE(refs.ok());
  CHECK(utf8::valid(refs->text));
  CHECK(refs->paragraph_text(1) == "甲\uFFFD乙\uFFFD丙\uFFFD丁\uFFFD戊。");
  const std::string bad =
      "<html><body><p>某局报告</p><p>甲\xFF乙\xED\xA0\x80丙。</p></body></html>";
  CHECK_FALSE(read_html_bytes(bad).ok());
  ReadOptions forced;
  forced.encoding = "UTF-8";
  auto as_utf8 = read_html_bytes(bad, forced);
  REQUIRE_FALSE(as_utf8.ok());
  CHECK(as_utf8.error().code == ErrorCode::encoding);
}

}  // namespace fzcheck

namespace fzcheck {

TEST_CASE("html: tables keep their rows, cells, colspan and rowspan as a browser places them") {
  auto doc = read_html_bytes(
      "<html><body><p>标题</p><table>"
      "<tr><td rowspan=\"2\">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td></tr>"
      "<tr><td>（二）部分公开</td><td>2</td></tr>"
      "<tr><td colspan=\"2\">（七）总计</td><td> 3 </td></tr>"
      "<tr><td>四</td><td></td><td rowspan=\"0\">x</td></tr>"
      "</table><p>后文。</p></body></html>");
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 1);
  const Table& t = doc->tables[0];
  CHECK(t.grid);
  CHECK(t.columns == 3);
  REQUIRE(t.rows.size() == 4);
  REQUIRE(t.rows[0].cells.size() == 3);
  CHECK(t.rows[0].cells[0].row_span == 2);
  // The second row starts in column 1: column 0 is covered by the rowspan above.
  REQUIRE(t.rows[1].cells.size() == 2);
  CHECK(doc->str(t.rows[1].cells[0].span) == "（二）部分公开");
  CHECK(t.rows[1].cells[0].column == 1);
  CHECK(t.rows[1].cells[1].column == 2);
  CHECK(t.rows[1].cells[1].number == 2.0);
  CHECK(t.rows[2].cells[0].column_span == 2);
  CHECK(t.rows[2].cells[1].column == 2);
  CHECK(t.rows[2].cells[1].number == 3.0);
  CHECK(t.rows[3].cells[1].blank());        // an empty <td> is a blank cell
  CHECK(t.rows[3].cells[2].row_span == 1);  // rowspan="0": the rest of the table (one row)
  // The cells point into the HTML source.
  Position pos = doc->locate(t.rows[1].cells[1].span.begin);
  CHECK(pos.line == 1);
  CHECK(pos.column > 1);
}

TEST_CASE("html: a nested table is a table of its own, after the one that holds it") {
  auto doc = read_html_bytes(
      "<html><body><p>标题</p><table><tr><td>外</td><td><table><tr><td>内</td><td>9</td></tr>"
      "</table></td></tr></table></body></html>");
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 2);
  CHECK(doc->str(doc->tables[0].rows[0].cells[0].span) == "外");
  CHECK(doc->tables[1].rows[0].cells[1].number == 9.0);
}

TEST_CASE("html: absurd spans are clamped, not allocated") {
  auto doc = read_html_bytes(
      "<html><body><p>标题</p><table><tr><td colspan=\"999999999\">甲</td><td>1</td></tr>"
      "<tr><td rowspan=\"999999999\">乙</td></tr></table></body></html>");
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 1);
  CHECK(doc->tables[0].rows[0].cells[0].column_span == 1000);
  CHECK(doc->tables[0].columns <= 2048);
  CHECK(doc->tables[0].rows[1].cells[0].row_span == 1);
}

}  // namespace fzcheck
