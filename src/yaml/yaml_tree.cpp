#include "yaml/yaml_tree.hpp"

namespace fzcheck::detail {

const YamlNode* YamlNode::find(std::string_view key) const noexcept {
  if (type != Type::map) return nullptr;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    if (children[i].type == Type::scalar && children[i].scalar == key) return &children[i + 1];
  }
  return nullptr;
}

namespace {

void put_number(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put(std::string& out, const YamlNode& node) {
  out += static_cast<char>(node.type);
  put_number(out, node.pos.line);
  put_number(out, node.pos.column);
  if (node.type == YamlNode::Type::scalar) {
    put_number(out, node.scalar.size());
    out += node.scalar;
  } else if (node.type != YamlNode::Type::null) {
    put_number(out, node.children.size());
    for (const YamlNode& child : node.children) put(out, child);
  }
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool node(YamlNode& out, int depth) {
    if (depth > 1000 || at_ >= bytes_.size()) return false;
    const auto type = static_cast<unsigned char>(bytes_[at_++]);
    if (type > static_cast<unsigned char>(YamlNode::Type::map)) return false;
    out.type = static_cast<YamlNode::Type>(type);
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    if (!number(line) || !number(column)) return false;
    out.pos = {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
    if (out.type == YamlNode::Type::null) return true;
    std::uint64_t size = 0;
    if (!number(size)) return false;
    if (out.type == YamlNode::Type::scalar) {
      if (size > bytes_.size() - at_) return false;
      out.scalar.assign(bytes_.data() + at_, size);
      at_ += size;
      return true;
    }
    if (size > bytes_.size() - at_) return false;  // every node takes at least one byte
    out.children.resize(size);
    for (YamlNode& child : out.children) {
      if (!node(child, depth + 1)) return false;
    }
    return true;
  }
  bool done() const noexcept { return at_ == bytes_.size(); }

 private:
  bool number(std::uint64_t& n) {
    n = 0;
    for (int shift = 0; shift < 64 && at_ < bytes_.size(); shift += 7) {
      const auto b = static_cast<unsigned char>(bytes_[at_++]);
      n |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return true;
    }
    return false;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string serialize(const YamlNode& node) {
  std::string out;
  put(out, node);
  return out;
}

bool deserialize(std::string_view bytes, YamlNode& out) {
  Reader reader(bytes);
  out = YamlNode{};
  return reader.node(out, 0) && reader.done();
}

}  // namespace fzcheck::detail
