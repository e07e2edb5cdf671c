// Word list numbering: number formats and the counters of numbering.xml.
#include "readers/docx_numbering.hpp"

#include <doctest/doctest.h>

#include "readers/zip_writer.hpp"

namespace fzcheck {

using detail::format_list_number;
using detail::ListNumbering;

TEST_CASE("list numbers: Chinese counting 1-99 and above") {
  const std::pair<std::uint32_t, const char*> cases[] = {
      {1, "一"},    {2, "二"},      {9, "九"},      {10, "十"},      {11, "十一"},   {19, "十九"},
      {20, "二十"}, {21, "二十一"}, {99, "九十九"}, {100, "一〇〇"}, {105, "一〇五"}};
  for (const auto& [number, text] : cases) {
    const std::uint32_t n = number;  // CAPTURE cannot name a structured binding (clang 14)
    CAPTURE(n);
    CHECK(format_list_number(n, "chineseCounting") == text);
  }
  const std::pair<std::uint32_t, const char*> thousand[] = {
      {10, "十"},        {15, "十五"},       {100, "一百"},          {101, "一百零一"},
      {110, "一百一十"}, {1001, "一千零一"}, {2024, "二千零二十四"}, {10010, "一万零一十"}};
  for (const auto& [number, text] : thousand) {
    const std::uint32_t n = number;
    CAPTURE(n);
    CHECK(format_list_number(n, "chineseCountingThousand") == text);
  }
  CHECK(format_list_number(12, "taiwaneseCountingThousand") == "十二");
  CHECK(format_list_number(111, "japaneseCounting") == "百十一");
  CHECK(format_list_number(2025, "ideographDigital") == "二〇二五");
  CHECK(format_list_number(12, "chineseLegalSimplified") == "壹拾贰");
  CHECK(format_list_number(3, "ideographTraditional") == "丙");
  CHECK(format_list_number(13, "ideographZodiac") == "子");
}

TEST_CASE("list numbers: decimal variants, letters, roman, bullets") {
  CHECK(format_list_number(7, "decimal") == "7");
  CHECK(format_list_number(7, "decimalZero") == "07");
  CHECK(format_list_number(12, "decimalFullWidth") == "１２");
  CHECK(format_list_number(3, "decimalEnclosedCircle") == "③");
  CHECK(format_list_number(20, "decimalEnclosedCircleChinese") == "⑳");
  CHECK(format_list_number(21, "decimalEnclosedCircle") == "㉑");
  CHECK(format_list_number(60, "decimalEnclosedCircle") == "60");
  CHECK(format_list_number(2, "decimalEnclosedParen") == "⑵");
  CHECK(format_list_number(2, "decimalEnclosedFullstop") == "⒉");
  CHECK(format_list_number(1, "upperLetter") == "A");
  CHECK(format_list_number(28, "lowerLetter") == "bb");
  CHECK(format_list_number(14, "upperRoman") == "XIV");
  CHECK(format_list_number(1994, "lowerRoman") == "mcmxciv");
  CHECK(format_list_number(4, "bullet") == "");
  CHECK(format_list_number(4, "none") == "");
  CHECK(format_list_number(4, "someFutureFormat") == "4");
}

namespace {

struct Loaded {
  pugi::xml_document doc;
  ListNumbering numbering;
};

void load(Loaded& l, const std::string& content,
          const std::map<std::string, int, std::less<>>& style_num_ids = {}) {
  REQUIRE(l.doc.load_string(test::word_part("numbering", content).c_str()));
  l.numbering.load(l.doc.document_element(), "w:", style_num_ids);
}

std::string lvl(int ilvl, const char* fmt, const char* text, const char* extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" +
         fmt + "\"/><w:lvlText w:val=\"" + text + "\"/>" + extra + "</w:lvl>";
}

}  // namespace

TEST_CASE("list numbering: the usual Chinese report list, with suffixes and restarts") {
  Loaded l;
  load(l, "<w:abstractNum w:abstractNumId=\"3\">" +
              lvl(0, "chineseCounting", "%1、", "<w:suff w:val=\"nothing\"/>") +
              lvl(1, "chineseCounting", "（%2）", "<w:suff w:val=\"space\"/>") +
              lvl(2, "decimal", "%3.") + "</w:abstractNum>" +
              "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num>");
  auto& n = l.numbering;
  CHECK(n.has_list(5));
  CHECK(n.next(5, 0) == "一、");
  CHECK(n.next(5, 1) == "（一） ");
  CHECK(n.next(5, 1) == "（二） ");
  CHECK(n.next(5, 2) == "1.\t");  // the default suffix is a tab
  CHECK(n.next(5, 2) == "2.\t");
  CHECK(n.next(5, 1) == "（三） ");
  CHECK(n.next(5, 2) == "1.\t");  // restarted by its parent level
  CHECK(n.next(5, 0) == "二、");
  CHECK(n.next(5, 1) == "（一） ");
  CHECK_FALSE(n.next(0, 0).has_value());  // numId 0: no numbering
  CHECK_FALSE(n.next(9, 0).has_value());  // undefined list
}

TEST_CASE("list numbering: multi-level text, start values, overrides and lvlRestart") {
  Loaded l;
  load(l,
       "<w:abstractNum w:abstractNumId=\"0\">"
       "<w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/>"
       "<w:lvlText w:val=\"%1.\"/><w:suff w:val=\"nothing\"/></w:lvl>"
       "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
       "<w:lvlText w:val=\"%1.%2\"/><w:suff w:val=\"nothing\"/><w:lvlRestart w:val=\"0\"/></w:lvl>"
       "</w:abstractNum>"
       "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
       "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
       "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>");
  auto& n = l.numbering;
  CHECK(n.next(1, 0) == "3.");
  CHECK(n.next(1, 1) == "3.1");
  CHECK(n.next(1, 0) == "4.");
  CHECK(n.next(1, 1) == "4.2");  // lvlRestart 0: never restarts
  // Another instance of the same abstract list with a start override restarts at 7.
  CHECK(n.next(2, 0) == "7.");
  CHECK(n.next(2, 0) == "8.");
  // Without an override, numId 1 continues the shared abstract list.
  CHECK(n.next(1, 0) == "9.");
}

TEST_CASE("list numbering: legal numbering, bullets, a level of its own in the override") {
  Loaded l;
  load(l,
       "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "%1、") +
           lvl(1, "decimal", "%1.%2", "<w:isLgl/><w:suff w:val=\"nothing\"/>") +
           lvl(2, "bullet", "\xEF\x82\xB7") + "</w:abstractNum>" +
           "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
           "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
           "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
           "<w:lvlText w:val=\"%1)\"/><w:suff w:val=\"space\"/></w:lvl></w:lvlOverride></w:num>");
  auto& n = l.numbering;
  CHECK(n.next(1, 0) == "一、\t");
  CHECK(n.next(1, 1) == "1.1");  // isLgl: the Chinese level above shows as 1
  CHECK(n.next(1, 2) == "");     // a bullet is not a number: nothing is rendered
  CHECK(n.next(2, 0) == "II) ");
}

TEST_CASE("list numbering: levels tied to paragraph styles, and numStyleLink") {
  Loaded l;
  load(l,
       "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "%1、") +
           lvl(1, "chineseCounting", "（%2）", "<w:pStyle w:val=\"Heading2\"/>") +
           "<w:styleLink w:val=\"ReportList\"/></w:abstractNum>"
           "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"ReportList\"/>"
           "</w:abstractNum>"
           "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
           "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>",
       {{"ReportList", 1}});
  auto& n = l.numbering;
  CHECK(n.level_for_style(1, "Heading2") == 1);
  CHECK_FALSE(n.level_for_style(1, "Heading3").has_value());
  // numId 2 points to an abstract list that only links to the numbering style ReportList,
  // whose own list (numId 1, abstract 0) holds the levels and the count.
  CHECK(n.next(2, 0) == "一、\t");
  CHECK(n.next(1, 0) == "二、\t");
  CHECK(n.level_for_style(2, "Heading2") == 1);
}

}  // namespace fzcheck
