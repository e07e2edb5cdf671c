// Entry points of the reading stage: file checks and limits, format detection, dispatch.
#include "fzcheck/read.hpp"
#include "fzcheck/i18n.hpp"
#include "readers/file.hpp"
#include "readers/readers.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace {

Error file_error(ErrorCode code, std::string key, std::string_view file, MessageValues args = {}) {
  return ui_error(code, std::move(key), std::move(args), std::string(file));
}

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
    return file_error(ErrorCode::too_large, "error_input_too_large", name,
                      {{"size", detail::human_size(bytes.size())},
                       {"limit", detail::human_size(options.max_file_bytes)}});
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

Result<std::string> read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  return detail::read_regular_file(path, max_bytes);
}

Result<Document> read_document(const std::filesystem::path& path, const ReadOptions& options) {
  auto bytes = detail::read_regular_file(path, options.max_file_bytes);
  if (!bytes) return bytes.errors();
  return read_bytes(*bytes, path.string(), options);
}

}  // namespace fzcheck
