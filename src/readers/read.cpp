// Entry points of the reading stage: file checks and limits, format detection, dispatch.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "fzcheck/i18n.hpp"
#include "fzcheck/read.hpp"
#include "readers/readers.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

Error file_error(ErrorCode code, std::string key, std::string_view file, MessageValues args = {}) {
  return ui_error(code, std::move(key), std::move(args), std::string(file));
}

std::string human_size(std::uint64_t bytes) {
  if (bytes >= (1ull << 20))
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

}  // namespace

std::optional<InputFormat> detect_format(std::string_view bytes) {
  return detail::sniff(bytes).format;
}

bool is_convertible_format(std::string_view bytes) {
  return detail::sniff(bytes).convertible;
}

Result<Document> parse_text(std::string_view utf8, std::string_view name) {
  if (auto bad = utf8::find_invalid(utf8); bad != std::string_view::npos) {
    return file_error(ErrorCode::encoding, "error_not_utf8", name,
                      {{"offset", std::to_string(bad)}});
  }
  return detail::text_to_document(utf8, name, "UTF-8", false);
}

Result<Document> read_bytes(std::string_view bytes, std::string_view name,
                            const ReadOptions& options) {
  if (bytes.empty()) return file_error(ErrorCode::empty, "error_empty_file", name);
  if (bytes.size() > options.max_file_bytes) {
    return file_error(
        ErrorCode::too_large, "error_input_too_large", name,
        {{"size", human_size(bytes.size())}, {"limit", human_size(options.max_file_bytes)}});
  }
  InputFormat format;
  if (options.format) {
    format = *options.format;
  } else {
    detail::Sniffed sniffed = detail::sniff(bytes);
    if (!sniffed.format) return sniffed.unsupported_error(name);
    format = *sniffed.format;
  }
  switch (format) {
    case InputFormat::text:
      return detail::read_text(bytes, name, options);
    case InputFormat::docx:
      return detail::read_docx(bytes, name, options);
    case InputFormat::html:
      return detail::read_html(bytes, name, options);
  }
  return file_error(ErrorCode::internal, "error_no_reader", name, {{"format", to_string(format)}});
}

Result<Document> read_document(const std::filesystem::path& path, const ReadOptions& options) {
  const std::string name = path.string();
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory)
      return file_error(ErrorCode::io, "error_cannot_read", name, {{"reason", ec.message()}});
    return file_error(ErrorCode::not_found, "error_no_such_file", name);
  }
  if (std::filesystem::is_directory(status))
    return file_error(ErrorCode::not_a_file, "error_directory", name);
  if (!std::filesystem::is_regular_file(status))
    return file_error(ErrorCode::not_a_file, "error_not_regular_file", name);
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return file_error(ErrorCode::io, "error_cannot_read", name, {{"reason", ec.message()}});
  if (size > options.max_file_bytes) {
    return file_error(ErrorCode::too_large, "error_file_too_large", name,
                      {{"size", human_size(size)}, {"limit", human_size(options.max_file_bytes)}});
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(name.c_str(), "rb"));
  if (!file) {
    return file_error(ErrorCode::io, "error_cannot_open", name, {{"reason", std::strerror(errno)}});
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(size));
  std::size_t got = size ? std::fread(bytes.data(), 1, bytes.size(), file.get()) : 0;
  if (got != bytes.size() || std::ferror(file.get())) {
    return file_error(ErrorCode::io, "error_cannot_read", name, {{"reason", std::strerror(errno)}});
  }
  // A file that grew after stat() is read only up to the size checked against the limit.
  return read_bytes(bytes, name, options);
}

}  // namespace fzcheck
