#include "readers/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "fzcheck/i18n.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const noexcept { ucsdet_close(d); }
};

// How much text ICU's detector looks at: enough to be sure, little enough to stay fast.
constexpr std::size_t kDetectionSample = 64 * 1024;

bool has_nul(std::string_view bytes) noexcept {
  return std::memchr(bytes.data(), 0, bytes.size()) != nullptr;
}

// Control characters other than tab, line ends and form feed are not found in real text.
std::size_t count_controls(std::string_view utf8) noexcept {
  std::size_t n = 0;
  for (unsigned char b : utf8) {
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F)
      ++n;
  }
  return n;
}

// The bad byte at `offset` and its place, as the values "byte" (0x..), "line" and "column" (in code
// points of the valid prefix) of a message.
MessageValues bad_byte(std::string_view bytes, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = utf8::length(bytes.substr(line_start, offset - line_start)) + 1;
  return {{"byte", fmt::format("0x{:02X}", static_cast<unsigned char>(bytes[offset]))},
          {"line", std::to_string(line)},
          {"column", std::to_string(column)}};
}

Error make_error(ErrorCode code, std::string key, std::string_view file, MessageValues args = {}) {
  return ui_error(code, std::move(key), std::move(args), std::string(file));
}

}  // namespace

std::optional<Bom> detect_bom(std::string_view b) noexcept {
  auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return Bom{"UTF-8", 3};
  if (starts("\xFF\xFE\x00\x00"sv)) return Bom{"UTF-32LE", 4};
  if (starts("\x00\x00\xFE\xFF"sv)) return Bom{"UTF-32BE", 4};
  if (starts("\xFF\xFE"sv)) return Bom{"UTF-16LE", 2};
  if (starts("\xFE\xFF"sv)) return Bom{"UTF-16BE", 2};
  if (starts("\x84\x31\x95\x33"sv)) return Bom{"GB18030", 4};
  return std::nullopt;
}

std::string canonical_encoding_name(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return {};
  const char* internal = ucnv_getName(cnv.get(), &status);
  if (U_FAILURE(status) || internal == nullptr) return {};
  // Prefer the name users know (MIME, then IANA) over ICU's internal one ("windows-936-2000").
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode s = U_ZERO_ERROR;
    const char* known = ucnv_getStandardName(internal, standard, &s);
    if (U_SUCCESS(s) && known != nullptr) return known;
  }
  return internal;
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 2 - 16)) return std::nullopt;
  std::string out;
  // One source byte never becomes more than two UTF-8 bytes for the encodings met in practice;
  // if it does, ICU reports the size needed and we convert again.
  out.resize(bytes.size() * 2 + 16);
  auto run = [&] {
    status = U_ZERO_ERROR;
    ucnv_resetToUnicode(cnv.get());
    return ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                              bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  };
  int32_t length = run();
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<std::size_t>(length) + 16);
    length = run();
  }
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::vector<std::string> guess_encodings(std::string_view bytes) {
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  if (U_FAILURE(status)) return names;
  std::string_view sample = bytes.substr(0, kDetectionSample);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return names;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode s = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &s);
    if (U_SUCCESS(s) && name != nullptr) names.emplace_back(name);
  }
  return names;
}

Result<DecodedText> decode_text(std::string_view bytes, const std::string& forced,
                                std::string_view file) {
  DecodedText out;
  auto finish = [&](std::string utf8, std::string encoding, bool bom) -> Result<DecodedText> {
    if (has_nul(utf8)) {
      return make_error(ErrorCode::binary, "error_binary_nul", file);
    }
    // Over 1% of control characters: binary, unless the caller named the encoding (it says the
    // bytes are text; a ratio would otherwise refuse the copy `fix` wrote of a file just under it).
    std::size_t sample = std::min<std::size_t>(utf8.size(), kDetectionSample);
    if (forced.empty() && count_controls(std::string_view(utf8).substr(0, sample)) * 100 > sample) {
      return make_error(ErrorCode::binary, "error_binary_controls", file);
    }
    out.utf8 = std::move(utf8);
    out.encoding = std::move(encoding);
    out.bom = bom;
    return std::move(out);
  };

  if (!forced.empty()) {
    std::string canonical = canonical_encoding_name(forced);
    if (canonical.empty()) {
      return make_error(ErrorCode::usage, "error_unknown_encoding", file, {{"encoding", forced}});
    }
    std::string_view body = bytes;
    bool bom = false;
    if (auto b = detect_bom(bytes); b && canonical_encoding_name(b->encoding) == canonical) {
      body.remove_prefix(b->length);
      bom = true;
    }
    auto converted = convert_to_utf8(body, canonical);
    if (!converted) {
      return make_error(ErrorCode::encoding, "error_not_forced_encoding", file,
                        {{"encoding", canonical}});
    }
    return finish(std::move(*converted), canonical, bom);
  }

  if (auto bom = detect_bom(bytes)) {
    std::string_view body = bytes.substr(bom->length);
    if (bom->encoding == "UTF-8") {
      if (auto bad = utf8::find_invalid(body); bad != std::string_view::npos) {
        return make_error(ErrorCode::encoding, "error_bad_utf8_after_bom", file,
                          bad_byte(body, bad));
      }
      return finish(std::string(body), "UTF-8", true);
    }
    auto converted = convert_to_utf8(body, bom->encoding);
    if (!converted) {
      return make_error(ErrorCode::encoding, "error_bad_after_bom", file,
                        {{"encoding", bom->encoding}});
    }
    return finish(std::move(*converted), bom->encoding, true);
  }

  // Valid UTF-8 with a few NUL bytes is UTF-8 text with NULs in it (refused as binary by
  // finish()), not UTF-16: UTF-16 of Chinese text is almost never valid UTF-8, and UTF-16 of ASCII
  // is half NULs. ICU took such a file for UTF-16LE and it was read as mojibake.
  if (has_nul(bytes) && utf8::find_invalid(bytes) == std::string_view::npos &&
      static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0')) * 4 < bytes.size()) {
    return finish(std::string(bytes), "UTF-8", false);
  }
  if (has_nul(bytes)) {
    // Perhaps UTF-16 without a byte-order mark: accept it only when ICU is confident and the
    // result is clean text.
    for (const std::string& name : guess_encodings(bytes)) {
      if (name != "UTF-16LE" && name != "UTF-16BE") continue;
      if (auto converted = convert_to_utf8(bytes, name);
          converted && !has_nul(*converted) && count_controls(*converted) == 0) {
        return finish(std::move(*converted), name, false);
      }
    }
    return make_error(ErrorCode::binary, "error_binary_utf16", file);
  }

  std::size_t bad = utf8::find_invalid(bytes);
  if (bad == std::string_view::npos) return finish(std::string(bytes), "UTF-8", false);

  std::vector<std::string> guesses = guess_encodings(bytes);
  // GB18030 is a superset of GBK and GB2312, the encodings of most Chinese office files that are
  // not UTF-8. Try it whenever ICU mentions it or any Chinese encoding.
  // A file that ICU takes for UTF-8 is UTF-8 with a damaged byte, not another encoding.
  bool mostly_utf8 = !guesses.empty() && guesses.front() == "UTF-8";
  bool chinese =
      !mostly_utf8 && std::any_of(guesses.begin(), guesses.end(), [](const std::string& n) {
        return n == "GB18030" || n == "Big5" || n == "ISO-2022-CN";
      });
  if (chinese || (guesses.empty() && !mostly_utf8)) {
    if (auto converted = convert_to_utf8(bytes, "GB18030")) {
      return finish(std::move(*converted), "GB18030", false);
    }
  }
  MessageValues args = bad_byte(bytes, bad);
  if (guesses.empty())
    return make_error(ErrorCode::encoding, "error_unknown_encoding_of", file, args);
  args.emplace_back("guess", guesses.front());
  return make_error(ErrorCode::encoding, "error_unknown_encoding_guess", file, std::move(args));
}

}  // namespace fzcheck::detail
