// The YAML tree and its compiled form: what a file parses into, written to bytes and read back
// the same; damaged bytes refused; and the compiled built-in files equal to their YAML parsed now.
#include "yaml/yaml_tree.hpp"

#include <doctest/doctest.h>

#include <string>

#include "i18n/catalogue_files.hpp"
#include "rules/builtin_files.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck::detail {

namespace {

std::shared_ptr<const YamlFile> parsed(const std::string& text) {
  ErrorSink errors;
  auto file = YamlFile::parse("t.yaml", text, errors);
  REQUIRE(file);
  return file;
}

std::string_view bytes_of(const EmbeddedFile& f) {
  return {reinterpret_cast<const char*>(f.data), f.size};
}

}  // namespace

TEST_CASE("yaml tree: types, scalars, positions and keys of a parsed file") {
  auto file =
      parsed("id: 甲\nempty:\ntilde: ~\nquoted: 'null'\nlist: [a, {b: c}]\n'7': x\nid: 乙\n");
  const YamlNode& root = file->root();
  REQUIRE(root.is_map());
  CHECK(root.size() == 7);
  REQUIRE(root.find("id"));
  CHECK(root.find("id")->scalar == "甲");  // the first of two equal keys, as yaml-cpp looks up
  CHECK(root.find("id")->pos == Position{1, 5});
  CHECK(root.find("empty")->is_null());
  CHECK(root.find("tilde")->is_null());
  CHECK(root.find("quoted")->is_scalar());
  CHECK(root.find("quoted")->scalar == "null");
  const YamlNode& list = *root.find("list");
  REQUIRE(list.is_sequence());
  CHECK(list.size() == 2);
  CHECK(list.children[1].is_map());
  CHECK(list.children[1].find("b")->scalar == "c");
  CHECK(root.find("7")->scalar == "x");
  CHECK_FALSE(root.find("missing"));
  CHECK_FALSE(list.find("a"));  // not a map
}

TEST_CASE("yaml tree: the compiled form reads back the same tree") {
  auto file = parsed(
      "id: 规则\nkind: pattern\nterms: [法制, {find: 甲, replace: 乙}]\nnested:\n  - - 1\n    - "
      "2\n  - {}\n  - []\nnothing:\n");
  const std::string bytes = serialize(file->root());
  YamlNode back;
  REQUIRE(deserialize(bytes, back));
  CHECK(back == file->root());
  auto compiled = YamlFile::from_compiled("c.yaml", bytes);
  REQUIRE(compiled);
  CHECK(compiled->root() == file->root());
  CHECK(compiled->name() == "c.yaml");
  // A tree that differs in one position is not equal.
  YamlNode moved = back;
  moved.children[1].pos.column += 1;
  CHECK_FALSE(moved == file->root());
}

TEST_CASE("yaml tree: damaged bytes are refused") {
  const std::string bytes = serialize(parsed("a: [b, c]\n")->root());
  YamlNode out;
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    CAPTURE(cut);
    CHECK_FALSE(deserialize(std::string_view(bytes).substr(0, cut), out));
  }
  CHECK_FALSE(deserialize(bytes + "x", out));  // bytes after the tree
  std::string bad_type = bytes;
  bad_type[0] = 9;
  CHECK_FALSE(deserialize(bad_type, out));
  CHECK_FALSE(YamlFile::from_compiled("x", bytes.substr(1)));
  std::string huge = {3, 1, 1, '\xff', '\xff', '\xff', '\xff', '\x0f'};  // a map of 2^32 entries
  CHECK_FALSE(deserialize(huge, out));
}

TEST_CASE("yaml tree: every compiled built-in file equals its YAML parsed now") {
  std::size_t yaml_files = 0;
  for (std::size_t i = 0; i < kBuiltinFileCount; ++i) {
    const std::string path = kBuiltinFiles[i].path;
    if (!path.ends_with(".yaml")) continue;
    ++yaml_files;
    CAPTURE(path);
    const EmbeddedFile* tree = nullptr;
    for (std::size_t k = 0; k < kBuiltinTreesCount; ++k) {
      if (path == kBuiltinTrees[k].path) tree = &kBuiltinTrees[k];
    }
    REQUIRE(tree);
    auto file = parsed(std::string(bytes_of(kBuiltinFiles[i])));
    YamlNode compiled;
    REQUIRE(deserialize(bytes_of(*tree), compiled));
    CHECK(compiled == file->root());
  }
  CHECK(yaml_files == kBuiltinTreesCount);
  CHECK(yaml_files > 60);
  REQUIRE(kUiTreesCount == kUiFileCount);
  for (std::size_t i = 0; i < kUiFileCount; ++i) {
    CAPTURE(std::string(kUiFiles[i].path));
    CHECK(std::string_view(kUiTrees[i].path) == kUiFiles[i].path);
    YamlNode compiled;
    REQUIRE(deserialize(bytes_of(kUiTrees[i]), compiled));
    CHECK(compiled == parsed(std::string(bytes_of(kUiFiles[i])))->root());
  }
}

}  // namespace fzcheck::detail
