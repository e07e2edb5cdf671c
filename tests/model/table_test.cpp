// Tables in the document model: numbers in cells, and a reader's sketch placed on the grid (the
// plain-text reader here; .docx and HTML tables are tested with their readers).
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

std::vector<std::vector<std::string>> cells_of(const Document& doc, const Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const TableRow& r : t.rows) {
    auto& row = out.emplace_back();
    for (const TableCell& c : r.cells) row.emplace_back(doc.str(c.span));
  }
  return out;
}

}  // namespace

TEST_CASE("parse_number: numbers as reports write them") {
  CHECK(parse_number("0") == 0.0);
  CHECK(parse_number(" 12 ") == 12.0);
  CHECK(parse_number("\xE3\x80\x80"
                     "7") == 7.0);         // after an ideographic space
  CHECK(parse_number("１２３") == 123.0);  // full-width digits
  CHECK(parse_number("1,234") == 1234.0);
  CHECK(parse_number("1，234，567") == 1234567.0);
  CHECK(parse_number("0.35") == 0.35);
  CHECK(parse_number("３．５") == 3.5);
  CHECK(parse_number("-1") == -1.0);
  CHECK(parse_number("－2") == -2.0);
  CHECK(parse_number("+4") == 4.0);
}

TEST_CASE("parse_number: anything else is no number") {
  for (const char* text : {"", " ", "-", "—", "无", "12件", "约3", "1.2.3", "1,23", "12,", ".5",
                           "5.", "1 2", "一", "3%", "0x10", "1e5"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_number(text).has_value());
  }
}

TEST_CASE("text tables: a [表格] block is a table whose rows are its lines, cells between TABs") {
  Document doc = test::parse(
      "标题\n正文。\n[表格]\n第二十条第（一）项\n信息内容\t本年制发件数\n规章\t 3 "
      "\n行政许可\t\t１２\n"
      "[/表格]\n后文。\n");
  REQUIRE(doc.tables.size() == 1);
  const Table& t = doc.tables[0];
  CHECK(t.paragraphs.begin == 2);
  CHECK(t.paragraphs.end == 8);  // the closing marker belongs to the table
  CHECK_FALSE(t.grid);
  CHECK(t.columns == 3);
  CHECK(cells_of(doc, t) == std::vector<std::vector<std::string>>{{"第二十条第（一）项"},
                                                                  {"信息内容", "本年制发件数"},
                                                                  {"规章", "3"},  // trimmed
                                                                  {"行政许可", "", "１２"}});
  CHECK(t.rows[2].cells[1].number == 3.0);
  CHECK(t.rows[3].cells[1].blank());
  CHECK_FALSE(t.rows[3].cells[1].number.has_value());
  CHECK(t.rows[3].cells[2].number == 12.0);
  CHECK(t.rows[3].cells[2].column == 2);
  CHECK(t.rows[1].paragraph == 4);
  // Cells keep their place in the source: line 7, column 7 (after 行政许可, a TAB and a TAB).
  Position pos = doc.locate(t.rows[3].cells[2].span.begin);
  CHECK(pos.line == 7);
  CHECK(pos.column == 7);
}

TEST_CASE("text tables: consecutive TAB lines are a table, a line without TABs ends it") {
  Document doc = test::parse("标题\n甲\t1\n乙\t2\n说明。\n丙\t3\n");
  REQUIRE(doc.tables.size() == 2);
  CHECK(cells_of(doc, doc.tables[0]) ==
        std::vector<std::vector<std::string>>{{"甲", "1"}, {"乙", "2"}});
  CHECK(doc.tables[0].paragraphs.end == 3);
  CHECK(cells_of(doc, doc.tables[1]) == std::vector<std::vector<std::string>>{{"丙", "3"}});
}

TEST_CASE("text tables: an unclosed block runs to the end, an empty block is no table") {
  Document doc = test::parse("标题\n[表格]\n[/表格]\n[表格]\n甲\t1\n");
  REQUIRE(doc.tables.size() == 1);
  CHECK(doc.tables[0].paragraphs.begin == 3);
  CHECK(doc.tables[0].paragraphs.end == 5);
  CHECK(doc.tables[0].rows.size() == 1);
}

TEST_CASE("text tables: a document without tables has none") {
  CHECK(test::parse("标题\n一、总体情况\n正文。\n").tables.empty());
}

}  // namespace fzcheck
