// The zip wrapper: entries read from memory, limits on inflated size and ratio, damaged data.
#include "readers/zip_archive.hpp"

#include <doctest/doctest.h>

#include <chrono>

#include "readers/zip_writer.hpp"

namespace fzcheck {

using detail::ZipArchive;
using detail::ZipLimits;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// An entry of `inflated` zero bytes, deflated, whose headers declare `declared` bytes.
test::ZipEntry zero_bomb(const std::string& name, std::uint64_t inflated, std::uint32_t declared) {
  test::ZipEntry e;
  e.name = name;
  e.method = 8;
  e.data = test::deflate_zero_bomb((inflated - 1) / 258);
  e.crc = 0;
  e.uncompressed = declared;
  return e;
}

}  // namespace

TEST_CASE("zip archive: entries are found by exact name, else ignoring ASCII case") {
  std::string zip = test::make_zip({test::ZipEntry::stored("word/document.xml", "<x/>"),
                                    test::ZipEntry::stored("Word/Styles.XML", "<s/>")});
  auto archive = ZipArchive::open(zip, "a.docx");
  REQUIRE(archive.ok());
  CHECK(archive->contains("word/document.xml"));
  CHECK(archive->contains("word/styles.xml"));
  CHECK_FALSE(archive->contains("word/numbering.xml"));
  auto doc = archive->read("word/document.xml", {});
  REQUIRE(doc.ok());
  CHECK(*doc == "<x/>");
  auto styles = archive->read("word/styles.xml", {});
  REQUIRE(styles.ok());
  CHECK(*styles == "<s/>");
  auto missing = archive->read("word/numbering.xml", {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
  CHECK(missing.error().file == "a.docx");
}

TEST_CASE("zip archive: a file that is not a zip is corrupt, with the file name") {
  auto archive = ZipArchive::open("PK\x03\x04 but nothing else of a zip archive", "bad.docx");
  REQUIRE_FALSE(archive.ok());
  CHECK(archive.error().code == ErrorCode::corrupt);
  CHECK(archive.error().file == "bad.docx");
  CHECK(contains(archive.error().message, "not a readable zip archive"));
}

TEST_CASE("zip archive: a CRC mismatch is corrupt data") {
  auto entry = test::ZipEntry::stored("a.xml", "<a>hello</a>");
  entry.crc ^= 1;
  std::string zip = test::make_zip({entry});
  auto archive = ZipArchive::open(zip, "crc.docx");
  REQUIRE(archive.ok());
  auto data = archive->read("a.xml", {});
  REQUIRE_FALSE(data.ok());
  CHECK(data.error().code == ErrorCode::corrupt);
  CHECK(contains(data.error().message, "a.xml"));
}

TEST_CASE("zip archive: an encrypted entry is refused as unsupported, not read") {
  auto entry = test::ZipEntry::stored("word/document.xml", std::string(40, 'x'));
  entry.flags = 1;  // traditional PKWARE encryption
  std::string zip = test::make_zip({entry});
  auto archive = ZipArchive::open(zip, "locked.docx");
  REQUIRE(archive.ok());
  auto data = archive->read("word/document.xml", {});
  REQUIRE_FALSE(data.ok());
  CHECK(data.error().code == ErrorCode::unsupported_format);
  CHECK(contains(data.error().message, "encrypted"));
}

TEST_CASE("zip archive: the crafted deflate stream inflates to exactly what it claims") {
  // Guards the bomb tests below: the stream must be valid deflate, else they prove nothing.
  const std::uint64_t size = 1 + 258 * 4000;
  test::ZipEntry e = zero_bomb("zeros.bin", size, static_cast<std::uint32_t>(size));
  e.crc = test::crc32(std::string(size, '\0'));
  std::string zip = test::make_zip({e});
  auto archive = ZipArchive::open(zip, "z.zip");
  REQUIRE(archive.ok());
  auto data = archive->read("zeros.bin", {});
  REQUIRE(data.ok());
  CHECK(data->size() == size);
  CHECK(data->find_first_not_of('\0') == std::string::npos);
  CHECK(e.data.size() < 1100);  // about 2 bits per 258 bytes
}

TEST_CASE("zip archive: a declared size above max_entry_bytes is refused before inflating") {
  const std::uint64_t size = 1 + 258ull * 1200000;  // ~310 MB from ~300 KB
  std::string zip =
      test::make_zip({zero_bomb("word/document.xml", size, static_cast<std::uint32_t>(size))});
  auto archive = ZipArchive::open(zip, "bomb.docx");
  REQUIRE(archive.ok());
  auto start = std::chrono::steady_clock::now();
  auto data = archive->read("word/document.xml", {});
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(data.ok());
  CHECK(data.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(data.error().message, "ReadOptions::max_entry_bytes"));
  CHECK(contains(data.error().message, "256.0 MB"));
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

TEST_CASE("zip archive: a compression ratio above the limit is refused from the headers") {
  const std::uint64_t size = 1 + 258ull * 100000;  // ~25 MB from ~25 KB: ratio ~1030
  std::string zip =
      test::make_zip({zero_bomb("word/document.xml", size, static_cast<std::uint32_t>(size))});
  auto archive = ZipArchive::open(zip, "ratio.docx");
  REQUIRE(archive.ok());
  auto data = archive->read("word/document.xml", {});
  REQUIRE_FALSE(data.ok());
  CHECK(data.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(data.error().message, "ReadOptions::max_compression_ratio"));

  ZipLimits lax;
  lax.max_compression_ratio = 2000;
  auto allowed = archive->read("word/document.xml", lax);
  CHECK_FALSE(allowed.ok());  // inflates, then fails only because the CRC in the header is 0
  CHECK(allowed.error().code == ErrorCode::corrupt);
}

TEST_CASE("zip archive: an entry that lies about its size stops inflating at the lie") {
  // Declares 4 KB, inflates to ~310 MB: the bytes are counted while inflating.
  const std::uint64_t size = 1 + 258ull * 1200000;
  std::string zip = test::make_zip({zero_bomb("word/document.xml", size, 4096)});
  auto archive = ZipArchive::open(zip, "liar.docx");
  REQUIRE(archive.ok());
  auto start = std::chrono::steady_clock::now();
  auto data = archive->read("word/document.xml", {});
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(data.ok());
  MESSAGE("lying zip bomb refused in "
          << std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() << " us");
  // libzip inflates past the declared size; the reader counts and stops right there.
  CHECK(data.error().code == ErrorCode::limit_exceeded);
  CHECK(contains(data.error().message, "more than the 4.0 KB its header declares"));
  CHECK(contains(data.error().message, "word/document.xml"));
  CHECK(elapsed < std::chrono::seconds(2));  // a bound on blow-ups, not a speed test
}

TEST_CASE("zip archive: a changed copy replaces and adds entries and keeps the others") {
  std::string zip = test::make_zip(
      {test::ZipEntry::stored("a.xml", "<a/>"), test::ZipEntry::stored("b/c.xml", "<c>kept</c>")});
  auto copy = ZipArchive::rewrite(zip, {{"a.xml", "<a>new</a>"}, {"d.xml", "<d/>"}}, "in.docx");
  REQUIRE(copy.ok());
  auto archive = ZipArchive::open(*copy, "out.docx");
  REQUIRE(archive.ok());
  CHECK(*archive->read("a.xml", {}) == "<a>new</a>");
  CHECK(*archive->read("b/c.xml", {}) == "<c>kept</c>");
  CHECK(*archive->read("d.xml", {}) == "<d/>");
  CHECK(archive->name_of("B/C.XML") == "b/c.xml");
  CHECK(archive->name_of("missing.xml") == "missing.xml");
  // The input is a view: it is not changed.
  auto original = ZipArchive::open(zip, "in.docx");
  REQUIRE(original.ok());
  CHECK(*original->read("a.xml", {}) == "<a/>");

  auto not_zip = ZipArchive::rewrite("not a zip archive", {}, "x.docx");
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.error().code == ErrorCode::corrupt);
}

}  // namespace fzcheck
