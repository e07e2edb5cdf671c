// Writing a file so that it is never left half-written.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"

namespace FZCHECK_API fzcheck {

// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed to disk, then
// renamed over the target (which keeps its permissions). Returns an error on failure; the target is
// then unchanged.
std::optional<Error> write_file_atomically(const std::filesystem::path& path,
                                           std::string_view bytes);

}  // namespace fzcheck
