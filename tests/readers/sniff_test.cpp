#include <doctest/doctest.h>

#include "fzcheck/i18n.hpp"
#include "fzcheck/read.hpp"
#include "readers/readers.hpp"

namespace fzcheck {

using detail::sniff;
using namespace std::string_literals;

namespace {
// The message of the error for a format fzcheck does not read.
std::string refusal(std::string_view bytes) {
  return sniff(bytes).unsupported_error("f").message;
}
}  // namespace

TEST_CASE("sniff: text and HTML") {
  CHECK(sniff("plain text").format == InputFormat::text);
  CHECK(sniff("<!DOCTYPE html><html>").format == InputFormat::html);
  CHECK(sniff("\xEF\xBB\xBF  <!-- saved --> <HTML lang=zh>").format == InputFormat::html);
  CHECK(sniff("<?xml version=\"1.0\"?>\n<html xmlns=\"x\">").format == InputFormat::html);
  CHECK(sniff("<meta charset=gbk><p>x").format == InputFormat::html);
  CHECK(sniff("<p>not sure this is html").format == InputFormat::text);
  CHECK(sniff("\xFF\xFE<\0h\0t\0m\0l\0>\0"s).format == InputFormat::html);
  CHECK(detect_format("text") == InputFormat::text);
}

TEST_CASE("sniff: zip containers") {
  CHECK(sniff("PK\x03\x04....word/document.xml"s).format == InputFormat::docx);
  auto odt =
      sniff("PK\x03\x04.........................mimetypeapplication/vnd.oasis.opendocument.text"s);
  CHECK_FALSE(odt.format);
  CHECK(odt.unsupported_error("f").message.find("OpenDocument") != std::string::npos);
  auto zip = sniff("PK\x03\x04 something else"s);
  CHECK_FALSE(zip.format);
  CHECK(zip.unsupported_error("f").message.find("without word/document.xml") != std::string::npos);
}

TEST_CASE("sniff: formats fzcheck does not read say what they are and what to do") {
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(64, '\0');
  auto doc = sniff(ole + "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"s);
  CHECK_FALSE(doc.format);
  CHECK(doc.unsupported_error("f").message.find(".doc") != std::string::npos);
  CHECK(doc.unsupported_error("f").message.find("soffice --headless --convert-to docx") !=
        std::string::npos);
  auto encrypted = sniff(ole + "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"s);
  CHECK(encrypted.unsupported_error("f").message.find("password-protected") != std::string::npos);
  CHECK(refusal("%PDF-1.7\n").find("PDF") != std::string::npos);
  CHECK(refusal("\x89PNG\r\n\x1A\n....") ==
        "this is a PNG image; fzcheck reads text, not scans: run OCR first or check the original "
        "document");
  CHECK(error_text(sniff("\x89PNG\r\n\x1A\n....").unsupported_error("f"), "zh-CN") ==
        "f: 这是 PNG 图片；fzcheck "
        "只检查文字，不识别扫描件：请先进行文字识别（OCR），或检查原始文档");
  CHECK(refusal("\xFF\xD8\xFF\xE0").find("JPEG") != std::string::npos);
  CHECK(refusal("{\\rtf1\\ansi").find("RTF") != std::string::npos);
  CHECK(sniff("BM is how this text starts").format == InputFormat::text);
}

}  // namespace fzcheck
