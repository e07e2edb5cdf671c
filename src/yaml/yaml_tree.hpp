// A YAML document as a plain tree with the source position of every node: what rule, pack,
// configuration and catalogue files are read through (yaml/yaml_fields.hpp). A tree comes from
// yaml-cpp's parse of the text, or from its compiled form: the same tree written to bytes at build
// time (tools/compile_yaml.cpp), which the built-in packs and catalogues load from without
// parsing YAML at start-up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/error.hpp"

namespace fzcheck::detail {

struct YamlNode {
  // yaml-cpp's node types (an empty value, `~` and `null` are null).
  enum class Type : std::uint8_t { null, scalar, sequence, map };
  Type type = Type::null;
  Position pos;        // 1-based line and code-point column in the file
  std::string scalar;  // a scalar's text
  // A sequence's items; a map's keys and values, alternating (key, value, key, value, …).
  std::vector<YamlNode> children;

  bool is_null() const noexcept { return type == Type::null; }
  bool is_scalar() const noexcept { return type == Type::scalar; }
  bool is_sequence() const noexcept { return type == Type::sequence; }
  bool is_map() const noexcept { return type == Type::map; }
  // Items of a sequence, entries of a map.
  std::size_t size() const noexcept {
    return type == Type::map ? children.size() / 2 : children.size();
  }
  // The value of the first scalar key equal to `key` in a map (as yaml-cpp looks it up); null when
  // there is none or this is not a map.
  const YamlNode* find(std::string_view key) const noexcept;

  friend bool operator==(const YamlNode&, const YamlNode&) = default;
};

// The compiled form: the tree as bytes (type, position, scalar and children, in preorder).
std::string serialize(const YamlNode& node);
// Reads what serialize() wrote; false when the bytes are not a whole tree.
bool deserialize(std::string_view bytes, YamlNode& out);

}  // namespace fzcheck::detail
