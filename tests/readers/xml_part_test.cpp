// XML parts of a .docx: the pre-scan (DTDs, nesting) and loading with clear errors.
#include "readers/xml_part.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <sstream>

namespace fzcheck {

using detail::load_xml_part;
using detail::scan_xml;
using detail::XmlScan;

namespace {

std::string nested(std::size_t depth) {
  std::string s;
  for (std::size_t i = 0; i < depth; ++i) s += "<a>";
  for (std::size_t i = 0; i < depth; ++i) s += "</a>";
  return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "xml scan: depth counts open elements, empty elements, comments, CDATA, PIs and quoted '>' do "
    "not nest") {
  XmlScan s = scan_xml(
      R"(<?xml version="1.0"?><r a="x>y" b='/>'><!-- <c><d> --><e/><f><![CDATA[<g><h>]]></f></r>)",
      10);
  CHECK(s.problem == XmlScan::Problem::none);
  CHECK(s.max_depth == 2);
  CHECK(scan_xml(nested(5), 10).max_depth == 5);
}

TEST_CASE("xml scan: nesting beyond the limit stops at the first element too deep") {
  XmlScan s = scan_xml(nested(100), 50);
  CHECK(s.problem == XmlScan::Problem::too_deep);
  CHECK(s.offset == 50 * 3);  // the 51st <a>
  CHECK(scan_xml(nested(50), 50).problem == XmlScan::Problem::none);
}

TEST_CASE("xml scan: elements and attributes are counted, and refused past max_nodes") {
  const std::string xml = R"(<?xml version="1.0"?><r a="x=y" b='='><!-- <c d="1"> --><e f="1"/>)"
                          R"(<g><![CDATA[<h i="2">]]></g></r>)";
  XmlScan s = scan_xml(xml, 10);
  CHECK(s.problem == XmlScan::Problem::none);
  CHECK(s.nodes == 6);  // r, a, b, e, f, g: '=' in quoted values, comments and CDATA do not count
  CHECK(scan_xml(xml, 10, 6).problem == XmlScan::Problem::none);
  XmlScan over = scan_xml(xml, 10, 5);
  CHECK(over.problem == XmlScan::Problem::too_many_nodes);
  CHECK(over.offset == xml.find("<g>"));
  auto doc = load_xml_part(xml, "word/styles.xml", "t.docx", 10, false, 5);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(doc.error().key == "error_xml_too_many_nodes");
}

TEST_CASE("xml scan: a DOCTYPE or ENTITY declaration is found in any case") {
  XmlScan s = scan_xml("<?xml version=\"1.0\"?>\n<!doctype r [<!ENTITY a \"b\">]><r/>", 10);
  CHECK(s.problem == XmlScan::Problem::doctype);
  CHECK(s.offset == 22);
  // Inside a comment it is only text.
  CHECK(scan_xml("<!-- <!DOCTYPE x> --><r/>", 10).problem == XmlScan::Problem::none);
}

TEST_CASE("xml part: billion laughs is refused without expanding anything") {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    xml += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      xml += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
  auto start = std::chrono::steady_clock::now();
  auto doc = load_xml_part(xml, "word/document.xml", "laughs.docx", 2000);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(doc.error().file == "laughs.docx");
  CHECK(contains(doc.error().message, "word/document.xml"));
  CHECK(contains(doc.error().message, "<!DOCTYPE>, line 2"));
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

TEST_CASE("xml part: an external entity (XXE) is refused the same way") {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
  auto doc = load_xml_part(xml, "word/styles.xml", "xxe.docx", 2000);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(contains(doc.error().message, "word/styles.xml"));
}

TEST_CASE("xml part: 100,000 nested elements are refused quickly, naming the limit") {
  std::string xml = nested(100000);
  auto start = std::chrono::steady_clock::now();
  auto doc = load_xml_part(xml, "word/document.xml", "deep.docx", 2000);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(doc.error().message, "more than 2000 deep"));
  CHECK(contains(doc.error().message, "ReadOptions::max_nesting"));
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

TEST_CASE("xml part: malformed XML is corrupt, with the parser's reason and the line") {
  auto doc = load_xml_part("<r>\n<a>\n</b></r>", "word/numbering.xml", "m.docx", 2000);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::corrupt);
  CHECK(contains(doc.error().message, "word/numbering.xml is not well-formed XML"));
  CHECK(contains(doc.error().message, "line 3"));
  auto empty = load_xml_part("", "word/document.xml", "m.docx", 2000);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == ErrorCode::corrupt);
}

TEST_CASE("xml part: whitespace-only text is kept (xml:space=\"preserve\" runs)") {
  auto doc = load_xml_part("<r><t xml:space=\"preserve\"> </t></r>", "p", "f", 10);
  REQUIRE(doc.ok());
  CHECK(std::string((*doc)->child("r").child("t").child_value()) == " ");
}

TEST_CASE("xml part: a UTF-16 part is read as UTF-8") {
  std::u16string text = u"<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>\u4E00</r>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  auto doc = load_xml_part(bytes, "p", "f", 10);
  REQUIRE(doc.ok());
  CHECK(std::string((*doc)->child("r").child_value()) == "\xE4\xB8\x80");
}

TEST_CASE("xml part: namespace prefixes are looked up on the root") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(R"(<x:document xmlns:x="urn:word" xmlns="urn:default"/>)"));
  CHECK(detail::namespace_prefix(doc.document_element(), "urn:word", "w:") == "x:");
  CHECK(detail::namespace_prefix(doc.document_element(), "urn:default", "w:") == "");
  CHECK(detail::namespace_prefix(doc.document_element(), "urn:other", "w:") == "w:");
  CHECK(detail::local_name("x:p", "x:") == "p");
  CHECK(detail::local_name("w:p", "x:") == "");
  CHECK(detail::local_name("p", "") == "p");
  CHECK(detail::local_name("w:p", "") == "");
}

TEST_CASE(
    "xml part: an editable part saves back with its declaration, comments and attribute "
    "whitespace") {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?><!-- kept --><r a=\"x\ty\">"
      "<?pi kept?><t> </t></r>";
  auto plain = load_xml_part(xml, "p.xml", "f.docx", 100);
  auto editable = load_xml_part(xml, "p.xml", "f.docx", 100, true);
  REQUIRE(plain.ok());
  REQUIRE(editable.ok());
  std::ostringstream out;
  (*editable)->save(out, "", pugi::format_raw, pugi::encoding_utf8);
  // Saved as UTF-8, so the declaration says so; the tab is kept (written as a reference).
  CHECK(
      out.str() ==
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!-- kept --><r a=\"x&#09;y\">"
      "<?pi kept?><t> </t></r>");
  CHECK(std::string((*plain)->document_element().attribute("a").value()) == "x y");
}

}  // namespace fzcheck
