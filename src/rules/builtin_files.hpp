// The default rule packs and the interface words, embedded at build time by
// cmake/EmbedRules.cmake.
#pragma once

#include <cstddef>

namespace fzcheck::detail {

struct EmbeddedFile {
  const char* path;  // relative to rules/, e.g. "fazhi-report/part-measures/rule.yaml"
  const unsigned char* data;
  std::size_t size;
};

extern const EmbeddedFile kBuiltinFiles[];  // rules/: ends with {nullptr, nullptr, 0}
extern const std::size_t kBuiltinFileCount;
extern const EmbeddedFile kUiFiles[];  // i18n/*.yaml: "zh-CN.yaml", "en.yaml", …
extern const std::size_t kUiFileCount;

}  // namespace fzcheck::detail
