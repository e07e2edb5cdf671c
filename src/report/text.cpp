// Compiler-style text output.
#include <unicode/uchar.h>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "fzcheck/i18n.hpp"
#include "fzcheck/report.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

constexpr std::size_t kContextBefore = 20;  // code points shown before a finding
constexpr std::size_t kMaxUnderline = 40;   // code points underlined at most
constexpr std::size_t kContextAfter = 20;

// Columns a code point takes in a terminal: two for wide (CJK) characters.
std::size_t width(char32_t c) {
  auto w = static_cast<UEastAsianWidth>(
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
  return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

const char* colour(Severity s) {
  switch (s) {
    case Severity::error:
      return "\x1b[1;31m";
    case Severity::warning:
      return "\x1b[1;35m";
    case Severity::info:
      return "\x1b[1;36m";
  }
  return "";
}

// Moves `i` back (or forward) by up to n code points within [lo, hi).
std::size_t back(std::string_view s, std::size_t i, std::size_t lo, std::size_t n) {
  while (n-- > 0 && i > lo) utf8::prev(s, i);
  return i;
}
std::size_t forward(std::string_view s, std::size_t i, std::size_t hi, std::size_t n) {
  while (n-- > 0 && i < hi) utf8::next(s, i);
  return i;
}

void write_context(std::ostream& out, const Finding& f, const Document& doc, bool color) {
  if (doc.paragraphs.empty() || f.begin.line == 0) return;
  const Paragraph& p = doc.paragraphs[doc.paragraph_at(f.begin_offset)];
  std::string_view text = doc.text;
  std::size_t lo = p.span.begin;
  std::size_t hi = p.span.end;
  std::size_t begin = std::clamp<std::size_t>(f.begin_offset, lo, hi);
  std::size_t end = std::clamp<std::size_t>(f.end_offset, begin, hi);
  end = std::min(end, forward(text, begin, hi, kMaxUnderline));
  std::size_t from = back(text, begin, lo, kContextBefore);
  std::size_t to = forward(text, end, hi, kContextAfter);
  std::string shown;
  std::string marks;
  if (from > lo) {
    shown += utf8::encode(cjk::kEllipsis);
    marks += ' ';
  }
  for (std::size_t i = from; i < to;) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (c == U'\t') c = U' ';
    utf8::append(shown, c);
    if (at < begin) {
      marks.append(width(c), ' ');
    } else if (at < end) {
      marks += at == begin ? '^' : '~';
      marks.append(width(c) - 1, '~');
    }
  }
  if (begin == end) marks += '^';  // a point: the caret stands where something is missing
  if (to < hi) shown += utf8::encode(cjk::kEllipsis);
  while (!marks.empty() && marks.back() == ' ') marks.pop_back();
  // For .docx the number counts paragraphs: label it so that nobody looks for a line.
  std::string where = doc.format == InputFormat::docx ? fmt::format("P{}", f.begin.line)
                                                      : std::to_string(f.begin.line);
  std::string gutter = fmt::format("{:>6} | ", where);
  fmt::print(out, "{}{}\n", gutter, shown);
  fmt::print(out, "{:>6} | {}{}{}\n", "", color ? "\x1b[32m" : "", marks, color ? "\x1b[0m" : "");
}

// file:line:column; for a .docx, whose lines Word does not show, the paragraph and the heading
// it is under.
std::string location(const std::string& file, const Finding& f, const Document& doc,
                     std::string_view language) {
  if (f.begin.line == 0) return file;
  if (doc.format != InputFormat::docx)
    return fmt::format("{}:{}:{}", file, f.begin.line, f.begin.column);
  const std::string n = std::to_string(f.begin.line);
  return fmt::format("{}:{}", file,
                     f.heading.empty() ? ui_text(language, "paragraph_at", {{"paragraph", n}})
                                       : ui_text(language, "paragraph_under",
                                                 {{"paragraph", n}, {"heading", f.heading}}));
}

}  // namespace

std::string severity_text(Severity severity, std::string_view language) {
  return ui_text(language, std::string("severity_") + to_string(severity));
}

std::string document_type_text(const DocumentType& type, std::string_view language) {
  if (type.name.empty()) return {};
  std::string basis;
  switch (type.basis) {
    case DocumentType::Basis::title:
      basis = ui_text(language, "type_basis_title", {{"evidence", type.evidence}});
      break;
    case DocumentType::Basis::body:
      basis = ui_text(language, "type_basis_body",
                      {{"evidence", type.evidence}, {"count", std::to_string(type.count)}});
      break;
    case DocumentType::Basis::forced:
      basis = ui_text(language, "type_basis_forced");
      break;
    case DocumentType::Basis::fallback:
      basis = ui_text(language, "type_basis_fallback");
      break;
  }
  if (!type.genre.empty()) basis += ui_text(language, "type_genre", {{"genre", type.genre}});
  return ui_text(language, "type_line", {{"type", type.name}, {"basis", basis}});
}

void write_text(std::ostream& out, const Report& report, const Document& doc,
                const TextOptions& options) {
  if (options.show_type && !report.type.name.empty())
    fmt::print(out, "{}: {}\n", report.file, document_type_text(report.type, options.language));
  // Last year's report is the user's word (--previous, or paired in a folder): say which it was.
  if (!report.previous.empty())
    fmt::print(out, "{}: {}\n", report.file,
               ui_text(options.language, "previous_line", {{"previous", report.previous}}));
  for (const Finding& f : report.findings) {
    const std::string where = location(report.file, f, doc, options.language);
    const std::string severity = severity_text(f.severity, options.language);
    if (options.color) {
      fmt::print(out, "\x1b[1m{}:\x1b[0m {}{}:\x1b[0m {} [{}]\n", where, colour(f.severity),
                 severity, f.message, f.rule_id);
    } else {
      fmt::print(out, "{}: {}: {} [{}]\n", where, severity, f.message, f.rule_id);
    }
    if (options.show_context) write_context(out, f, doc, options.color);
    if (f.replacement && options.show_suggestion) {
      fmt::print(out, "       = {}\n",
                 f.replacement->empty()
                     ? ui_text(options.language, "suggestion_delete")
                     : ui_text(options.language, "suggestion", {{"replacement", *f.replacement}}));
    }
    if (options.show_source && !f.source.empty()) {
      fmt::print(out, "       = {}\n", ui_text(options.language, "basis", {{"source", f.source}}));
    }
  }
}

void write_line(std::ostream& out, const Report& report) {
  for (const Finding& f : report.findings) {
    fmt::print(out, "{}:{}:{}:{}:{}\n", report.file, f.begin.line, f.begin.column, f.rule_id,
               to_string(f.severity));
  }
}

}  // namespace fzcheck
