// Test helpers: zip archives and minimal .docx files built in memory, byte by byte, so that
// tests can state the exact XML they feed the reader and craft damaged or malicious archives
// (lying sizes, a deflate stream that inflates to hundreds of megabytes) without files.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fzcheck::test {

inline std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

struct ZipEntry {
  std::string name;
  std::string data;          // as stored in the archive (raw deflate when method is 8)
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint32_t crc = 0;
  std::uint32_t uncompressed = 0;  // the size the headers declare
  std::uint16_t flags = 0;         // bit 0: encrypted

  static ZipEntry stored(std::string name, std::string content) {
    ZipEntry e;
    e.crc = crc32(content);
    e.uncompressed = static_cast<std::uint32_t>(content.size());
    e.name = std::move(name);
    e.data = std::move(content);
    return e;
  }
};

inline void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A zip archive (no zip64) with the entries as given, headers and all.
inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  std::string out, central;
  for (const ZipEntry& e : entries) {
    auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, e.flags);
    put16(out, e.method);
    put16(out, 0);       // time
    put16(out, 0x5A21);  // date: 2025-01-01
    put32(out, e.crc);
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put32(out, e.uncompressed);
    put16(out, static_cast<std::uint32_t>(e.name.size()));
    put16(out, 0);
    out += e.name;
    out += e.data;

    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, e.flags);
    put16(central, e.method);
    put16(central, 0);
    put16(central, 0x5A21);
    put32(central, e.crc);
    put32(central, static_cast<std::uint32_t>(e.data.size()));
    put32(central, e.uncompressed);
    put16(central, static_cast<std::uint32_t>(e.name.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += e.name;
  }
  auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

// A raw deflate stream that inflates to 1 + 258 × `matches` zero bytes, at two bits per 258
// bytes: one dynamic block whose literal/length code gives the length-258 symbol a 1-bit code
// and whose only distance code (distance 1) has a 1-bit code, so the body is all zero bits.
inline std::string deflate_zero_bomb(std::uint64_t matches) {
  std::string out;
  std::uint32_t acc = 0;
  int nbits = 0;
  auto bits = [&](std::uint32_t value, int count) {  // LSB first
    for (int i = 0; i < count; ++i) {
      acc |= ((value >> i) & 1u) << nbits;
      if (++nbits == 8) {
        out.push_back(static_cast<char>(acc));
        acc = 0;
        nbits = 0;
      }
    }
  };
  auto code = [&](std::uint32_t value, int length) {  // Huffman codes: MSB first
    for (int i = length - 1; i >= 0; --i) bits((value >> i) & 1u, 1);
  };
  bits(1, 1);   // BFINAL
  bits(2, 2);   // dynamic Huffman
  bits(29, 5);  // HLIT: 286 literal/length codes
  bits(0, 5);   // HDIST: 1 distance code
  bits(14, 4);  // HCLEN: 18 code length codes
  // Code length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
  // symbol 18 (zero run) gets 1 bit, symbols 1 and 2 get 2 bits.
  const int order_lengths[18] = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2};
  for (int l : order_lengths) bits(static_cast<std::uint32_t>(l), 3);
  // Canonical codes: 18 → 0, 1 → 10, 2 → 11.
  code(3, 2);  // literal 0: length 2
  code(0, 1);  // 138 zeros (literals 1–138)
  bits(127, 7);
  code(0, 1);  // 117 zeros (139–255)
  bits(106, 7);
  code(3, 2);  // 256 (end of block): length 2
  code(0, 1);  // 28 zeros (257–284)
  bits(17, 7);
  code(2, 2);  // 285 (length 258): length 1
  code(2, 2);  // distance code 0: length 1
  // Literal/length codes: 285 → 0, literal 0 → 10, end of block → 11. Distance 0 → 0.
  code(2, 2);                                              // one literal zero
  for (std::uint64_t i = 0; i < matches; ++i) bits(0, 2);  // length 258, distance 1
  code(3, 2);                                              // end of block
  if (nbits > 0) out.push_back(static_cast<char>(acc));
  return out;
}

inline constexpr const char* kWordNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" )"
    R"(xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math")";

// A word/document.xml whose one run holds an entity that expands to 10^10 characters: nine
// levels of ten references each ("billion laughs").
inline std::string billion_laughs_document_xml() {
  std::string xml = R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">)";
  for (int i = 1; i < 10; ++i) {
    xml += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      xml += "&a" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    xml += "\">";
  }
  return xml + std::string("]><w:document ") + kWordNamespaces +
         "><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>";
}

// A .docx whose word/document.xml body is `body`, with extra parts (word/styles.xml, …) as
// given. The content types part names word/document.xml, as real files do.
inline std::string make_docx(const std::string& body,
                             const std::map<std::string, std::string>& parts = {}) {
  std::vector<ZipEntry> entries;
  entries.push_back(ZipEntry::stored(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)"));
  entries.push_back(ZipEntry::stored(
      "word/document.xml", std::string(R"(<?xml version="1.0" encoding="UTF-8"?><w:document )") +
                               kWordNamespaces + "><w:body>" + body + "</w:body></w:document>"));
  for (const auto& [name, content] : parts) entries.push_back(ZipEntry::stored(name, content));
  return make_zip(entries);
}

// A styles or numbering part with the WordprocessingML namespace.
inline std::string word_part(const char* root, const std::string& content) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?><w:)") + root + " " +
         kWordNamespaces + ">" + content + "</w:" + root + ">";
}

}  // namespace fzcheck::test
