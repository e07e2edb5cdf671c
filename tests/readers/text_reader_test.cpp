#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include "fzcheck/read.hpp"
#include "readers/readers.hpp"
#include "support.hpp"

namespace fzcheck {

TEST_CASE("text reader: CRLF, CR and LF line ends all give one paragraph per source line") {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    CAPTURE(eol.size());
    std::string text = "first" + eol + eol + "third" + eol;
    auto doc = detail::read_text(text, "t.txt", {});
    REQUIRE(doc.ok());
    REQUIRE(doc->paragraphs.size() == 3);
    CHECK(doc->paragraph_text(0) == "first");
    CHECK(doc->paragraph_text(1) == "");
    CHECK(doc->paragraph_text(2) == "third");
    CHECK(doc->locate(doc->paragraphs[2].span.begin) == Position{3, 1});
    CHECK(doc->text == "first\n\nthird");
  }
}

TEST_CASE("text reader: mixed line ends keep source line numbers") {
  auto doc = detail::read_text("a\r\nb\rc\nd", "t.txt", {});
  REQUIRE(doc.ok());
  REQUIRE(doc->paragraphs.size() == 4);
  CHECK(doc->locate(doc->paragraphs[3].span.begin).line == 4);
}

TEST_CASE("text reader: columns count code points of the original line, after a BOM") {
  // "一、" then a space; 主 is the 4th code point of line 2.
  std::string text = "\xEF\xBB\xBFtitle\n\xE4\xB8\x80\xE3\x80\x81 \xE4\xB8\xBB";
  auto doc = detail::read_text(text, "t.txt", {});
  REQUIRE(doc.ok());
  CHECK(doc->had_bom);
  CHECK(doc->locate(0) == Position{1, 1});
  std::uint32_t zhu = doc->paragraphs[1].span.begin + 7;
  CHECK(doc->locate(zhu) == Position{2, 4});
}

TEST_CASE("text reader: GB18030 and UTF-16 copies of a sample give the same document") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/002_761e60630c4c52e8.txt"));
  auto reference = detail::read_text(utf8, "u.txt", {});
  REQUIRE(reference.ok());
  for (const char* enc : {"GB18030", "UTF-16LE"}) {
    CAPTURE(enc);
    std::string bytes(utf8.size() * 4 + 8, '\0');
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = ucnv_convert(enc, "UTF-8", bytes.data(), static_cast<int32_t>(bytes.size()),
                             utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    bytes.resize(static_cast<std::size_t>(n));
    if (std::string(enc) == "UTF-16LE") bytes = "\xFF\xFE" + bytes;
    auto doc = detail::read_text(bytes, "x.txt", {});
    REQUIRE(doc.ok());
    CHECK(doc->encoding == enc);
    CHECK(doc->text == reference->text);
    CHECK(doc->sections.size() == reference->sections.size());
  }
}

TEST_CASE("text reader: a file of only whitespace is an error") {
  auto doc = detail::read_text(" \n\t\n\xE3\x80\x80\n", "blank.txt", {});
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::empty);
  CHECK(doc.error().file == "blank.txt");
}

TEST_CASE("parse_text reads UTF-8 from memory and refuses invalid UTF-8") {
  auto doc = parse_text("a\nb");
  REQUIRE(doc.ok());
  CHECK(doc->name == "<memory>");
  CHECK(doc->paragraphs.size() == 2);
  auto bad = parse_text("a\xFF", "mem");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::encoding);
}

}  // namespace fzcheck
