// --convert: a legacy .doc turned into .docx by LibreOffice before it is read.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.hpp"

namespace fzcheck {

namespace {
const std::string kDoc = "tests/fixtures/doc/004_982b1b364f1fe93d.doc";

bool soffice_available() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"}) {
    if (::access((std::string(dir) + "/soffice").c_str(), X_OK) == 0) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("convert: without --convert a .doc is refused with the way to convert it") {
  auto r = test::run_cli({"outline", test::source_path(kDoc).string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(": 这是旧版 Word 或 WPS 二进制文档（.doc/.wps）；请用 Word 或 WPS 打开后另存为 "
                   ".docx，或用“soffice --headless --convert-to docx 文件名”转换（使用 fzcheck "
                   "check --convert 可自动转换）\n") != std::string::npos);
  auto en = test::run_cli({"outline", "--lang", "en", test::source_path(kDoc).string()});
  CHECK(en.err.find("legacy Word or WPS binary document (.doc/.wps)") != std::string::npos);
  CHECK(en.err.find(" (fzcheck check --convert does this for you)\n") != std::string::npos);
  // JSON keeps the English message, whatever the language.
  auto json = test::run_cli({"outline", "--format", "json", test::source_path(kDoc).string()});
  CHECK(json.out.find("(fzcheck check --convert does this for you)") != std::string::npos);
}

// --convert looked at the first bytes of an input before read_document() checked it: opening a
// FIFO waited for a writer for ever.
TEST_CASE("convert: with --convert a FIFO is refused like without it, at once") {
  test::TempDir dir;
  const std::string fifo = (dir.path() / "report.doc").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (bool convert : {false, true}) {
    CAPTURE(convert);
    std::vector<std::string> args{"check", "--lang", "en", fifo};
    if (convert) args.insert(args.begin() + 1, "--convert");
    auto r = test::run_cli(args, "", {}, 20);
    REQUIRE_FALSE(r.timed_out);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(fifo + ": this is not a regular file (a device, pipe or socket)") !=
          std::string::npos);
  }
}

TEST_CASE("convert: --convert without LibreOffice says what to install") {
  auto r = test::run_cli({"check", "--convert", test::source_path(kDoc).string()}, "",
                         {"PATH=/nonexistent"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--convert 需要 LibreOffice") != std::string::npos);
  CHECK(r.err.find(kDoc) != std::string::npos);
}

TEST_CASE("convert: --convert reads a .doc through LibreOffice (where it is installed)") {
  if (!soffice_available()) {
    MESSAGE("LibreOffice is not installed here: the conversion itself is not exercised");
    return;
  }
  auto r =
      test::run_cli({"outline", "--convert", "--format", "json", test::source_path(kDoc).string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"format\": \"docx\"") != std::string::npos);
  CHECK(r.out.find("\"marker\": \"六、\"") != std::string::npos);
  CHECK(r.out.find("004_982b1b364f1fe93d.doc\"") != std::string::npos);  // the file keeps its name
}

TEST_CASE("convert: --convert leaves formats fzcheck reads alone") {
  auto r = test::run_cli({"outline", "--convert",
                          test::source_path("examples/reports/001_0a9e7cee78fe9105.txt").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("(text, UTF-8)") != std::string::npos);
}

}  // namespace fzcheck
