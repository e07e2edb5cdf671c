// Locator: the positions of Document::locate(), counted in blocks so that a long line with many
// findings costs no more than a short one.
#include <doctest/doctest.h>

#include "model/builder.hpp"
#include "model/locator.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

// Every offset of the text, and one past it, gives what Document::locate gives.
void same_as_document(const Document& doc) {
  Locator locator(doc);
  for (std::uint32_t offset = 0; offset <= doc.text.size() + 1; ++offset) {
    REQUIRE_MESSAGE(locator.locate(offset) == doc.locate(offset), "offset " << offset);
    REQUIRE(line_at(doc, offset) == doc.locate(offset).line);
  }
}

}  // namespace

TEST_CASE("locator: the same positions as Document::locate, across blocks and anchors") {
  // Lines longer than a block, mixed widths (1 to 4 bytes), empty lines.
  std::string text = "标题报告\n\n";
  for (int i = 0; i < 300; ++i) text += (i % 3 == 0 ? "a" : i % 3 == 1 ? "甲" : "\xF0\x9F\x98\x80");
  text += "\n短\n" + std::string(700, 'x') + "\n";
  same_as_document(test::parse(text));

  // Several anchors in one paragraph, and text before the first anchor.
  DocumentBuilder b("x.html", InputFormat::html, "UTF-8");
  b.begin_paragraph({10, 5});
  for (int i = 0; i < 200; ++i) b.append("甲");
  b.append_at("乙丙", {12, 3});
  b.end_paragraph();
  b.begin_paragraph({20, 1});
  b.append("z");
  same_as_document(std::move(b).finish());

  Document empty;
  CHECK(Locator(empty).locate(0) == Position{});
  CHECK(line_at(empty, 0) == 0);
}

TEST_CASE("locator: the end of a line of a million code points") {
  std::string text = "标题报告\n";
  for (int i = 0; i < (1 << 20); ++i) text += "、";
  text += "\n末行\n";
  Document doc = test::parse(text);
  Locator locator(doc);
  const auto end_of_line = static_cast<std::uint32_t>(text.find("\n末行"));
  CHECK(locator.locate(end_of_line) == Position{2, (1 << 20) + 1});
  CHECK(locator.locate(end_of_line - 3) == Position{2, 1 << 20});
  CHECK(locator.locate(end_of_line + 1) == Position{3, 1});
  CHECK(locator.locate(end_of_line) == doc.locate(end_of_line));
}

}  // namespace fzcheck::detail
