#include "fzcheck/error.hpp"

#include <fmt/format.h>

namespace fzcheck {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::not_a_file:
      return "not_a_file";
    case ErrorCode::io:
      return "io";
    case ErrorCode::empty:
      return "empty";
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::binary:
      return "binary";
    case ErrorCode::encoding:
      return "encoding";
    case ErrorCode::unsupported_format:
      return "unsupported_format";
    case ErrorCode::corrupt:
      return "corrupt";
    case ErrorCode::limit_exceeded:
      return "limit_exceeded";
    case ErrorCode::rule_syntax:
      return "rule_syntax";
    case ErrorCode::rule_schema:
      return "rule_schema";
    case ErrorCode::usage:
      return "usage";
    case ErrorCode::internal:
      return "internal";
  }
  return "?";
}

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out = file;
    if (pos.line > 0) {
      out += fmt::format(":{}", pos.line);
      if (pos.column > 0) out += fmt::format(":{}", pos.column);
    }
    out += ": ";
  }
  out += message;
  return out;
}

}  // namespace fzcheck
