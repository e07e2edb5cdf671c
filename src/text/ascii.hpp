// ASCII case, for markup names, file names and literal patterns (never for Chinese text); paths as
// URI references.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace fzcheck::ascii {

constexpr char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lower(c); });
  return out;
}

// Equal but for the case of ASCII letters.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// Where `needle` first occurs in `text`, ASCII letters compared without case; npos if nowhere.
inline std::size_t ifind(std::string_view text, std::string_view needle) {
  auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                        [](char x, char y) { return lower(x) == lower(y); });
  return it == text.end() && !needle.empty() ? std::string_view::npos
                                             : static_cast<std::size_t>(it - text.begin());
}

// A path as a relative URI reference (RFC 3986): unreserved characters and '/' as they are, every
// other byte percent-encoded, so that spaces, '#', '%', ':' and non-ASCII names are safe.
inline std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' ||
        b == '.' || b == '_' || b == '~' || b == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

}  // namespace fzcheck::ascii
