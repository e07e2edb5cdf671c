// UTF-8 decoding and code-point helpers used everywhere in the pipeline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fzcheck::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at s[i] and advances i past it. On a malformed sequence returns kInvalid
// and advances i by one byte.
char32_t next(std::string_view s, std::size_t& i) noexcept;

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
bool is_han(char32_t c) noexcept;

// Text of Chinese writing: Han characters, CJK symbols and punctuation (U+3000–U+303F), full-width
// forms (U+FF00–U+FFEF) and the curly quotes used in Chinese text.
bool is_cjk_text(char32_t c) noexcept;

// A string's code points with the byte offset of each (plus one past the end).
struct CodePoints {
  std::u32string chars;
  std::vector<std::uint32_t> offsets;  // chars.size() + 1 entries, relative to the string start
};
CodePoints decode(std::string_view s);

}  // namespace fzcheck::utf8
