// The default rule packs, embedded at build time by cmake/EmbedRules.cmake.
#pragma once

#include "base/embedded_file.hpp"

namespace fzcheck::detail {

// rules/: "fazhi-report/part-measures/rule.yaml", …; ends with {nullptr, nullptr, 0}.
extern const EmbeddedFile kBuiltinFiles[];
extern const std::size_t kBuiltinFileCount;

}  // namespace fzcheck::detail
