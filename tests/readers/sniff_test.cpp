#include <doctest/doctest.h>

#include "fzcheck/read.hpp"
#include "readers/readers.hpp"

namespace fzcheck {

using detail::sniff;
using namespace std::string_literals;

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
  CHECK(odt.unsupported.find("OpenDocument") != std::string::npos);
  auto zip = sniff("PK\x03\x04 something else"s);
  CHECK_FALSE(zip.format);
  CHECK(zip.unsupported.find("without word/document.xml") != std::string::npos);
}

TEST_CASE("sniff: formats fzcheck does not read say what they are and what to do") {
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(64, '\0');
  auto doc = sniff(ole + "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"s);
  CHECK_FALSE(doc.format);
  CHECK(doc.unsupported.find(".doc") != std::string::npos);
  CHECK(doc.unsupported.find("soffice --headless --convert-to docx") != std::string::npos);
  auto encrypted = sniff(ole + "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"s);
  CHECK(encrypted.unsupported.find("password-protected") != std::string::npos);
  CHECK(sniff("%PDF-1.7\n").unsupported.find("PDF") != std::string::npos);
  CHECK(sniff("\x89PNG\r\n\x1A\n....").unsupported.find("PNG image") != std::string::npos);
  CHECK(sniff("\xFF\xD8\xFF\xE0").unsupported.find("JPEG") != std::string::npos);
  CHECK(sniff("{\\rtf1\\ansi").unsupported.find("RTF") != std::string::npos);
  CHECK(sniff("BM is how this text starts").format == InputFormat::text);
}

}  // namespace fzcheck
