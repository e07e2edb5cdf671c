// The streaming JSON writer against nlohmann::json's dump() of the same document: byte for byte,
// indented and on one line, with awkward strings (control characters, quotes, malformed UTF-8).
#include "report/json_writer.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fzcheck::detail {

namespace {

using Json = nlohmann::ordered_json;
using namespace std::string_literals;

std::string dumped(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string escaped(std::string_view s) {
  std::string out;
  JsonWriter::append_string(out, s);
  return out;
}

}  // namespace

TEST_CASE("json writer: strings are escaped as nlohmann escapes them") {
  const std::vector<std::string> strings = {
      "",
      "plain",
      "中文，“引号”",
      "quote \" and backslash \\ and slash /",
      "\b\f\n\r\t",
      "nul \0 and \x01\x1f\x7f"s,  // the whole literal, its NUL included
      "\u2028\u2029 stay as they are",
      "\xF0\x9F\x98\x80 four bytes",
      "\xFF lone byte",
      "\xE4\xB8 cut sequence",
      "ends cut \xE4\xB8",
      "\xED\xA0\x80 surrogate",
      "\xC0\xAF overlong",
      "\xE4\x41\xB8\xAD mixed",
      "\xF4\x90\x80\x80 above U+10FFFF",
  };
  for (const std::string& s : strings) {
    CAPTURE(s);
    CHECK(escaped(s) == dumped(Json(s), -1));
  }
  CHECK(escaped("a\"b") == R"("a\"b")");
  CHECK(escaped("\x01") == R"("\u0001")");
  CHECK(escaped("\xFF") == "\"\xEF\xBF\xBD\"");
}

TEST_CASE("json writer: random byte strings give nlohmann's bytes") {
  std::mt19937 random(20261206);
  // Bytes drawn mostly from the pieces of Chinese text, with control and malformed ones mixed in.
  const std::vector<unsigned char> alphabet = {'a',  ' ',  '"',  '\\', '\n', 0x01, 0x1F, 0x7F,
                                               0xE4, 0xB8, 0xAD, 0x80, 0xBF, 0xC3, 0xA9, 0xF0,
                                               0x9F, 0x98, 0xED, 0xA0, 0xFF, 0xC0, 0xE3, 0x80};
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int k = length(random); k > 0; --k) s += static_cast<char>(alphabet[pick(random)]);
    CAPTURE(n);
    REQUIRE(escaped(s) == dumped(Json(s), -1));
  }
}

TEST_CASE("json writer: objects, arrays, empty ones and numbers, indented or not") {
  Json tree;
  tree["name"] = "报告";
  tree["empty_object"] = Json::object();
  tree["empty_array"] = Json::array();
  tree["list"] = {1, -2, 3000000000u, true, false, nullptr, "x"};
  tree["nested"] = {{"a", Json::array({Json::object(), Json::array({1})})}, {"b", nullptr}};
  tree["last"] = 0;
  auto write = [](std::string& out, int indent, int margin) {
    JsonWriter j(out, indent, margin);
    j.begin_object();
    j.member("name", "报告");
    j.key("empty_object");
    j.begin_object();
    j.end_object();
    j.key("empty_array");
    j.begin_array();
    j.end_array();
    j.key("list");
    j.begin_array();
    j.value(1);
    j.value(-2);
    j.value(3000000000u);
    j.value(true);
    j.value(false);
    j.null();
    j.value("x");
    j.end_array();
    j.key("nested");
    j.begin_object();
    j.key("a");
    j.begin_array();
    j.begin_object();
    j.end_object();
    j.begin_array();
    j.value(std::size_t{1});
    j.end_array();
    j.end_array();
    j.null_member("b");
    j.end_object();
    j.member("last", 0);
    j.end_object();
  };
  for (int indent : {-1, 0, 2, 4}) {
    CAPTURE(indent);
    std::string out;
    write(out, indent, 0);
    CHECK(out == dumped(tree, indent));
  }
  // A margin: every line after the first moves right, as a document nested in another.
  std::string nested;
  write(nested, 2, 4);
  std::string expected;
  for (char c : dumped(tree, 2)) {
    expected += c;
    if (c == '\n') expected += "    ";
  }
  CHECK(nested == expected);
  std::string one_line;
  write(one_line, -1, 4);  // no line breaks, so no margin
  CHECK(one_line == dumped(tree, -1));
}

}  // namespace fzcheck::detail
