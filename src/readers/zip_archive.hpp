// Read-only access to a zip archive held in memory (libzip), with the safety limits of
// ReadOptions: the inflated size of one entry and its compression ratio; and a changed copy of
// an archive, made in memory. Nothing is written to disk. Used by the .docx reader and writer.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fzcheck/error.hpp"

struct zip;  // libzip's zip_t, kept out of this header

namespace fzcheck::detail {

struct ZipLimits {
  std::uint64_t max_entry_bytes = 256ull << 20;  // ReadOptions::max_entry_bytes
  std::uint32_t max_compression_ratio = 1000;    // ReadOptions::max_compression_ratio
  // The messages (catalogue keys, with {part}, {size}, {limit}) for an entry over
  // max_entry_bytes: by its header, and once inflated. A caller with a lower limit of its own
  // (the XML parts of a .docx) names that limit in its own messages.
  const char* declares_too_large_key = "error_zip_entry_declares_too_large";
  const char* inflates_too_large_key = "error_zip_entry_inflates_too_large";
};

// The ratio limit applies only once an entry inflates past this many bytes: small entries
// (a few KB of repetitive XML) can legitimately compress very well.
inline constexpr std::uint64_t kRatioCheckFloor = 1u << 20;

class ZipArchive {
 public:
  // Opens the archive in `bytes`, which must outlive the ZipArchive. `file_name` is used in
  // errors. Errors: ErrorCode::corrupt (not a zip, damaged directory).
  static Result<ZipArchive> open(std::string_view bytes, std::string_view file_name);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // Whether the archive has an entry of that name (exact, else ignoring ASCII case: OOXML part
  // names are case-insensitive).
  bool contains(std::string_view entry) const;
  // The name the archive stores `entry` under (its case may differ), or `entry` itself.
  std::string name_of(std::string_view entry) const;

  // The inflated bytes of an entry. Errors: ErrorCode::not_found when there is no such entry,
  // ErrorCode::limit_exceeded when the declared or the actual inflated size is above
  // max_entry_bytes, the ratio is above max_compression_ratio, or the entry inflates to more
  // than its header declares; ErrorCode::corrupt for damaged data (bad CRC, bad deflate stream);
  // ErrorCode::unsupported_format for encrypted entries. Inflation stops as soon as a limit is
  // crossed, so memory stays below max_entry_bytes plus one read chunk.
  Result<std::string> read(std::string_view entry, const ZipLimits& limits) const;

  // A copy of the archive in `bytes` in which the entries of `entries` (name → inflated bytes)
  // replace the entries of that exact name or are added; every other entry is copied as it is,
  // still compressed. Errors: ErrorCode::corrupt (not a zip), ErrorCode::internal.
  static Result<std::string> rewrite(std::string_view bytes,
                                     const std::map<std::string, std::string>& entries,
                                     std::string_view file_name);

 private:
  struct Closer {
    void operator()(zip* archive) const noexcept;
  };
  ZipArchive(zip* archive, std::string file_name, std::uint64_t archive_bytes);
  std::optional<std::uint64_t> locate(std::string_view entry) const;

  std::unique_ptr<zip, Closer> archive_;
  std::string file_;
  std::uint64_t archive_bytes_ = 0;
};

}  // namespace fzcheck::detail
