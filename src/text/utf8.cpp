#include "text/utf8.hpp"

namespace fzcheck::utf8 {

namespace {
inline bool is_cont(unsigned char b) noexcept {
  return (b & 0xC0) == 0x80;
}
}  // namespace

char32_t next_slow(std::string_view s, std::size_t& i) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  unsigned char b0 = p[i];
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len;
  char32_t c;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kInvalid;
  }
  if (i + len > n) {
    ++i;
    return kInvalid;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (!is_cont(p[i + k])) {
      ++i;
      return kInvalid;
    }
    c = (c << 6) | (p[i + k] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return kInvalid;
  }
  i += len;
  return c;
}

char32_t prev(std::string_view s, std::size_t& i) noexcept {
  if (i == 0) return kInvalid;
  std::size_t start = i - 1;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (start > 0 && i - start < 4 && is_cont(p[start])) --start;
  std::size_t j = start;
  char32_t c = next(s, j);
  if (j != i) {  // malformed: step back one byte only
    i -= 1;
    return kInvalid;
  }
  i = start;
  return c;
}

std::size_t find_invalid(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // Three-byte sequences without the lead bytes' special cases (E0: overlong, ED: surrogates):
    // nearly all Chinese text.
    if (i + 3 <= n && p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    std::size_t j = i;
    if (next(s, j) == kInvalid) return i;
    i = j;
  }
  return std::string_view::npos;
}

std::size_t length(std::string_view s) noexcept {
  std::size_t count = 0;
  for (unsigned char b : s) count += !is_cont(b);
  return count;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string encode(char32_t c) {
  std::string s;
  append(s, c);
  return s;
}

bool is_space(char32_t c) noexcept {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\f':
    case U'\v':
    case U'\r':
    case U'\n':
    case 0x00A0:  // no-break space
    case 0x1680:
    case 0x200B:  // zero width space
    case 0x200C:
    case 0x200D:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:  // ideographic space
    case 0xFEFF:  // zero width no-break space (a stray byte-order mark)
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

std::size_t leading_space_bytes(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (!is_space(next(s, j))) break;
    i = j;
  }
  return i;
}

std::size_t trailing_space_bytes(std::string_view s) noexcept {
  std::size_t i = s.size();
  while (i > 0) {
    std::size_t j = i;
    if (!is_space(prev(s, j))) break;
    i = j;
  }
  return s.size() - i;
}

std::string_view trim(std::string_view s) noexcept {
  std::size_t lead = leading_space_bytes(s);
  s.remove_prefix(lead);
  s.remove_suffix(trailing_space_bytes(s));
  return s;
}

bool is_blank(std::string_view s) noexcept {
  return leading_space_bytes(s) == s.size();
}

CodePoints decode(std::string_view s) {
  CodePoints out;
  out.chars.reserve(s.size() / 2);
  out.offsets.reserve(s.size() / 2 + 1);
  std::size_t i = 0;
  while (i < s.size()) {
    out.offsets.push_back(static_cast<std::uint32_t>(i));
    out.chars.push_back(next(s, i));
  }
  out.offsets.push_back(static_cast<std::uint32_t>(s.size()));
  return out;
}

}  // namespace fzcheck::utf8
