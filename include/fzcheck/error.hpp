// Positions, errors and results: the error contract of the fzcheck library.
//
// Findings (what a rule says about a document) are results, not errors. An Error is about a bad
// input: a document that cannot be read or a rule file that cannot be loaded. Errors carry their
// position as data, never only inside the message.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fzcheck/api.hpp"

namespace FZCHECK_API fzcheck {

// A place in a source file. Lines and columns are 1-based; columns count Unicode code points.
// A line of 0 means "no position" (for example an error about a whole file).
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

enum class ErrorCode {
  not_found,           // the path does not exist
  not_a_file,          // a directory or another non-regular file
  io,                  // the operating system refused to read or write
  empty,               // the file holds no text at all
  too_large,           // above the configured size limit
  binary,              // not text (NUL bytes, control characters)
  encoding,            // not valid in any supported encoding
  unsupported_format,  // a format fzcheck does not read (legacy .doc, .pdf, an image, …)
  corrupt,             // a damaged container (zip, XML)
  limit_exceeded,      // a safety limit was hit (nesting, decompressed size, ratio, …)
  rule_syntax,         // a rule file is not valid YAML
  rule_schema,         // a rule file is valid YAML but not a valid rule
  usage,               // a bad argument or option
  internal,            // a bug in fzcheck
};

// Stable English name of a code ("not_found", "encoding", …), for JSON and logs.
const char* to_string(ErrorCode code) noexcept;

// The values of a message's {placeholders}: {"name", "value"} pairs.
using MessageValues = std::vector<std::pair<std::string, std::string>>;

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;  // one sentence in English, without the file name or position
  std::string file;     // the file concerned, as given by the caller; may be empty
  Position pos;         // where in the file, when known
  // The message's key in the interface catalogues (i18n/*.yaml) and the values of its
  // {placeholders}: error_text() (fzcheck/i18n.hpp) says it in another language. Empty when the
  // message exists in English only (errors of rule packs and configuration files).
  std::string key = {};
  MessageValues args = {};

  // "file:line:column: message", leaving out the parts that are unknown.
  std::string to_string() const;
};

// Either a value or one or more errors (a rule loader reports every problem it finds at once).
template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::vector<Error>{std::move(error)}) {}  // NOLINT
  Result(std::vector<Error> errors) : state_(std::move(errors)) {}  // NOLINT: must be non-empty

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const std::vector<Error>& errors() const { return std::get<1>(state_); }
  const Error& error() const { return errors().front(); }

 private:
  std::variant<T, std::vector<Error>> state_;
};

}  // namespace fzcheck
