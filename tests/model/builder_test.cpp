#include <doctest/doctest.h>

#include "model/builder.hpp"

namespace fzcheck {

TEST_CASE("builder joins paragraphs with newlines and records spans and anchors") {
  detail::DocumentBuilder b("d", InputFormat::docx, "UTF-8");
  b.begin_paragraph({1, 1});
  b.append("one");
  CHECK(b.in_paragraph());
  CHECK(b.paragraph_size() == 3);
  b.begin_paragraph({2, 1});  // closes the first
  b.append("two");
  b.add_page({210, 297, 37, 35, 28, 26, 0});
  Document d = std::move(b).finish();
  CHECK(d.text == "one\ntwo");
  REQUIRE(d.paragraphs.size() == 2);
  CHECK(d.paragraphs[1].span == Span{4, 7});
  CHECK(d.anchors.size() == 2);
  CHECK(d.has_layout());
  CHECK(d.pages[0].margin_top_mm == 37);
  CHECK(d.format == InputFormat::docx);
}

}  // namespace fzcheck
