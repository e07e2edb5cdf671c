// Format detection from content: what a file is, whatever its name says.
#include <algorithm>
#include <cctype>
#include <string>

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

constexpr const char* kConvertHint =
    "; open it in Word or WPS and save it as .docx, or convert it with "
    "'soffice --headless --convert-to docx FILE'";

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
      s.unsupported =
          std::string("an OpenDocument file (.odt); fzcheck reads .docx") + kConvertHint;
      s.convertible = true;
    } else if (contains(b, "xl/workbook.xml")) {
      s.unsupported = "an Excel workbook (.xlsx), not a report document";
    } else if (contains(b, "ppt/presentation.xml")) {
      s.unsupported = "a PowerPoint presentation (.pptx), not a report document";
    } else {
      s.unsupported = "a zip archive without word/document.xml, so not a Word .docx document";
    }
    return s;
  }
  if (b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
    if (contains(b, utf16le("EncryptedPackage"))) {
      s.unsupported =
          "a password-protected (encrypted) Office document; remove the password in Word or WPS "
          "(File > Info > Protect Document) and save it again as .docx";
    } else if (contains(b, utf16le("WordDocument"))) {
      s.unsupported =
          std::string("a legacy Word or WPS binary document (.doc/.wps)") + kConvertHint;
      s.convertible = true;
    } else {
      s.unsupported =
          std::string("a legacy Office binary file (.doc/.wps/.xls/.et)") + kConvertHint;
    }
    return s;
  }
  if (b.starts_with("%PDF-")) {
    s.unsupported =
        "a PDF file; fzcheck does not read PDF (paragraphs and headings cannot be recovered "
        "reliably): check the .docx it was made from, or convert it to text with 'pdftotext "
        "-layout'";
    return s;
  }
  if (b.starts_with("{\\rtf")) {
    s.unsupported = std::string("an RTF document") + kConvertHint;
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
      s.unsupported = std::string("a ") + m.name +
                      " image; fzcheck reads text, not scans: run OCR first or check the original "
                      "document";
      return s;
    }
  }
  if (bmp || (b.starts_with("RIFF") && b.size() > 12 && b.substr(8, 4) == "WEBP")) {
    s.unsupported =
        "an image; fzcheck reads text, not scans: run OCR first or check the original "
        "document";
    return s;
  }
  s.format = looks_like_html(b) ? InputFormat::html : InputFormat::text;
  return s;
}

}  // namespace fzcheck::detail
