#include <doctest/doctest.h>

#include "model/builder.hpp"

namespace fzcheck {

TEST_CASE("locate maps offsets through anchors to source lines and code-point columns") {
  detail::DocumentBuilder b("x.html", InputFormat::html, "UTF-8");
  b.begin_paragraph({10, 5});
  b.append("ab");
  b.append_at("\xE4\xB8\x80\xE4\xBA\x8C", {12, 3});  // 一二 starts at line 12 column 3
  b.end_paragraph();
  b.begin_paragraph({20, 1});
  b.append("z");
  Document d = std::move(b).finish();
  CHECK(d.text == "ab\xE4\xB8\x80\xE4\xBA\x8C\nz");
  CHECK(d.locate(0) == Position{10, 5});
  CHECK(d.locate(1) == Position{10, 6});
  CHECK(d.locate(2) == Position{12, 3});
  CHECK(d.locate(5) == Position{12, 4});
  CHECK(d.locate(9) == Position{20, 1});
  CHECK(d.paragraph_at(0) == 0);
  CHECK(d.paragraph_at(8) == 0);  // the '\n' belongs to the paragraph before it
  CHECK(d.paragraph_at(9) == 1);
}

TEST_CASE("to_string names of the model's enums") {
  CHECK(std::string(to_string(InputFormat::docx)) == "docx");
  CHECK(std::string(to_string(ParagraphRole::signature)) == "signature");
  CHECK(std::string(to_string(Bracket::half)) == "halfwidth");
  CHECK(std::string(to_string(Delimiter::fullwidth_dot)) == "fullwidth-dot");
  CHECK(std::string(to_string(DateForm::arabic_padded)) == "arabic-padded");
  CHECK(std::string(to_string(Numeral::circled)) == "circled");
}

}  // namespace fzcheck
