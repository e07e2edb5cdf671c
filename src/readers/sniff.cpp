// Format detection from content: what a file is, whatever its name says.
#include <algorithm>
#include <cctype>
#include <string>

#include "fzcheck/i18n.hpp"
#include "readers/encoding.hpp"
#include "readers/readers.hpp"
#include "text/ascii.hpp"

namespace fzcheck::detail {

namespace {

using namespace std::string_view_literals;

bool contains(std::string_view s, std::string_view needle) {
  return std::search(s.begin(), s.end(), needle.begin(), needle.end()) != s.end();
}

std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

// An HTML page starts, after an optional byte-order mark, blanks and comments, with a doctype or
// one of the elements a page begins with.
bool looks_like_html(std::string_view bytes) {
  std::string head;
  std::string_view sample = bytes.substr(0, 4096);
  if (auto bom = detect_bom(sample); bom && bom->encoding != "UTF-8") {
    auto converted = convert_to_utf8(
        sample.substr(bom->length, (sample.size() - bom->length) & ~std::size_t{3}), bom->encoding);
    if (!converted) return false;
    head = std::move(*converted);
  } else {
    head = std::string(bom ? sample.substr(bom->length) : sample);
  }
  head = ascii::lower(head);
  std::size_t i = 0;
  for (;;) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.compare(i, 4, "<!--") == 0) {
      std::size_t end = head.find("-->", i + 4);
      if (end == std::string::npos) return false;
      i = end + 3;
    } else if (head.compare(i, 5, "<?xml") == 0) {
      std::size_t end = head.find("?>", i);
      if (end == std::string::npos) return false;
      i = end + 2;
    } else {
      break;
    }
  }
  std::string_view rest = std::string_view(head).substr(i);
  return rest.starts_with("<!doctype html") || rest.starts_with("<html") ||
         rest.starts_with("<head") || rest.starts_with("<body") || rest.starts_with("<meta");
}

}  // namespace

Sniffed sniff(std::string_view b) {
  Sniffed s;
  if (b.starts_with("PK\x03\x04"sv) || b.starts_with("PK\x05\x06"sv)) {
    if (contains(b, "word/document.xml")) {
      s.format = InputFormat::docx;
    } else if (contains(b.substr(0, 200), "application/vnd.oasis.opendocument")) {
      s.unsupported = "error_odt";
      s.convertible = true;
    } else if (contains(b, "xl/workbook.xml")) {
      s.unsupported = "error_xlsx";
    } else if (contains(b, "ppt/presentation.xml")) {
      s.unsupported = "error_pptx";
    } else {
      s.unsupported = "error_zip_not_docx";
    }
    return s;
  }
  if (b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
    if (contains(b, utf16le("EncryptedPackage"))) {
      s.unsupported = "error_encrypted_office";
    } else if (contains(b, utf16le("WordDocument"))) {
      s.unsupported = "error_doc";
      s.convertible = true;
    } else {
      s.unsupported = "error_office_binary";
    }
    return s;
  }
  if (b.starts_with("%PDF-")) {
    s.unsupported = "error_pdf";
    return s;
  }
  if (b.starts_with("{\\rtf")) {
    s.unsupported = "error_rtf";
    s.convertible = true;
    return s;
  }
  struct Magic {
    std::string_view bytes;
    const char* name;
  };
  static constexpr Magic kImages[] = {
      {"\x89PNG\r\n\x1A\n"sv, "PNG"},
      {"\xFF\xD8\xFF"sv, "JPEG"},
      {"GIF87a"sv, "GIF"},
      {"GIF89a"sv, "GIF"},
      {"II*\0"sv, "TIFF"},
      {"MM\0*"sv, "TIFF"},
  };
  // "BM" alone is too short to be sure: a BMP also has four reserved zero bytes at offset 6.
  bool bmp = b.starts_with("BM") && b.size() > 10 && b.substr(6, 4) == "\0\0\0\0"sv;
  for (const Magic& m : kImages) {
    if (b.starts_with(m.bytes)) {
      s.unsupported = "error_image_of";
      s.image = m.name;
      return s;
    }
  }
  if (bmp || (b.starts_with("RIFF") && b.size() > 12 && b.substr(8, 4) == "WEBP")) {
    s.unsupported = "error_image";
    return s;
  }
  s.format = looks_like_html(b) ? InputFormat::html : InputFormat::text;
  return s;
}

Error Sniffed::unsupported_error(std::string_view file) const {
  MessageValues args;
  if (!image.empty()) args.emplace_back("image", image);
  return ui_error(ErrorCode::unsupported_format, unsupported, std::move(args), std::string(file));
}

}  // namespace fzcheck::detail
