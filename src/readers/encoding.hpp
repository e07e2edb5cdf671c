// Character encodings: detection (byte-order marks, strict UTF-8, ICU's detector) and conversion
// to UTF-8 with ICU. Shared by the readers of plain text and HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/error.hpp"

namespace fzcheck::detail {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // canonical name: "UTF-8", "GB18030", "UTF-16LE", …
  bool bom = false;
};

// The encoding named by a byte-order mark at the start of `bytes`, with the mark's length.
struct Bom {
  std::string encoding;
  std::size_t length = 0;
};
std::optional<Bom> detect_bom(std::string_view bytes) noexcept;

// Converts `bytes` in `encoding` (any name ICU knows) to UTF-8. Returns nullopt when the name is
// unknown or the bytes are not valid in that encoding (no replacement characters are inserted).
std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding);

// ICU's guesses for `bytes`, best first, as canonical names.
std::vector<std::string> guess_encodings(std::string_view bytes);

// Decodes a text document: `forced` if not empty, else a byte-order mark, else valid UTF-8, else
// GB18030/GBK when ICU's detector suggests it and the bytes convert cleanly. Anything else is an
// error that says what was found (binary data, or an encoding fzcheck does not guess).
Result<DecodedText> decode_text(std::string_view bytes, const std::string& forced,
                                std::string_view file_name);

// The ICU converter's canonical name for a user-given encoding name, or empty if ICU has none.
std::string canonical_encoding_name(const std::string& name);

}  // namespace fzcheck::detail
