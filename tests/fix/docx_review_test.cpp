// review_docx: comments anchored at the text of each finding, corrections as tracked changes or
// applied directly, and everything else in the package kept (existing comments, numbering,
// tables, run properties). The copies are read back and their XML inspected.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "fzcheck/check.hpp"
#include "fzcheck/docx_review.hpp"
#include "fzcheck/fix.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"
#include "readers/zip_archive.hpp"
#include "readers/zip_writer.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::make_docx;

constexpr const char* kDate = "2026-12-06T09:00:00Z";

std::string para(const std::string& runs) {
  return "<w:p>" + runs + "</w:p>";
}
std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

Document read(const std::string& bytes) {
  auto doc = read_bytes(bytes, "t.docx");
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return std::move(*doc);
}

// A finding about the first occurrence of `excerpt` in the document's text.
Finding about(const Document& doc, const std::string& excerpt,
              std::optional<std::string> replacement = std::nullopt,
              const std::string& rule = "test-rule") {
  auto at = doc.text.find(excerpt);
  REQUIRE(at != std::string::npos);
  Finding f;
  f.rule_id = rule;
  f.severity = Severity::warning;
  f.message = "about " + excerpt;
  f.begin_offset = static_cast<std::uint32_t>(at);
  f.end_offset = static_cast<std::uint32_t>(at + excerpt.size());
  f.excerpt = excerpt;
  f.replacement = std::move(replacement);
  f.source = "GB/T 15834—2011";
  return f;
}

std::string part(const std::string& docx, const std::string& name) {
  auto archive = detail::ZipArchive::open(docx, "out.docx");
  REQUIRE(archive.ok());
  auto data = archive->read(name, {});
  REQUIRE_MESSAGE(data.ok(), name);
  return *data;
}

bool has_part(const std::string& docx, const std::string& name) {
  auto archive = detail::ZipArchive::open(docx, "out.docx");
  REQUIRE(archive.ok());
  return archive->contains(name);
}

pugi::xml_document xml(const std::string& text) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
  return doc;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

DocxReview review(const std::string& docx, const std::vector<Finding>& findings,
                  DocxReviewOptions options = {}) {
  if (options.date.empty()) options.date = kDate;
  auto r = review_docx(docx, "t.docx", findings, options);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
  return std::move(*r);
}

// The text inside the comment range `id` of a main part (w:t of the runs between the markers).
std::string commented_text(const std::string& document_xml, const std::string& id) {
  std::string start = "<w:commentRangeStart w:id=\"" + id + "\"/>";
  std::string end = "<w:commentRangeEnd w:id=\"" + id + "\"/>";
  auto b = document_xml.find(start);
  auto e = document_xml.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  REQUIRE(b < e);
  auto inside = xml("<x xmlns:w=\"w\">" + document_xml.substr(b, e - b) + "</x>");
  std::string text;
  for (pugi::xpath_node t : inside.select_nodes("//w:t")) text += t.node().child_value();
  return text;
}

}  // namespace

TEST_CASE(
    "review_docx: a comment per finding, anchored at its text, with message, suggestion "
    "and basis") {
  const std::string docx =
      make_docx(para(run("一、主要举措")) + para(run("我局聘任法制副校长") + run("十二名。")));
  Document doc = read(docx);
  std::vector<Finding> findings = {about(doc, "法制副校长"), about(doc, "十二名")};
  DocxReviewOptions options;
  options.changes = DocxReviewOptions::Changes::none;
  DocxReview r = review(docx, findings, options);
  CHECK(r.comments == 2);
  CHECK(r.changed.empty());
  CHECK(read(r.bytes).text == doc.text);  // comments add no text

  std::string comments = part(r.bytes, "word/comments.xml");
  CHECK(count(comments, "<w:comment ") == 2);
  CHECK(comments.find("w:author=\"fzcheck\"") != std::string::npos);
  CHECK(comments.find(std::string("w:date=\"") + kDate + "\"") != std::string::npos);
  CHECK(comments.find("【警告】about 法制副校长") != std::string::npos);
  CHECK(comments.find("依据：GB/T 15834—2011") != std::string::npos);
  CHECK(comments.find("规则：test-rule") != std::string::npos);

  std::string main = part(r.bytes, "word/document.xml");
  CHECK(commented_text(main, "1") == "法制副校长");
  CHECK(commented_text(main, "2") == "十二名");
  CHECK(count(main, "<w:commentReference w:id=") == 2);
  // The package knows the new part.
  CHECK(part(r.bytes, "[Content_Types].xml").find("/word/comments.xml") != std::string::npos);
  CHECK(part(r.bytes, "word/_rels/document.xml.rels").find("relationships/comments") !=
        std::string::npos);
}

TEST_CASE(
    "review_docx: a correction inside a run is a tracked change that keeps the run's "
    "properties") {
  const std::string docx =
      make_docx(para(run("一、主要举措")) + para(run("我局聘任法制副校长十二名。", "<w:b/>")));
  Document doc = read(docx);
  std::vector<Finding> findings = {about(doc, "法制", std::string("法治"))};
  DocxReviewOptions options;
  options.comments = false;
  DocxReview r = review(docx, findings, options);
  REQUIRE(r.changed.size() == 1);
  CHECK(r.not_changed.empty());
  CHECK_FALSE(has_part(r.bytes, "word/comments.xml"));

  // Read back, revisions accepted: the corrected text.
  CHECK(read(r.bytes).text == apply_fixes(doc, findings).text);
  std::string main = part(r.bytes, "word/document.xml");
  auto tree = xml(main);
  pugi::xpath_node del = tree.select_node("//w:del");
  pugi::xpath_node ins = tree.select_node("//w:ins");
  REQUIRE(del);
  REQUIRE(ins);
  CHECK(std::string(del.node().select_node(".//w:delText").node().child_value()) == "法制");
  CHECK(std::string(ins.node().select_node(".//w:t").node().child_value()) == "法治");
  CHECK(std::string(del.node().attribute("w:author").value()) == "fzcheck");
  CHECK(std::string(ins.node().attribute("w:date").value()) == kDate);
  CHECK(std::string(del.node().attribute("w:id").value()) !=
        std::string(ins.node().attribute("w:id").value()));
  // Every piece of the split run, and the inserted one, is still bold.
  CHECK(tree.select_nodes("//w:r").size() == 5);  // heading, 我局聘任, 法制, 法治, 副校长…
  CHECK(tree.select_nodes("//w:r[w:rPr/w:b]").size() == 4);
}

TEST_CASE("review_docx: a correction across runs, a deletion and an insertion") {
  const std::string docx = make_docx(para(run("一、主要举措")) +
                                     para(run("开展培训") + run(",,共计") + run("3次效果良好。")));
  Document doc = read(docx);
  Finding comma = about(doc, ",,共计3", std::string("，共计3"));
  Finding insert = about(doc, "效果");
  insert.end_offset = insert.begin_offset;  // insert before 效果
  insert.excerpt.clear();
  insert.replacement = "，";
  std::vector<Finding> findings = {comma, insert};
  DocxReview r = review(docx, findings);
  CHECK(r.changed.size() == 2);
  CHECK(r.not_changed.empty());
  CHECK(read(r.bytes).text == apply_fixes(doc, findings).text);
  CHECK(doc.paragraph_text(1) == "开展培训,,共计3次效果良好。");
  CHECK(read(r.bytes).paragraph_text(1) == "开展培训，共计3次，效果良好。");
  std::string main = part(r.bytes, "word/document.xml");
  CHECK(count(main, "<w:del ") == 2);  // one per run the deleted text was in
  CHECK(count(main, "<w:ins ") == 2);
}

TEST_CASE("review_docx: --no-track applies the corrections to the text") {
  const std::string docx = make_docx(para(run("一、主要举措")) + para(run("我局聘任法制副校长。")));
  Document doc = read(docx);
  std::vector<Finding> findings = {about(doc, "法制", std::string("法治"))};
  DocxReviewOptions options;
  options.changes = DocxReviewOptions::Changes::direct;
  DocxReview r = review(docx, findings, options);
  CHECK(r.changed.size() == 1);
  CHECK(read(r.bytes).paragraph_text(1) == "我局聘任法治副校长。");
  std::string main = part(r.bytes, "word/document.xml");
  CHECK(main.find("<w:ins") == std::string::npos);
  CHECK(main.find("<w:del") == std::string::npos);
  CHECK(count(main, "<w:commentReference") == 1);
}

TEST_CASE("review_docx: corrections in list numbers and fields are left to the comments") {
  const std::string numbering = test::word_part(
      "numbering",
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>)"
      R"(</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)");
  const std::string docx =
      make_docx(para(run("一、主要举措")) +
                    R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)"
                    R"(</w:pPr>)" +
                    run("健全制度") + "</w:p>",
                {{"word/numbering.xml", numbering}});
  Document doc = read(docx);
  REQUIRE(doc.paragraph_text(1) == "（1）健全制度");
  std::vector<Finding> findings = {about(doc, "（1）", std::string("（一）"))};
  DocxReview r = review(docx, findings);
  CHECK(r.changed.empty());
  REQUIRE(r.not_changed.size() == 1);
  CHECK(r.comments == 1);
  CHECK(read(r.bytes).text == doc.text);
  CHECK(part(r.bytes, "word/numbering.xml") == numbering);  // untouched, byte for byte
}

TEST_CASE("review_docx: existing comments, tables and other parts survive") {
  const std::string comments = test::word_part(
      "comments",
      R"(<w:comment w:id="7" w:author="张三"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>)");
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>)"
      R"(</Relationships>)";
  const std::string table = "<w:tbl><w:tr><w:tc>" + para(run("项目")) + "</w:tc><w:tc>" +
                            para(run("数量")) + "</w:tc></w:tr><w:tr><w:tc>" + para(run("培训")) +
                            "</w:tc><w:tc>" + para(run("3")) + "</w:tc></w:tr></w:tbl>";
  const std::string docx = make_docx(
      para(run("一、主要举措")) +
          para(R"(<w:commentRangeStart w:id="7"/>)" + run("我局聘任法制副校长。") +
               R"(<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>)") +
          table,
      {{"word/comments.xml", comments}, {"word/_rels/document.xml.rels", rels}});
  Document doc = read(docx);
  std::vector<Finding> findings = {about(doc, "法制", std::string("法治"))};
  DocxReview r = review(docx, findings);
  CHECK(r.comments == 1);
  CHECK(r.changed.size() == 1);

  std::string out_comments = part(r.bytes, "word/comments.xml");
  CHECK(count(out_comments, "<w:comment ") == 2);
  CHECK(out_comments.find("请核实") != std::string::npos);
  CHECK(out_comments.find("w:id=\"8\"") != std::string::npos);   // after the existing id 7
  CHECK(part(r.bytes, "word/_rels/document.xml.rels") == rels);  // no second relationship
  std::string main = part(r.bytes, "word/document.xml");
  CHECK(main.find(R"(<w:commentRangeStart w:id="7"/>)") != std::string::npos);
  CHECK(count(main, "<w:tc>") == 4);
  Document out = read(r.bytes);
  CHECK(out.text == apply_fixes(doc, findings).text);
  CHECK(out.paragraphs.size() == doc.paragraphs.size());
}

TEST_CASE("review_docx: the findings of a real check on a Word report") {
  const std::string docx =
      test::read_file(test::source_path("tests/fixtures/docx/004_982b1b364f1fe93d.docx"));
  Document doc = read(docx);
  Report report = check(doc, RuleSet::builtin());
  REQUIRE(report.findings.size() > 5);
  DocxReview r = review(docx, report.findings);
  CHECK(r.comments == report.findings.size());
  CHECK(count(part(r.bytes, "word/comments.xml"), "<w:comment ") == report.findings.size());
  CHECK_FALSE(r.changed.empty());
  Document out = read(r.bytes);
  CHECK(out.text == apply_fixes(doc, r.changed).text);
  CHECK(out.paragraphs.size() == doc.paragraphs.size());
  // Checked again, the corrected copy no longer has the findings that were corrected.
  Report again = check(out, RuleSet::builtin());
  CHECK(again.findings.size() < report.findings.size());
}

TEST_CASE(
    "review_docx: findings from another document and files that are not .docx are "
    "refused") {
  const std::string docx = make_docx(para(run("正文。")));
  Finding f;
  f.rule_id = "x";
  f.begin_offset = 100;
  f.end_offset = 120;
  auto r = review_docx(docx, "t.docx", {f});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::usage);
  auto text = review_docx("纯文本", "t.txt", {});
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().code == ErrorCode::corrupt);
}

}  // namespace fzcheck
