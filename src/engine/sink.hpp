// The FindingSink of check(): turns a rule's span and message into a Finding with its line,
// column, excerpt and heading.
#pragma once

#include <optional>
#include <vector>

#include "checks/kind.hpp"
#include "model/locator.hpp"

namespace fzcheck::detail {

class DocumentSink final : public FindingSink {
 public:
  DocumentSink(const Document& doc, std::vector<Finding>& out) : doc_(doc), out_(out) {}
  void add(const Check& check, Span span, std::string message,
           std::optional<std::string> replacement = std::nullopt,
           std::optional<Severity> severity = std::nullopt) override;

 private:
  const Document& doc_;
  std::vector<Finding>& out_;
  // Made at the first finding: a document without findings costs nothing.
  std::optional<Locator> locator_;
};

// A finding whose span is not inside the text (or ends before it begins) is a bug in its kind.
// With strict spans it is thrown as std::logic_error, so that the test suite catches it; else it
// is clamped to the text and kept. Strict by default in builds with assertions (no NDEBUG); the
// test suite turns it on in every build.
void set_strict_spans(bool strict) noexcept;
bool strict_spans() noexcept;

}  // namespace fzcheck::detail
