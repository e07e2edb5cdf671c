// The interface-word catalogues (i18n/*.yaml), embedded at build time by cmake/EmbedRules.cmake.
#pragma once

#include "base/embedded_file.hpp"

namespace fzcheck::detail {

// "zh-CN.yaml", "en.yaml", …; ends with {nullptr, nullptr, 0}.
extern const EmbeddedFile kUiFiles[];
extern const std::size_t kUiFileCount;

}  // namespace fzcheck::detail
