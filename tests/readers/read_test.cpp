// Bad input through the library entry points: each gets a clear error naming the file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>

#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

TEST_CASE("read_document: missing file, directory, empty file") {
  test::TempDir dir;
  auto missing = read_document(dir.path() / "nope.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
  CHECK(missing.error().file == (dir.path() / "nope.txt").string());

  auto directory = read_document(dir.path());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().code == ErrorCode::not_a_file);

  auto empty = read_document(dir.write("empty.txt", ""));
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().code == ErrorCode::empty);
  CHECK(empty.error().to_string().find("empty.txt: the file is empty") != std::string::npos);
}

TEST_CASE("read_document: a device is refused without reading it") {
  auto dev = read_document("/dev/zero");
  REQUIRE_FALSE(dev.ok());
  CHECK(dev.error().code == ErrorCode::not_a_file);
}

TEST_CASE("read_document: a file above the size limit is refused before it is read") {
  test::TempDir dir;
  auto path = dir.path() / "huge.txt";
  FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(ftruncate(fileno(f), 200ll << 20) == 0);  // sparse: 200 MB on paper, no disk used
  std::fclose(f);
  auto start = std::chrono::steady_clock::now();
  auto doc = read_document(path);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == ErrorCode::too_large);
  CHECK(doc.error().message.find("200.0 MB") != std::string::npos);
  CHECK(elapsed < std::chrono::seconds(1));

  ReadOptions small;
  small.max_file_bytes = 10;
  auto limited =
      read_document(test::source_path("examples/reports/000_564c8ac60a8ddf78.txt"), small);
  REQUIRE_FALSE(limited.ok());
  CHECK(limited.error().code == ErrorCode::too_large);
}

TEST_CASE("read_document: binary data and undecodable text") {
  test::TempDir dir;
  std::string elf(
      "\x7F"
      "ELF\x02\x01\x01",
      7);
  elf += std::string(1000, '\0');
  auto binary = read_document(dir.write("prog", elf));
  REQUIRE_FALSE(binary.ok());
  CHECK(binary.error().code == ErrorCode::binary);

  auto latin = read_document(dir.write("latin.txt", "r\xE9sum\xE9 \xE0 la carte\n"));
  REQUIRE_FALSE(latin.ok());
  CHECK(latin.error().code == ErrorCode::encoding);
}

TEST_CASE("read_document: unsupported formats name the format") {
  test::TempDir dir;
  auto pdf = read_document(dir.write("report.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"));
  REQUIRE_FALSE(pdf.ok());
  CHECK(pdf.error().code == ErrorCode::unsupported_format);
  CHECK(pdf.error().message.find("PDF") != std::string::npos);
}

TEST_CASE("read_document: a forced format overrides detection") {
  test::TempDir dir;
  ReadOptions as_text;
  as_text.format = InputFormat::text;
  auto doc = read_document(dir.write("page.html", "<html>\n<p>x</p>"), as_text);
  REQUIRE(doc.ok());
  CHECK(doc->format == InputFormat::text);
  CHECK(doc->paragraphs.size() == 2);
}

TEST_CASE("read_document: a 1 MB line and a file without headings") {
  test::TempDir dir;
  std::string line;
  for (int i = 0; i < 100000; ++i)
    line += "\xE6\xB3\x95\xE6\xB2\xBB\xE6\x94\xBF\xE5\xBA\x9C，";  // 法治政府，
  line += "\xE3\x80\x82";
  auto start = std::chrono::steady_clock::now();
  auto doc = read_document(dir.write("long.txt", "heading-less\n" + line + "\n"));
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(doc.ok());
  CHECK(doc->sections.empty());
  CHECK(doc->paragraphs[1].span.size() == line.size());
  CHECK(doc->locate(doc->paragraphs[1].span.end).column == 500002);
  CHECK(elapsed < std::chrono::seconds(2));
}

}  // namespace fzcheck
