// Reading a whole file from disk with the checks that every file fzcheck reads goes through:
// documents, and everything else (configuration files, rule packs and their fixtures). A path
// that is not a regular file (a directory, a FIFO, a device such as /dev/zero) is refused
// without blocking and without reading, and no more than a limit is ever read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "fzcheck/error.hpp"

namespace fzcheck::detail {

// The most a configuration file or one file of a rule pack (pack.yaml, rule.yaml, README.md, a
// fixture's .expected or .options.yaml) may hold. The largest built-in one is a few KB.
inline constexpr std::uint64_t kMaxSettingFileBytes = 1 << 20;

// The bytes of the regular file `path`, at most `limit` of them. Errors (with their catalogue
// keys): not_found (error_no_such_file), not_a_file (error_directory, error_not_regular_file),
// too_large (`too_large_key`, with {size} and {limit}), io (error_cannot_open,
// error_cannot_read). The file name in errors is path.string(). A file that grows while it is
// read is read only up to the size it had when it was opened.
Result<std::string> read_regular_file(const std::filesystem::path& path, std::uint64_t limit,
                                      std::string_view too_large_key = "error_file_too_large");

// A configuration or rule-pack file: read_regular_file() with kMaxSettingFileBytes and its own
// message when it is larger.
Result<std::string> read_setting_file(const std::filesystem::path& path);

// "1.5 MB", "12.0 KB", "300 bytes".
std::string human_size(std::uint64_t bytes);

}  // namespace fzcheck::detail
