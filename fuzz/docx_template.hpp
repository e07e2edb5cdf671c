// A valid .docx around fuzzed XML: the fuzz input becomes word/document.xml (stored, with a
// correct CRC), beside fixed content types, relationships, styles and numbering parts, so that
// mutations reach the XML parser and the body reader instead of the zip checksum.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/zip_writer.hpp"

namespace fzcheck::fuzz {

inline std::string docx_around(std::string_view document_xml) {
  using test::word_part;
  using test::ZipEntry;
  std::vector<ZipEntry> entries;
  entries.push_back(ZipEntry::stored(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)"));
  entries.push_back(ZipEntry::stored("word/document.xml", std::string(document_xml)));
  entries.push_back(ZipEntry::stored(
      "word/styles.xml",
      word_part("styles",
                R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>)"
                R"(<w:pPr><w:outlineLvl w:val="0"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>)"
                R"(<w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style>)")));
  entries.push_back(ZipEntry::stored(
      "word/numbering.xml",
      word_part(
          "numbering",
          R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
          R"(<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>)"
          R"(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>)"
          R"(<w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/>)"
          R"(<w:lvlText w:val="%1.%2.%3."/></w:lvl></w:abstractNum>)"
          R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
          R"(<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">)"
          R"(<w:startOverride w:val="3"/></w:lvlOverride></w:num>)")));
  return test::make_zip(entries);
}

}  // namespace fzcheck::fuzz
