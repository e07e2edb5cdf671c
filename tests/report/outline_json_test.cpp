#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "fzcheck/outline.hpp"
#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

std::string outline_json(const Document& doc, int indent) {
  std::ostringstream out;
  write_outline_json(out, doc, indent);
  return out.str();
}

}  // namespace

TEST_CASE("outline JSON carries title, sections with children, signature and date") {
  auto doc = parse_text(
      "某局2024年度\n法治政府建设报告\n导语。\n一、举措\n（1）子项\n二、不足\n某县教育局\n2025年02"
      "月24日",
      "mem.txt");
  REQUIRE(doc.ok());
  auto j = nlohmann::json::parse(outline_json(*doc, 2));
  CHECK(j["file"] == "mem.txt");
  CHECK(j["format"] == "text");
  CHECK(j["title"]["text"] == "某局2024年度法治政府建设报告");
  CHECK(j["title"]["lines"] == nlohmann::json::array({1, 2}));
  CHECK(j["preamble"]["first_line"] == 3);
  REQUIRE(j["sections"].size() == 2);
  const auto& first = j["sections"][0];
  CHECK(first["level"] == 1);
  CHECK(first["marker"] == "一、");
  CHECK(first["ordinal"] == 1);
  CHECK(first["heading"] == "举措");
  CHECK(first["line"] == 4);
  REQUIRE(first["children"].size() == 1);
  CHECK(first["children"][0]["level"] == 2);
  CHECK(first["children"][0]["form"] == 4);
  CHECK(first["children"][0]["style"]["bracket"] == "fullwidth");
  CHECK(j["signature"]["text"] == "某县教育局");
  CHECK(j["signature"]["line"] == 7);
  CHECK(j["date"]["text"] == "2025年02月24日");
  CHECK(j["date"]["form"] == "arabic-padded");
  CHECK(j["date"]["line"] == 8);
}

TEST_CASE("outline JSON uses null for what is missing") {
  auto doc = read_document(test::source_path("examples/reports/003_2ea09a882f67caa3.txt"));
  REQUIRE(doc.ok());
  auto j = nlohmann::json::parse(outline_json(*doc, -1));
  CHECK(j["title"].is_null());
  CHECK(j["signature"].is_null());
  CHECK(j["date"].is_null());
  CHECK(j["addressee"].is_null());
  CHECK(j["sections"].size() == 4);
  CHECK(j["sections"][0]["children"][0]["run_in"] == true);
}

TEST_CASE("outline JSON lists artefacts with positions") {
  auto doc = read_document(test::source_path("examples/reports/000_564c8ac60a8ddf78.txt"));
  REQUIRE(doc.ok());
  auto j = nlohmann::json::parse(outline_json(*doc, 2));
  REQUIRE(j["artefacts"].size() == 1);
  CHECK(j["artefacts"][0]["text"] == "[bookmark: _GoBack]");
  CHECK(j["artefacts"][0]["line"] == 20);
  CHECK(j["artefacts"][0]["column"] == 4);
}

}  // namespace fzcheck
