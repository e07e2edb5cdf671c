#include "readers/encoding.hpp"

#include <unicode/ucnv.h>

#include <doctest/doctest.h>

#include "support.hpp"

namespace fzcheck {

using detail::decode_text;

namespace {

using namespace std::string_literals;
// The sample report, converted to another encoding with ICU.
std::string sample_in(const std::string& encoding) {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/001_0a9e7cee78fe9105.txt"));
  std::string out;
  UErrorCode status = U_ZERO_ERROR;
  out.resize(utf8.size() * 4 + 16);
  int32_t n = ucnv_convert(encoding.c_str(), "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}
}  // namespace

TEST_CASE("decode_text: UTF-8 with and without a byte-order mark") {
  auto plain = decode_text("\xE6\xB3\x95\xE6\xB2\xBB", "", "f");
  REQUIRE(plain.ok());
  CHECK(plain->encoding == "UTF-8");
  CHECK_FALSE(plain->bom);
  auto bom = decode_text("\xEF\xBB\xBF\xE6\xB3\x95", "", "f");
  REQUIRE(bom.ok());
  CHECK(bom->utf8 == "\xE6\xB3\x95");
  CHECK(bom->bom);
}

TEST_CASE("decode_text: GB18030 without a BOM is detected with ICU and converted") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/001_0a9e7cee78fe9105.txt"));
  for (const char* enc : {"GB18030", "GBK"}) {
    CAPTURE(enc);
    auto decoded = decode_text(sample_in(enc), "", "f");
    REQUIRE(decoded.ok());
    CHECK(decoded->encoding == "GB18030");
    CHECK(decoded->utf8 == utf8);
  }
}

TEST_CASE("decode_text: UTF-16 and UTF-32 with a byte-order mark") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/001_0a9e7cee78fe9105.txt"));
  for (const char* enc : {"UTF-16LE", "UTF-16BE", "UTF-32LE"}) {
    CAPTURE(enc);
    // ucnv_convert to UTF-16LE writes no BOM; add the mark by converting U+FEFF first.
    std::string with_bom = sample_in(enc);
    std::string bom;
    if (std::string(enc) == "UTF-16LE") bom = "\xFF\xFE";
    if (std::string(enc) == "UTF-16BE") bom = "\xFE\xFF";
    if (std::string(enc) == "UTF-32LE") bom = std::string("\xFF\xFE\x00\x00", 4);
    auto decoded = decode_text(bom + with_bom, "", "f");
    REQUIRE(decoded.ok());
    CHECK(decoded->encoding == enc);
    CHECK(decoded->bom);
    CHECK(decoded->utf8 == utf8);
  }
}

TEST_CASE("decode_text: UTF-16 without a BOM is accepted only when ICU recognises it") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/001_0a9e7cee78fe9105.txt"));
  auto decoded = decode_text(sample_in("UTF-16LE"), "", "f");
  REQUIRE(decoded.ok());
  CHECK(decoded->encoding == "UTF-16LE");
  CHECK(decoded->utf8 == utf8);
}

// A UTF-8 file with a NUL byte, of even length, was taken for UTF-16LE and read as mojibake.
TEST_CASE("decode_text: valid UTF-8 with a NUL byte is UTF-8 with a NUL, refused, not UTF-16") {
  const std::string text = "一、工作\n正文\0有空字节。\n"s;
  REQUIRE(text.size() % 2 == 0);
  auto decoded = decode_text(text, "", "nul.txt");
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.error().code == ErrorCode::binary);
  CHECK(decoded.error().key == "error_binary_nul");
  // UTF-16 of ASCII is valid UTF-8 too, but half NULs: still UTF-16 when ICU says so.
  std::string ascii16;
  for (char c : std::string("The annual report of the office, in plain ASCII text.\n"))
    ascii16 += std::string(1, c) + '\0';
  auto utf16 = decode_text(ascii16, "", "a.txt");
  if (utf16.ok()) CHECK(utf16->encoding == "UTF-16LE");
}

TEST_CASE("decode_text: a forced encoding is used as given") {
  auto decoded = decode_text(sample_in("GB18030"), "gbk", "f");
  REQUIRE(decoded.ok());
  CHECK(decoded->encoding == "GBK");
  auto unknown = decode_text("abc", "no-such-encoding", "f");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == ErrorCode::usage);
  auto wrong = decode_text("\xFF\xFF\xFF", "UTF-8", "f");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().code == ErrorCode::encoding);
}

TEST_CASE("decode_text: binary data and text that is neither UTF-8 nor GB18030 are refused") {
  auto nul = decode_text(std::string("\x7F"
                                     "ELF\x02\x01\x01\x00\x00\x00",
                                     10),
                         "", "bin");
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.error().code == ErrorCode::binary);
  CHECK(nul.error().file == "bin");

  auto controls = decode_text(std::string(200, '\x01') + "abc", "", "ctl");
  REQUIRE_FALSE(controls.ok());
  CHECK(controls.error().code == ErrorCode::binary);
  CHECK(controls.error().key == "error_binary_controls");
  // With the encoding named, the bytes are text as the caller says (NUL bytes still are not).
  auto named = decode_text(std::string(200, '\x01') + "abc", "UTF-8", "ctl");
  REQUIRE(named.ok());
  CHECK(named->utf8.size() == 203);
  CHECK(decode_text(std::string(2, '\0') + "abc", "UTF-8", "nul").error().key ==
        "error_binary_nul");

  // Latin-1 text: invalid UTF-8, and 0xE9 0x20 is not a GB18030 sequence either.
  auto latin = decode_text("Caf\xE9 au lait, na\xEFve r\xE9sum\xE9\n", "", "latin.txt");
  REQUIRE_FALSE(latin.ok());
  CHECK(latin.error().code == ErrorCode::encoding);
  CHECK(latin.error().message.find("neither valid UTF-8") != std::string::npos);
  CHECK(latin.error().message.find("line 1, column 4") != std::string::npos);
}

TEST_CASE("decode_text: a UTF-8 file with one damaged byte is reported, not misread as GB18030") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/001_0a9e7cee78fe9105.txt"));
  utf8[utf8.size() / 2] = '\xFF';
  auto decoded = decode_text(utf8, "", "damaged.txt");
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.error().code == ErrorCode::encoding);
}

TEST_CASE("detect_bom and canonical names") {
  CHECK(detail::detect_bom("\xEF\xBB\xBFx")->encoding == "UTF-8");
  CHECK(detail::detect_bom("\xFF\xFEx\x00")->encoding == "UTF-16LE");
  CHECK(detail::detect_bom("\xFE\xFF\x00x")->encoding == "UTF-16BE");
  CHECK_FALSE(detail::detect_bom("abc").has_value());
  CHECK(detail::canonical_encoding_name("gb18030") == "GB18030");
  CHECK(detail::canonical_encoding_name("nonsense-enc").empty());
}

}  // namespace fzcheck
