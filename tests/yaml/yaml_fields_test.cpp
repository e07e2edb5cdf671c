// Reading rule YAML: positions as 1-based lines and code-point columns, typed keys, unknown and
// duplicate keys, and errors collected rather than thrown.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rule_pack.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck::detail {

namespace {

struct Parsed {
  ErrorSink errors;
  std::shared_ptr<const YamlFile> file;
};

std::unique_ptr<Parsed> load(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  p->file = YamlFile::parse("f.yaml", text, p->errors);
  return p;
}

// "line:col: message" for every error, in the order reported.
test::Lines messages(ErrorSink& errors) {
  test::Lines out;
  for (const Error& e : errors.errors()) {
    out.push_back(std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " +
                  e.message);
  }
  return out;
}

using test::at;
using test::Lines;

}  // namespace

TEST_CASE("yaml file: marks become 1-based lines and code-point columns") {
  auto p = load("标题: 值\n列表:\n  - 甲乙\n  - 丙\n");
  REQUIRE(p->file);
  CHECK(p->errors.empty());
  const YamlNode& root = p->file->root();
  REQUIRE(root.find("标题"));
  CHECK(at(root.find("标题")->pos) == "1:5");  // 标题: (3 code points) + space
  REQUIRE(root.find("列表"));
  CHECK(at(root.find("列表")->children.at(1).pos) == "4:5");
  CHECK(at(root.pos) == "1:1");
  CHECK(p->file->position(YAML::Mark::null_mark()) == Position{});
  CHECK(p->file->name() == "f.yaml");
}

TEST_CASE("yaml file: columns on a long line of Chinese items, across the counting checkpoints") {
  // Columns are counted from checkpoints every 256 bytes, not from the line's start: items of
  // three-byte characters (and a BOM, not counted) put the checkpoints inside characters too.
  std::string line = "k: [";
  std::vector<std::size_t> columns;  // of each item, counted here one code point at a time
  std::size_t column = 5;
  for (int i = 0; i < 300; ++i) {
    if (i > 0) {
      line += ", ";
      column += 2;
    }
    columns.push_back(column);
    line += i % 2 ? "甲乙" : "丙";
    line += std::to_string(i);
    column += (i % 2 ? 2 : 1) + std::to_string(i).size();
  }
  auto p = load(
      "\xEF\xBB\xBF"
      "a: 1\n" +
      line + "]\n");
  REQUIRE(p->file);
  const YamlNode* list = p->file->root().find("k");
  REQUIRE(list);
  REQUIRE(list->children.size() == 300);
  for (std::size_t i = 0; i < 300; ++i) {
    CHECK(list->children[i].pos == Position{2, static_cast<std::uint32_t>(columns[i])});
  }
}

TEST_CASE("yaml file: a text of exactly 256 bytes has a position at its end") {
  std::string text = "a: [" + std::string(251, 'x') + "\n";  // 256 bytes, a flow list not closed
  REQUIRE(text.size() == 256);
  auto p = load(text);
  REQUIRE_FALSE(p->file);
  REQUIRE(p->errors.size() == 1);
  CHECK(p->errors.errors().front().pos == Position{2, 1});
}

TEST_CASE("yaml file: a syntax error is reported at its place, after Chinese text") {
  auto p = load("a: 1\nmessage: 标题“甲”: 坏\n");
  CHECK_FALSE(p->file);
  REQUIRE(p->errors.size() == 1);
  const Error& e = p->errors.errors().front();
  CHECK(e.code == ErrorCode::rule_syntax);
  CHECK(e.file == "f.yaml");
  // m-e-s-s-a-g-e-: and a space are 9 columns; 标题“甲” are columns 10 to 14.
  CHECK(at(e.pos) == "2:15");
  CHECK(e.message == "YAML syntax error: illegal map value");
}

TEST_CASE("yaml file: unterminated flow list and bad escapes") {
  auto list = load("id: r\nkind: [a, b\n");
  REQUIRE(list->errors.size() == 1);
  CHECK(at(list->errors.errors()[0].pos) == "3:1");
  CHECK(list->errors.errors()[0].message == "YAML syntax error: end of sequence flow not found");

  // "\p{Han}" in double quotes: the trap every rule author falls into.
  auto escape = load("any: \"\\p{Han}\"\n");
  REQUIRE(escape->errors.size() == 1);
  CHECK(at(escape->errors.errors()[0].pos) == "1:9");
  CHECK(escape->errors.errors()[0].message == "YAML syntax error: unknown escape character: p");
}

TEST_CASE("yaml file: a byte-order mark takes no column") {
  auto p = load("\xEF\xBB\xBFid: 甲\nkind: x\n");
  REQUIRE(p->file);
  CHECK(at(p->file->root().find("id")->pos) == "1:5");
  CHECK(at(p->file->root().find("kind")->pos) == "2:7");
  auto bad = load("\xEF\xBB\xBFid: \xff\n");
  REQUIRE(bad->errors.size() == 1);
  CHECK(at(bad->errors.errors()[0].pos) == "1:5");
  CHECK(bad->errors.errors()[0].message ==
        "the file is not valid UTF-8 (bad byte at offset 7); save it as UTF-8");
}

TEST_CASE("yaml file: invalid UTF-8 is reported at the bad byte") {
  auto p = load("id: u\nmessage: 标\xff\n");
  CHECK_FALSE(p->file);
  REQUIRE(p->errors.size() == 1);
  const Error& e = p->errors.errors()[0];
  CHECK(e.code == ErrorCode::rule_syntax);
  CHECK(at(e.pos) == "2:11");
  CHECK(e.message == "the file is not valid UTF-8 (bad byte at offset 18); save it as UTF-8");
}

TEST_CASE("fields: typed values, with the position of each problem") {
  auto p = load(
      "name: 甲\n"
      "list: [a, b]\n"
      "one: c\n"
      "n: 12\n"
      "big: 120\n"
      "word: abc\n"
      "flag: yes\n"
      "off: false\n"
      "bad_flag: maybe\n"
      "sub: {x: 1}\n"
      "items: [s, {k: v}, [nested]]\n"
      "mixed: [a, [b]]\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  CHECK(f.string("name") == "甲");
  CHECK(f.strings("list") == std::vector<std::string>{"a", "b"});
  CHECK(f.strings("one") == std::vector<std::string>{"c"});
  auto scalars = f.scalars("list");
  REQUIRE(scalars.size() == 2);
  CHECK(scalars[1].scalar == "b");
  CHECK(at(scalars[1].pos) == "2:11");
  CHECK(f.integer("n", 0, 100) == 12L);
  CHECK(f.integer("big", 0, 100) == std::nullopt);
  CHECK(f.integer("word", 0, 100) == std::nullopt);
  CHECK(f.boolean("flag") == true);
  CHECK(f.boolean("off") == false);
  CHECK(f.boolean("bad_flag") == std::nullopt);
  CHECK(f.string("list") == std::nullopt);
  CHECK(f.map("one") == nullptr);
  auto sub = f.map("sub");
  REQUIRE(sub);
  CHECK(at(sub->pos()) == "10:6");
  CHECK(sub->integer("x", 0, 9) == 1L);
  auto items = f.list("items");
  REQUIRE(items.size() == 2);
  CHECK(items[0].scalar == "s");
  CHECK(items[0].fields == nullptr);
  REQUIRE(items[1].fields);
  CHECK(at(items[1].pos) == "11:12");
  CHECK(items[1].fields->string("k") == "v");
  CHECK(f.list("one").empty());
  CHECK(f.strings("mixed") == std::vector<std::string>{"a"});
  CHECK(f.string("absent") == std::nullopt);
  CHECK(at(f.pos("absent")) == "1:1");
  CHECK(at(f.pos("n")) == "4:4");
  f.finish();
  CHECK(messages(p->errors) ==
        Lines{"5:6: 'big' must be a whole number from 0 to 100, not '120'",
              "6:7: 'word' must be a whole number from 0 to 100, not 'abc'",
              "9:11: 'bad_flag' must be true or false, not 'maybe'",
              "2:7: 'list' must be a single value (text), not a list",
              "3:6: 'one' must be a mapping of keys to values, not a single value",
              "11:20: each item of 'items' must be a value or a mapping, not a list",
              "3:6: 'one' must be a list, not a single value",
              "12:12: each item of 'mixed' must be a single value (text), not a list"});
}

TEST_CASE("fields: a required key that is missing is reported once, at the mapping") {
  auto p = load("id: r\nheading:\n  level: 1\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  CHECK(f.string("id", true) == "r");
  CHECK(f.string("message", true) == std::nullopt);
  CHECK(f.string("message", true) == std::nullopt);  // asked twice, said once
  CHECK(f.strings("parts", true).empty());
  auto heading = f.map("heading", true);
  REQUIRE(heading);
  CHECK(heading->integer("level", 1, 9, true) == 1L);
  CHECK(heading->list("any", true).empty());
  CHECK(f.map("body", true) == nullptr);
  CHECK(f.integer("priority", 0, 9, true) == std::nullopt);
  f.finish();
  CHECK(messages(p->errors) == Lines{"1:1: missing required key 'message' in this rule",
                                     "1:1: missing required key 'parts' in this rule",
                                     "3:3: missing required key 'any' in this heading",
                                     "1:1: missing required key 'body' in this rule",
                                     "1:1: missing required key 'priority' in this rule"});
}

TEST_CASE("fields: empty lists where a value is required") {
  auto p = load("a: []\nb: []\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  CHECK(f.strings("a", true).empty());
  CHECK(f.list("b", true).empty());
  CHECK(messages(p->errors) == Lines{"1:4: 'a' must not be empty", "2:4: 'b' must not be empty"});
}

TEST_CASE("fields: unknown keys with a did-you-mean, nested ones too") {
  auto p = load("id: r\nmesage: 坏\nheading:\n  levl: 1\n  zzz: 2\nsomething_else: 1\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  f.string("id");
  f.string("message");
  auto heading = f.map("heading");
  REQUIRE(heading);
  heading->integer("level", 1, 9);
  f.finish();
  f.finish();  // idempotent
  CHECK(messages(p->errors) ==
        Lines{"2:1: unknown key 'mesage' in this rule (did you mean 'message'?)",
              "6:1: unknown key 'something_else' in this rule",
              "4:3: unknown key 'levl' in this heading (did you mean 'level'?)",
              "5:3: unknown key 'zzz' in this heading"});
}

TEST_CASE("fields: with only_typos, unknown keys are reported only when they look misspelt") {
  auto p = load("id: r\nmesage: 坏\nterms: [a]\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  f.string("id");
  f.string("message");
  f.finish(true);
  CHECK(messages(p->errors) ==
        Lines{"2:1: unknown key 'mesage' in this rule (did you mean 'message'?)"});
}

TEST_CASE("fields: duplicate keys in one mapping are reported at the second") {
  auto p = load("id: a\nkind: pattern\nid: b\nsub:\n  x: 1\n  x: 2\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  f.map("sub");
  CHECK(messages(p->errors) == Lines{"3:1: duplicate key 'id' (first given at line 1)",
                                     "6:3: duplicate key 'x' (first given at line 5)"});
}

TEST_CASE("fields: a key that is not a plain word") {
  auto p = load("[a, b]: 1\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  CHECK(messages(p->errors) == Lines{"1:1: a key must be a plain word"});
}

TEST_CASE("fields: has() is false for absent and null keys, and makes the key known") {
  auto p = load("a: ~\nb: x\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  CHECK_FALSE(f.has("a"));
  CHECK(f.has("b"));
  CHECK_FALSE(f.has("c"));
  f.finish();
  CHECK(p->errors.empty());
}

TEST_CASE("fields: error() and error_at() add schema errors with the file name") {
  auto p = load("a: 1\n");
  REQUIRE(p->file);
  Fields f(p->file, p->file->root(), p->errors, "rule");
  f.error("a", "bad a");
  f.error("missing", "bad b");
  f.error_at({7, 3}, "bad c");
  REQUIRE(p->errors.size() == 3);
  CHECK(p->errors.errors()[0].code == ErrorCode::rule_schema);
  CHECK(p->errors.errors()[0].file == "f.yaml");
  CHECK(messages(p->errors) == Lines{"1:4: bad a", "1:1: bad b", "7:3: bad c"});
  CHECK(f.file() == "f.yaml");
}

TEST_CASE("did_you_mean: close words only") {
  const std::set<std::string> keys = {"message", "severity", "source", "scope", "id"};
  CHECK(did_you_mean("mesage", keys) == "message");
  CHECK(did_you_mean("severty", keys) == "severity");
  CHECK(did_you_mean("scop", keys) == "scope");
  CHECK(did_you_mean("ib", keys) == "id");
  CHECK(did_you_mean("kidn", {"id", "kind"}) == "kind");  // a swap is one edit
  CHECK(did_you_mean("sevreity", keys) == "severity");
  CHECK(did_you_mean("terms", keys) == std::nullopt);
  CHECK(did_you_mean("completely-different", keys) == std::nullopt);
  CHECK(did_you_mean("x", {}) == std::nullopt);
}

}  // namespace fzcheck::detail
