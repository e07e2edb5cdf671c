// The interface-word catalogues (i18n/*.yaml), embedded at build time by cmake/EmbedRules.cmake
// and compiled by tools/compile_yaml.cpp.
#pragma once

#include "base/embedded_file.hpp"

namespace fzcheck::detail {

// "zh-CN.yaml", "en.yaml", …; ends with {nullptr, nullptr, 0}.
extern const EmbeddedFile kUiFiles[];
extern const std::size_t kUiFileCount;

// The same files compiled (yaml/yaml_tree.hpp) by tools/compile_yaml.cpp, by the same paths.
extern const EmbeddedFile kUiTrees[];
extern const std::size_t kUiTreesCount;

}  // namespace fzcheck::detail
