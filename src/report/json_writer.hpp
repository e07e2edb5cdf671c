// JSON written straight to a string as it is produced, byte for byte as nlohmann::json's dump()
// writes the same document (indented with `indent` spaces a level, or on one line when indent <
// 0; UTF-8 kept, control characters escaped, malformed UTF-8 replaced by U+FFFD), without
// building a tree first. `margin` spaces follow every line break, for a document nested in
// another one (the "files" array of `check --format json` holds its objects 4 spaces in).
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fzcheck::detail {

class JsonWriter {
 public:
  JsonWriter(std::string& out, int indent, int margin = 0)
      : out_(out), indent_(indent), margin_(indent < 0 ? 0 : margin) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // The key of the next member of the object being written.
  void key(std::string_view k) {
    separate();
    write_string(k);
    out_ += indent_ < 0 ? ":" : ": ";
    after_key_ = true;
  }

  void value(std::string_view s) {
    separate();
    write_string(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  template <typename N>
  requires std::is_integral_v<N> &&(!std::is_same_v<N, bool>)void value(N n) {
    separate();
    char buffer[24];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
  }
  void null() {
    separate();
    out_ += "null";
  }

  // key(k) then value(v).
  template <typename T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  void null_member(std::string_view k) {
    key(k);
    null();
  }

  // A JSON string: quoted, escaped as nlohmann::json escapes it (ensure_ascii off, malformed UTF-8
  // replaced).
  static void append_string(std::string& out, std::string_view s);

 private:
  struct Level {
    char close;
    bool empty = true;
  };

  void open(char c) {
    separate();
    out_ += c;
    levels_.push_back({c == '{' ? '}' : ']'});
  }
  void close(char c) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty && indent_ >= 0) newline(levels_.size());
    out_ += c;
  }
  // Before a key, or a value that is not a member's: the comma and line break of a new element.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    Level& level = levels_.back();
    if (!level.empty) out_ += ',';
    level.empty = false;
    if (indent_ >= 0) newline(levels_.size());
  }
  void newline(std::size_t level) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_) * level + static_cast<std::size_t>(margin_), ' ');
  }
  void write_string(std::string_view s) { append_string(out_, s); }
  std::string& out_;
  int indent_;
  int margin_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace fzcheck::detail
