#include "engine/sink.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>

#include <fmt/format.h>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxExcerpt = 80;  // code points

#ifdef NDEBUG
std::atomic<bool> strict{false};
#else
std::atomic<bool> strict{true};
#endif

std::string shorten(std::string_view text) {
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < text.size() && count < kMaxExcerpt) {
    if (text[i] == '\n') break;
    utf8::next(text, i);
    ++count;
  }
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + utf8::encode(cjk::kEllipsis);
}

}  // namespace

void set_strict_spans(bool on) noexcept {
  strict = on;
}

bool strict_spans() noexcept {
  return strict;
}

void DocumentSink::add(const Check& check, Span span, std::string message,
                       std::optional<std::string> replacement, std::optional<Severity> severity) {
  const RuleCommon& rule = check.common();
  const auto size = static_cast<std::uint32_t>(doc_.text.size());
  if (span.begin > span.end || span.end > size) {
    if (strict_spans()) {
      throw std::logic_error(
          fmt::format("rule {} (kind {}) reported the span [{}, {}) outside the text of {} bytes",
                      rule.id, rule.kind, span.begin, span.end, size));
    }
    span.end = std::min(span.end, size);
    span.begin = std::min(span.begin, span.end);
  }
  if (!locator_) locator_.emplace(doc_);
  Finding f;
  f.rule_id = rule.id;
  f.severity = severity.value_or(rule.severity);
  f.message = std::move(message);
  f.begin_offset = span.begin;
  f.end_offset = span.end;
  f.begin = locator_->locate(span.begin);
  f.end = locator_->locate(span.end);
  f.excerpt = shorten(doc_.str(span));
  f.replacement = std::move(replacement);
  f.source = rule.source;
  if (!doc_.paragraphs.empty()) {
    std::int32_t s = doc_.paragraphs[doc_.paragraph_at(span.begin)].section;
    if (s >= 0) {
      const Section& sec = doc_.sections[static_cast<std::size_t>(s)];
      f.heading = std::string(doc_.str({sec.marker.span.begin, sec.heading.end}));
    }
  }
  out_.push_back(std::move(f));
}

}  // namespace fzcheck::detail
