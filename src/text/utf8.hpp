// UTF-8 decoding and code-point helpers used everywhere in the pipeline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fzcheck::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

char32_t next_slow(std::string_view s, std::size_t& i) noexcept;

// Decodes the code point at s[i] and advances i past it. On a malformed sequence returns kInvalid
// and advances i by one byte. Inline for ASCII and the three-byte sequences of Chinese text.
inline char32_t next(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) |
                   (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        i += 3;
        return c;
      }
    }
  }
  return next_slow(s, i);
}

// Decodes the code point that ends just before s[i] and moves i back to its first byte.
char32_t prev(std::string_view s, std::size_t& i) noexcept;

// The first malformed byte, or npos if s is valid UTF-8 (no surrogates, no overlongs, ≤ U+10FFFF).
std::size_t find_invalid(std::string_view s) noexcept;
inline bool valid(std::string_view s) noexcept {
  return find_invalid(s) == std::string_view::npos;
}

// Number of code points in a valid UTF-8 string.
std::size_t length(std::string_view s) noexcept;

void append(std::string& out, char32_t c);
std::string encode(char32_t c);

// Whitespace as it appears in Chinese documents: ASCII blanks, U+3000, no-break and other spaces,
// and the zero-width characters Word leaves behind.
bool is_space(char32_t c) noexcept;

// Text with the spaces defined by is_space() removed at both ends.
std::string_view trim(std::string_view s) noexcept;
// Byte length of the leading / trailing run of is_space() characters.
std::size_t leading_space_bytes(std::string_view s) noexcept;
std::size_t trailing_space_bytes(std::string_view s) noexcept;
bool is_blank(std::string_view s) noexcept;

// CJK Unified Ideographs (basic block and extension A, plus compatibility ideographs).
inline bool is_han(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

// Text of Chinese writing: Han characters, CJK symbols and punctuation (U+3000–U+303F), full-width
// forms (U+FF00–U+FFEF) and the curly quotes used in Chinese text.
inline bool is_cjk_text(char32_t c) noexcept {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2014 || c == 0x2026;
}

// A set of code points with constant-time lookup for the Basic Multilingual Plane.
class CodePointSet {
 public:
  CodePointSet() = default;
  explicit CodePointSet(std::u32string_view chars) {
    for (char32_t c : chars) insert(c);
  }
  void insert(char32_t c) {
    if (c < 0x10000) {
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
    } else {
      others_.push_back(c);
    }
  }
  bool contains(char32_t c) const noexcept {
    if (c < 0x10000) return (bits_[c >> 6] >> (c & 63)) & 1;
    for (char32_t o : others_) {
      if (o == c) return true;
    }
    return false;
  }

 private:
  std::uint64_t bits_[0x10000 / 64] = {};
  std::u32string others_;
};

// A string's code points with the byte offset of each (plus one past the end).
struct CodePoints {
  std::u32string chars;
  std::vector<std::uint32_t> offsets;  // chars.size() + 1 entries, relative to the string start
};
CodePoints decode(std::string_view s);

}  // namespace fzcheck::utf8
