// fzcheck annotate: reviewed copies of Word reports, one file or folders, never the input.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"
#include "readers/zip_archive.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;
using test::run_cli;

const char* kFixture = "tests/fixtures/docx/004_982b1b364f1fe93d.docx";

std::string part(const fs::path& docx, const std::string& name) {
  const std::string bytes = test::read_file(docx);
  auto archive = detail::ZipArchive::open(bytes, docx.string());
  REQUIRE(archive.ok());
  auto data = archive->read(name, {});
  REQUIRE_MESSAGE(data.ok(), name);
  return *data;
}

std::size_t comments_in(const fs::path& docx) {
  const std::string xml = part(docx, "word/comments.xml");
  std::size_t n = 0;
  for (auto at = xml.find("<w:comment "); at != std::string::npos;
       at = xml.find("<w:comment ", at + 1)) {
    ++n;
  }
  return n;
}

std::size_t findings_in(const fs::path& docx, Severity min = Severity::info) {
  auto doc = read_document(docx);
  REQUIRE(doc.ok());
  Report report = check(*doc, RuleSet::builtin());
  return static_cast<std::size_t>(
      std::count_if(report.findings.begin(), report.findings.end(),
                    [&](const Finding& f) { return f.severity >= min; }));
}

}  // namespace

TEST_CASE("fzcheck annotate FILE -o OUT: a comment per finding, the input untouched") {
  test::TempDir dir;
  const fs::path source = test::source_path(kFixture);
  fs::path in = dir.path() / "report.docx";
  fs::copy_file(source, in);
  fs::path out = dir.path() / "back.docx";
  auto r = run_cli({"annotate", in.string(), "-o", out.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  const std::size_t expected = findings_in(in);
  REQUIRE(expected > 0);
  CHECK(comments_in(out) == expected);
  CHECK(r.err.find(in.string() + " → " + out.string() + "：批注 " + std::to_string(expected) +
                   " 条，修订 11 处") == 0);
  CHECK(test::read_file(in) == test::read_file(source));
  // The comments say what is wrong in Chinese, by default; --lang en in English.
  CHECK(part(out, "word/comments.xml").find("依据：") != std::string::npos);
  auto en = run_cli({"annotate", in.string(), "-o", out.string(), "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(en.err.find(in.string() + " → " + out.string() + ": " + std::to_string(expected) +
                    " comment(s), 11 tracked change(s)") == 0);
  CHECK(part(out, "word/comments.xml").find("basis: ") != std::string::npos);
  // --min-severity warning leaves the notes out; --no-changes leaves the text alone.
  auto warn = run_cli(
      {"annotate", in.string(), "-o", out.string(), "--min-severity", "warning", "--no-changes"});
  CHECK(warn.exit_code == 0);
  CHECK(comments_in(out) == findings_in(in, Severity::warning));
  CHECK(comments_in(out) < expected);
  CHECK(part(out, "word/document.xml").find("<w:ins ") == std::string::npos);
  auto same = read_document(out), orig = read_document(in);
  REQUIRE(same.ok());
  CHECK(same->text == orig->text);
}

TEST_CASE("fzcheck annotate DIR: a reviewed copy of every .docx, other files skipped") {
  test::TempDir dir;
  fs::create_directories(dir.path() / "in/sub");
  fs::copy_file(test::source_path(kFixture), dir.path() / "in/a.docx");
  fs::copy_file(test::source_path("tests/fixtures/docx/000_564c8ac60a8ddf78.docx"),
                dir.path() / "in/sub/b.docx");
  { std::ofstream(dir.path() / "in/notes.txt") << "一、主要举措\n"; }
  fs::path out = dir.path() / "out";
  auto r = run_cli({"annotate", (dir.path() / "in").string(), "-o", out.string()});
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(out / "a.reviewed.docx"));
  CHECK(fs::exists(out / "b.reviewed.docx"));
  CHECK(r.err.find("1") != std::string::npos);
  CHECK(r.err.find(".txt") != std::string::npos);  // the skipped line names the .txt
  // Without -o the copies go beside the inputs; a second run does not review the copies.
  auto beside = run_cli({"annotate", (dir.path() / "in").string()});
  CHECK(beside.exit_code == 0);
  CHECK(fs::exists(dir.path() / "in/a.reviewed.docx"));
  CHECK(fs::exists(dir.path() / "in/sub/b.reviewed.docx"));
  auto again = run_cli({"annotate", (dir.path() / "in").string()});
  CHECK(again.exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / "in/a.reviewed.reviewed.docx"));
}

TEST_CASE("fzcheck annotate: files that are not .docx, and a copy that would replace the input") {
  test::TempDir dir;
  fs::path txt = dir.write("r.txt", "一、主要举措\n正文。\n");
  auto r = run_cli({"annotate", txt.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("fzcheck: " + txt.string() + ": ") == 0);
  CHECK(r.err.find("--format html") != std::string::npos);
  fs::path in = dir.path() / "x.docx";
  fs::copy_file(test::source_path(kFixture), in);
  const std::string before = test::read_file(in);
  auto self = run_cli({"annotate", in.string(), "-o", in.string()});
  CHECK(self.exit_code == 2);
  CHECK(test::read_file(in) == before);
  auto both = run_cli({"annotate", in.string(), "--no-track", "--no-changes"});
  CHECK(both.exit_code == 2);
}

}  // namespace fzcheck
