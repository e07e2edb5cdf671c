// The default rule packs, embedded at build time by cmake/EmbedRules.cmake.
#pragma once

#include "base/embedded_file.hpp"

namespace fzcheck::detail {

// rules/: "fazhi-report/part-measures/rule.yaml", …; ends with {nullptr, nullptr, 0}.
extern const EmbeddedFile kBuiltinFiles[];
extern const std::size_t kBuiltinFileCount;

// The YAML files among them compiled (yaml/yaml_tree.hpp) by tools/compile_yaml.cpp, by the same
// paths: what the library loads them from.
extern const EmbeddedFile kBuiltinTrees[];
extern const std::size_t kBuiltinTreesCount;

}  // namespace fzcheck::detail
