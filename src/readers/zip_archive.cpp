#include "readers/zip_archive.hpp"
#include "fzcheck/i18n.hpp"
#include "text/ascii.hpp"

#include <zip.h>

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace fzcheck::detail {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1ull << 20)) {
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
  }
  if (bytes >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

struct ErrorGuard {
  zip_error_t error;
  ErrorGuard() { zip_error_init(&error); }
  ~ErrorGuard() { zip_error_fini(&error); }
  ErrorGuard(const ErrorGuard&) = delete;
  ErrorGuard& operator=(const ErrorGuard&) = delete;
};

struct FileCloser {
  void operator()(zip_file_t* f) const noexcept { zip_fclose(f); }
};

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const noexcept {
  zip_discard(archive);
}

ZipArchive::ZipArchive(zip* archive, std::string file_name, std::uint64_t archive_bytes)
    : archive_(archive), file_(std::move(file_name)), archive_bytes_(archive_bytes) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, std::string_view file_name) {
  ErrorGuard guard;
  auto corrupt = [&](const char* what) {
    return ui_error(ErrorCode::corrupt, "error_zip_unreadable", {{"reason", what}},
                    std::string(file_name));
  };
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &guard.error);
  if (source == nullptr) return corrupt(zip_error_strerror(&guard.error));
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &guard.error);
  if (archive == nullptr) {
    zip_source_free(source);
    return corrupt(zip_error_strerror(&guard.error));
  }
  return ZipArchive(archive, std::string(file_name), bytes.size());
}

std::optional<std::uint64_t> ZipArchive::locate(std::string_view entry) const {
  std::string name(entry);
  zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index >= 0) return static_cast<std::uint64_t>(index);
  // OOXML part names are case-insensitive; libzip's ZIP_FL_NOCASE compares names the same way.
  zip_int64_t count = zip_get_num_entries(archive_.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* n = zip_get_name(archive_.get(), static_cast<zip_uint64_t>(i), 0);
    if (n != nullptr && ascii::iequals(n, entry)) return static_cast<std::uint64_t>(i);
  }
  return std::nullopt;
}

bool ZipArchive::contains(std::string_view entry) const {
  return locate(entry).has_value();
}

std::string ZipArchive::name_of(std::string_view entry) const {
  std::optional<std::uint64_t> index = locate(entry);
  const char* stored = index ? zip_get_name(archive_.get(), *index, 0) : nullptr;
  return stored != nullptr ? std::string(stored) : std::string(entry);
}

Result<std::string> ZipArchive::read(std::string_view entry, const ZipLimits& limits) const {
  // Every message names the entry as {part}.
  auto fail = [&](ErrorCode code, const char* key, MessageValues args = {}) {
    args.emplace_back("part", std::string(entry));
    return ui_error(code, key, std::move(args), file_);
  };
  std::optional<std::uint64_t> index = locate(entry);
  if (!index) return fail(ErrorCode::not_found, "error_zip_no_part");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.get(), *index, 0, &st) != 0) {
    return fail(ErrorCode::corrupt, "error_zip_entry_damaged",
                {{"reason", zip_strerror(archive_.get())}});
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return fail(ErrorCode::unsupported_format, "error_zip_entry_encrypted");
  const std::uint64_t max = limits.max_entry_bytes;
  // `declared`: the size in the entry's header, else the bytes inflated so far.
  auto too_big = [&](std::uint64_t size, bool declared) {
    return fail(ErrorCode::limit_exceeded,
                declared ? limits.declares_too_large_key : limits.inflates_too_large_key,
                {{"size", size_text(size)}, {"limit", size_text(max)}});
  };
  // The compressed size can lie too, but the compressed data cannot be larger than the file.
  const std::uint64_t compressed = std::max<std::uint64_t>(
      1, std::min<std::uint64_t>((st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : archive_bytes_,
                                 archive_bytes_));
  auto ratio_exceeded = [&](std::uint64_t size) {
    return size > kRatioCheckFloor && size / compressed > limits.max_compression_ratio;
  };
  auto bad_ratio = [&](std::uint64_t size, bool declared) {
    return fail(ErrorCode::limit_exceeded,
                declared ? "error_zip_entry_declares_ratio" : "error_zip_entry_inflates_ratio",
                {{"size", size_text(size)},
                 {"compressed", size_text(compressed)},
                 {"limit", std::to_string(limits.max_compression_ratio)}});
  };
  const bool declared_known = (st.valid & ZIP_STAT_SIZE) != 0;
  const std::uint64_t declared = declared_known ? st.size : 0;
  if (declared_known) {
    if (declared > max) return too_big(declared, true);
    if (ratio_exceeded(declared)) return bad_ratio(declared, true);
  }

  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_.get(), *index, 0));
  if (!file) {
    zip_error_t* error = zip_get_error(archive_.get());
    int code = zip_error_code_zip(error);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      return fail(ErrorCode::unsupported_format, "error_zip_entry_encrypted");
    return fail(ErrorCode::corrupt, "error_zip_entry_cannot_open",
                {{"reason", zip_error_strerror(error)}});
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min(declared, max)));
  std::vector<char> chunk(kChunk);
  std::uint64_t total = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
    if (n < 0) {
      return fail(ErrorCode::corrupt, "error_zip_entry_damaged",
                  {{"reason", zip_file_strerror(file.get())}});
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (declared_known && total > declared) {
      return fail(ErrorCode::limit_exceeded, "error_zip_entry_exceeds_header",
                  {{"size", size_text(declared)}});
    }
    if (total > max) return too_big(total, false);
    if (ratio_exceeded(total)) return bad_ratio(total, false);
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  if (declared_known && total != declared) {
    return fail(ErrorCode::corrupt, "error_zip_entry_wrong_size",
                {{"size", std::to_string(total)}, {"declared", std::to_string(declared)}});
  }
  return out;
}

Result<std::string> ZipArchive::rewrite(std::string_view bytes,
                                        const std::map<std::string, std::string>& entries,
                                        std::string_view file_name) {
  ErrorGuard guard;
  auto fail = [&](ErrorCode code, std::string what) {
    return ui_error(code, "error_zip_copy", {{"reason", std::move(what)}}, std::string(file_name));
  };
  // libzip writes the new archive back into the buffer source it was opened from; the source is
  // kept alive past zip_close to read it out.
  struct SourceFree {
    void operator()(zip_source_t* s) const noexcept { zip_source_free(s); }
  };
  std::unique_ptr<zip_source_t, SourceFree> source(
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &guard.error));
  if (!source) return fail(ErrorCode::internal, zip_error_strerror(&guard.error));
  zip_t* archive = zip_open_from_source(source.get(), 0, &guard.error);
  if (archive == nullptr) return fail(ErrorCode::corrupt, zip_error_strerror(&guard.error));
  zip_source_keep(source.get());  // zip_open_from_source took it over; keep it past zip_close
  for (const auto& [name, data] : entries) {
    zip_source_t* entry = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (entry == nullptr ||
        zip_file_add(archive, name.c_str(), entry, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
      if (entry != nullptr) zip_source_free(entry);
      std::string what = zip_strerror(archive);
      zip_discard(archive);
      return fail(ErrorCode::internal, what);
    }
  }
  if (zip_close(archive) != 0) {
    std::string what = zip_strerror(archive);
    zip_discard(archive);
    return fail(ErrorCode::internal, what);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source.get(), &st) != 0 || zip_source_open(source.get()) != 0) {
    return fail(ErrorCode::internal, zip_error_strerror(zip_source_error(source.get())));
  }
  std::string out;
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
  std::vector<char> chunk(kChunk);
  for (;;) {
    zip_int64_t n = zip_source_read(source.get(), chunk.data(), chunk.size());
    if (n < 0) {
      zip_source_close(source.get());
      return fail(ErrorCode::internal, zip_error_strerror(zip_source_error(source.get())));
    }
    if (n == 0) break;
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  zip_source_close(source.get());
  return out;
}

}  // namespace fzcheck::detail
