// What the fuzz targets share: a check that fails loudly (abort, which libFuzzer reports as a
// crash with the input), a private scratch folder for the targets that must write files (the rule
// loader reads from disk), and the findings' invariants.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"

namespace fzcheck::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, what);
  std::abort();
}
#define FUZZ_ASSERT(condition) \
  ((condition) ? (void)0 : ::fzcheck::fuzz::fail(#condition, __FILE__, __LINE__))

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A folder of this process's own (in /dev/shm when there is one: no disk writes per input).
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path base =
        std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto d = base / ("fzcheck-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// Every finding lies inside the text and names its rule.
inline void check_findings(const Document& doc, const Report& report) {
  for (const Finding& f : report.findings) {
    FUZZ_ASSERT(f.begin_offset <= f.end_offset);
    FUZZ_ASSERT(f.end_offset <= doc.text.size());
    FUZZ_ASSERT(!f.rule_id.empty());
  }
}

}  // namespace fzcheck::fuzz
