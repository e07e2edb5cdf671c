#include "report/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The bytes that nlohmann::json escapes: control characters, the quotation mark and the reverse
// solidus.
constexpr bool needs_escape(unsigned char c) noexcept {
  return c < 0x20 || c == '"' || c == '\\';
}

}  // namespace

void JsonWriter::append_string(std::string& out, std::string_view s) {
  if (!utf8::valid(s)) {
    // Rare (text read with a wrong encoding): nlohmann's own replacement of malformed sequences,
    // which decides how many bytes one U+FFFD stands for.
    out += nlohmann::json(std::string(s))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!needs_escape(c)) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    out += '\\';
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '\b':
        out += 'b';
        break;
      case '\t':
        out += 't';
        break;
      case '\n':
        out += 'n';
        break;
      case '\f':
        out += 'f';
        break;
      case '\r':
        out += 'r';
        break;
      default:
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace fzcheck::detail
