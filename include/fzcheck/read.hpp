// Reading documents: bytes on disk (plain text, .docx, HTML) to a parsed Document.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"

namespace FZCHECK_API fzcheck {

struct ReadOptions {
  // Read as this format instead of detecting it from the content.
  std::optional<InputFormat> format;
  // Plain text and HTML: decode with this encoding (an ICU converter name such as "GB18030" or
  // "UTF-16LE") instead of detecting it.
  std::string encoding;
  // Files larger than this are refused before they are read.
  std::uint64_t max_file_bytes = 64ull << 20;
  // .docx: the most one zip entry may inflate to, and the largest inflated/compressed ratio.
  std::uint64_t max_entry_bytes = 256ull << 20;
  std::uint32_t max_compression_ratio = 1000;
  // .docx: the most one XML part (word/document.xml, styles, numbering, …) may inflate to, and
  // the most elements and attributes it may hold. The parser's tree takes several times the
  // part's size: these keep a small zip from taking gigabytes (docs/robustness.md).
  std::uint64_t max_xml_bytes = 32ull << 20;
  std::uint64_t max_xml_nodes = 2000000;
  // XML and HTML: the deepest element nesting accepted.
  std::uint32_t max_nesting = 2000;
  // HTML: which element holds the report ("#id", ".class" or a tag name). Empty: guess it.
  std::string html_selector;
};

// Reads and parses a file. The format is detected from the content (a zip holding
// word/document.xml, markup starting with <html or <!DOCTYPE html, else text) unless given.
Result<Document> read_document(const std::filesystem::path& path, const ReadOptions& options = {});

// The bytes of the regular file at `path`, as read_document() reads them before parsing: a path
// that is not a regular file (a FIFO, a device such as /dev/zero, a folder) is refused without
// blocking, and a file larger than `max_bytes` is refused from its size, unread.
Result<std::string> read_file(const std::filesystem::path& path, std::uint64_t max_bytes);

// The same for bytes already in memory; `name` is used in errors and as Document::name.
Result<Document> read_bytes(std::string_view bytes, std::string_view name,
                            const ReadOptions& options = {});

// Parses UTF-8 text (one paragraph a line). Fails only if the text is not valid UTF-8.
Result<Document> parse_text(std::string_view utf8, std::string_view name = "<memory>");

// The format the content looks like; nullopt for formats fzcheck cannot read. Does not parse.
std::optional<InputFormat> detect_format(std::string_view bytes);

// Whether the content is a word-processor format that fzcheck does not read but LibreOffice turns
// into .docx (.doc, .wps, .rtf, .odt). The first few kilobytes are enough.
bool is_convertible_format(std::string_view bytes);

}  // namespace fzcheck
