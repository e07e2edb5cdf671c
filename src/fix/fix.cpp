// Applying replacements, encoding the result like the source, and the unified diff.
#include "fzcheck/fix.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "fzcheck/i18n.hpp"
#include "readers/encoding.hpp"

namespace fzcheck {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    lines.push_back(
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

const char* terminator(LineEnd end) {
  switch (end) {
    case LineEnd::lf:
      return "\n";
    case LineEnd::crlf:
      return "\r\n";
    case LineEnd::cr:
      return "\r";
    case LineEnd::none:
      return "";
  }
  return "";
}

std::string bom_for(const std::string& encoding) {
  using namespace std::string_literals;
  if (encoding == "UTF-8") return "\xEF\xBB\xBF";
  if (encoding == "UTF-16LE") return "\xFF\xFE";
  if (encoding == "UTF-16BE") return "\xFE\xFF";
  if (encoding == "UTF-32LE") return "\xFF\xFE\x00\x00"s;
  if (encoding == "UTF-32BE") return "\x00\x00\xFE\xFF"s;
  if (encoding == "GB18030") return "\x84\x31\x95\x33";
  return {};
}

}  // namespace

FixResult apply_fixes(const Document& doc, const std::vector<Finding>& findings) {
  FixResult result;
  std::vector<const Finding*> fixes;
  for (const Finding& f : findings) {
    if (!f.replacement || f.end_offset < f.begin_offset || f.end_offset > doc.text.size()) continue;
    std::string_view target =
        std::string_view(doc.text).substr(f.begin_offset, f.end_offset - f.begin_offset);
    // A fix never joins or splits lines.
    if (target.find('\n') != std::string_view::npos ||
        f.replacement->find('\n') != std::string::npos ||
        f.replacement->find('\r') != std::string::npos) {
      result.refused.push_back(f);
      continue;
    }
    fixes.push_back(&f);
  }
  std::stable_sort(fixes.begin(), fixes.end(), [](const Finding* a, const Finding* b) {
    return a->begin_offset != b->begin_offset ? a->begin_offset < b->begin_offset
                                              : a->end_offset > b->end_offset;
  });
  result.text.reserve(doc.text.size());
  std::uint32_t copied = 0;
  bool any = false;
  for (const Finding* f : fixes) {
    // Overlap with the last applied fix (an insertion at the same point counts as overlapping).
    bool overlaps =
        any && (f->begin_offset < copied ||
                (f->begin_offset == copied && result.applied.back().begin_offset == copied));
    if (overlaps) {
      result.skipped.push_back(*f);
      continue;
    }
    result.text.append(doc.text, copied, f->begin_offset - copied);
    result.text += *f->replacement;
    copied = f->end_offset;
    result.applied.push_back(*f);
    any = true;
  }
  result.text.append(doc.text, copied, std::string::npos);
  return result;
}

Result<std::string> encode_like_source(const Document& doc, std::string_view fixed_text) {
  if (doc.format != InputFormat::text) {
    return ui_error(ErrorCode::unsupported_format, "error_fix_text_only",
                    {{"format", to_string(doc.format)}}, doc.name);
  }
  std::vector<std::string_view> lines = split_lines(fixed_text);
  if (lines.size() != doc.paragraphs.size()) {
    return ui_error(ErrorCode::internal, "error_fix_lines", {}, doc.name);
  }
  std::string utf8;
  utf8.reserve(fixed_text.size() + lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    utf8 += lines[i];
    utf8 += terminator(doc.paragraphs[i].line_end);
  }
  // A text that now starts with U+FEFF (a fix removed what stood before it) would be read back as
  // a byte-order mark and lose it: a mark before it keeps it text.
  const bool starts_with_feff = utf8.starts_with("\xEF\xBB\xBF");
  std::string bytes = doc.had_bom || starts_with_feff ? bom_for(doc.encoding) : std::string();
  if (doc.encoding == "UTF-8") return bytes + utf8;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(doc.encoding.c_str(), &status),
                                                         ucnv_close);
  if (U_FAILURE(status)) {
    return ui_error(ErrorCode::internal, "error_fix_cannot_encode", {{"encoding", doc.encoding}},
                    doc.name);
  }
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(utf8.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t n =
      ucnv_fromAlgorithmic(cnv.get(), UCNV_UTF8, out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    return ui_error(ErrorCode::encoding, "error_fix_unencodable", {{"encoding", doc.encoding}},
                    doc.name);
  }
  out.resize(static_cast<std::size_t>(n));
  // ICU writes no byte-order mark for UTF-16LE/BE and UTF-32LE/BE; the mark (if any) is ours.
  return bytes + out;
}

std::string unified_diff(const Document& doc, std::string_view fixed_text,
                         const std::string& label) {
  std::vector<std::string_view> before = split_lines(doc.text);
  std::vector<std::string_view> after = split_lines(fixed_text);
  if (before.size() != after.size()) return {};
  constexpr std::size_t kContext = 3;
  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] != after[i]) changed.push_back(i);
  }
  if (changed.empty()) return {};
  // "a/" and "b/" as git writes them, for `patch -p1`; an absolute path is left as it is.
  std::string out = label.starts_with('/') ? fmt::format("--- {}\n+++ {}\n", label, label)
                                           : fmt::format("--- a/{}\n+++ b/{}\n", label, label);
  std::size_t k = 0;
  while (k < changed.size()) {
    std::size_t first = changed[k] > kContext ? changed[k] - kContext : 0;
    std::size_t last = changed[k];
    std::size_t j = k;
    while (j + 1 < changed.size() && changed[j + 1] <= last + 2 * kContext + 1) last = changed[++j];
    std::size_t end = std::min(before.size(), last + kContext + 1);
    // The line source positions are those of the source file (for text, line i is i + 1).
    std::size_t line = doc.locate(doc.paragraphs[first].span.begin).line;
    out += fmt::format("@@ -{},{} +{},{} @@\n", line, end - first, line, end - first);
    for (std::size_t i = first; i < end; ++i) {
      if (before[i] == after[i]) {
        out += fmt::format(" {}\n", before[i]);
      } else {
        out += fmt::format("-{}\n+{}\n", before[i], after[i]);
      }
    }
    k = j + 1;
  }
  return out;
}

}  // namespace fzcheck
