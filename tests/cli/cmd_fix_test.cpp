// fzcheck fix: -o OUT, --diff, --in-place, the choice of rules, and what is refused.
#include <sys/stat.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fzcheck/read.hpp"
#include "readers/zip_archive.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;
using test::run_cli;

// Four certain corrections on line 3: a leading space, a half-width comma, a doubled comma and a
// converter tag.
const std::string kReport =
    "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n  开展培训,共计3次，，效果良好。"
    "[bookmark: _GoBack]\n二、存在问题\n人员不足。\n";
const std::string kFixed =
    "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n开展培训，共计3次，效果良好。\n"
    "二、存在问题\n人员不足。\n";

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// An input file with an old modification time, so that any write to it shows.
struct Input {
  test::TempDir dir;
  fs::path path;
  fs::file_time_type mtime;
  explicit Input(const std::string& bytes = kReport, const std::string& name = "in.txt") {
    path = dir.write(name, bytes);
    mtime = fs::file_time_type::clock::now() - std::chrono::hours(24);
    fs::last_write_time(path, mtime);
  }
  bool untouched(const std::string& bytes = kReport) const {
    return test::read_file(path) == bytes && fs::last_write_time(path) == mtime;
  }
};

}  // namespace

TEST_CASE("fzcheck fix -o: writes the corrected copy and leaves the input alone") {
  Input in;
  fs::path out = in.dir.path() / "out.txt";
  auto r = run_cli({"fix", in.path.string(), "-o", out.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == in.path.string() + ": 已更正 4 处\n");
  CHECK(test::read_file(out) == kFixed);
  CHECK(in.untouched());
  CHECK(entries(in.dir.path()) == std::vector<std::string>{"in.txt", "out.txt"});
  // The long option, and an existing output replaced; in English.
  auto again = run_cli({"fix", "--output", out.string(), "--lang", "en", in.path.string()});
  CHECK(again.exit_code == 0);
  CHECK(again.err == in.path.string() + ": 4 fix(es) applied\n");
  CHECK(test::read_file(out) == kFixed);
}

TEST_CASE("fzcheck fix -o: the file's encoding and line ends are kept") {
  // CRLF, and a UTF-8 byte-order mark.
  std::string crlf;
  for (char c : kReport) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Input in("\xEF\xBB\xBF" + crlf);
  fs::path out = in.dir.path() / "out.txt";
  auto r = run_cli({"fix", in.path.string(), "-o", out.string()});
  CHECK(r.exit_code == 0);
  std::string expected = "\xEF\xBB\xBF";
  for (char c : kFixed) {
    if (c == '\n') expected += '\r';
    expected += c;
  }
  CHECK(test::read_file(out) == expected);
}

TEST_CASE("fzcheck fix -o: naming the input itself is refused") {
  Input in;
  for (const std::string& same : {in.path.string(), (in.dir.path() / "." / "in.txt").string(),
                                  (in.dir.path() / "sub" / ".." / "in.txt").string()}) {
    CAPTURE(same);
    fs::create_directories(in.dir.path() / "sub");
    auto r = run_cli({"fix", in.path.string(), "-o", same});
    CHECK(r.exit_code == 2);
    CHECK(r.err ==
          "fzcheck fix: -o 指定的就是输入文件本身；如要直接修改原文件，请用 --in-place\n"
          "（用法见 fzcheck fix --help）\n");
    CHECK(in.untouched());
  }
  // A hard link to the input is the input too.
  fs::create_hard_link(in.path, in.dir.path() / "link.txt");
  auto linked = run_cli({"fix", in.path.string(), "-o", (in.dir.path() / "link.txt").string()});
  CHECK(linked.exit_code == 2);
  CHECK(in.untouched());
}

TEST_CASE("fzcheck fix --diff: prints a unified diff and writes nothing") {
  Input in;
  auto r = run_cli({"fix", "--diff", in.path.string()});
  CHECK(r.exit_code == 0);
  std::string label = in.path.string();  // absolute: not prefixed with a/ and b/
  CHECK(r.out == "--- " + label + "\n+++ " + label +
                     "\n@@ -1,5 +1,5 @@\n"
                     " 某局关于2024年度法治政府建设情况的报告\n"
                     " 一、主要举措\n"
                     "-  开展培训,共计3次，，效果良好。[bookmark: _GoBack]\n"
                     "+开展培训，共计3次，效果良好。\n"
                     " 二、存在问题\n"
                     " 人员不足。\n");
  CHECK(r.err == label + ": 已更正 4 处\n");
  CHECK(in.untouched());
  CHECK(entries(in.dir.path()) == std::vector<std::string>{"in.txt"});
  // A file with nothing to fix gives no diff.
  Input clean(kFixed);
  auto none = run_cli({"fix", "--diff", clean.path.string()});
  CHECK(none.exit_code == 0);
  CHECK(none.out == "");
  CHECK(none.err == clean.path.string() + ": 已更正 0 处\n");
}

TEST_CASE("fzcheck fix --diff: the diff applies with patch to give the -o output") {
  if (std::system("command -v patch > /dev/null 2>&1") != 0) return;  // no patch(1) here
  Input in;
  fs::path out = in.dir.path() / "out.txt";
  REQUIRE(run_cli({"fix", in.path.string(), "-o", out.string()}).exit_code == 0);
  fs::path copy = in.dir.path() / "copy.txt";
  fs::copy_file(in.path, copy);
  auto diff = run_cli({"fix", "--diff", in.path.string()});
  fs::path patch_file = in.dir.write("fix.diff", diff.out);
  std::string command =
      "patch --quiet " + copy.string() + " < " + patch_file.string() + " > /dev/null 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(test::read_file(copy) == test::read_file(out));
}

TEST_CASE("fzcheck fix --in-place: the file is replaced atomically, its mode kept") {
  Input in;
  REQUIRE(::chmod(in.path.c_str(), 0640) == 0);
  auto r = run_cli({"fix", "--in-place", in.path.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err == in.path.string() + ": 已更正 4 处\n");
  CHECK(test::read_file(in.path) == kFixed);
  struct stat st {};
  REQUIRE(::stat(in.path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(entries(in.dir.path()) == std::vector<std::string>{"in.txt"});
  // Several files at once.
  Input second;
  fs::path other = second.dir.write("other.txt", kReport);
  auto both = run_cli({"fix", "--in-place", second.path.string(), other.string()});
  CHECK(both.exit_code == 0);
  CHECK(test::read_file(second.path) == kFixed);
  CHECK(test::read_file(other) == kFixed);
}

TEST_CASE("fzcheck fix: one of -o, --diff, --in-place, and input files, are required") {
  Input in;
  const std::string modes =
      "fzcheck fix: 请指定如何处理更正：-o 输出文件、--diff 或 --in-place，三者选一\n"
      "（用法见 fzcheck fix --help）\n";
  auto none = run_cli({"fix", in.path.string()});
  CHECK(none.exit_code == 2);
  CHECK(none.err == modes);
  auto two = run_cli({"fix", "--diff", "--in-place", in.path.string()});
  CHECK(two.exit_code == 2);
  CHECK(two.err == modes);
  auto three = run_cli({"fix", "--diff", "-o", "x.txt", in.path.string()});
  CHECK(three.exit_code == 2);
  CHECK(three.err == modes);
  auto english = run_cli({"fix", in.path.string()}, "", {"FZCHECK_LANG=en"});
  CHECK(english.err ==
        "fzcheck fix: say what to do with the corrections: -o OUT, --diff or --in-place (one of "
        "them)\n(see 'fzcheck fix --help')\n");
  auto no_files = run_cli({"fix", "--diff"});
  CHECK(no_files.exit_code == 2);
  CHECK(no_files.err == "fzcheck fix: 没有指定要处理的文件\n（用法见 fzcheck fix --help）\n");
  auto two_inputs =
      run_cli({"--lang", "en", "fix", "-o", "x.txt", in.path.string(), in.path.string()});
  CHECK(two_inputs.exit_code == 2);
  CHECK(two_inputs.err ==
        "fzcheck fix: -o OUT takes exactly one input file\n(see 'fzcheck fix --help')\n");
  CHECK(in.untouched());
  CHECK(entries(in.dir.path()) == std::vector<std::string>{"in.txt"});
  auto help = run_cli({"fix", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--in-place") != std::string::npos);
}

TEST_CASE(
    "fzcheck fix: a .docx gets its corrections as tracked changes, or in the text with "
    "--no-track") {
  test::TempDir dir;
  const fs::path source = test::source_path("tests/fixtures/docx/000_564c8ac60a8ddf78.docx");
  fs::path docx = dir.path() / "report.docx";
  fs::copy_file(source, docx);
  fs::path tracked = dir.path() / "tracked.docx", direct = dir.path() / "direct.docx";
  auto r = run_cli({"fix", docx.string(), "-o", tracked.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err == docx.string() +
                     ": 已以修订（可在 Word 或 WPS 中接受或拒绝）形式更正 10 处，8 处是 Word "
                     "自动生成的文字（自动编号、域），未更正\n");
  auto d = run_cli({"fix", "--no-track", "--lang", "en", docx.string(), "-o", direct.string()});
  CHECK(d.exit_code == 0);
  CHECK(d.err.find(": 10 fix(es) applied, 8 not applied") != std::string::npos);
  CHECK(test::read_file(docx) == test::read_file(source));
  // Both read back as the same corrected text; only the tracked one holds revisions.
  auto a = read_document(tracked), b = read_document(direct), orig = read_document(docx);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(orig.ok());
  CHECK(a->text == b->text);
  CHECK(a->text != orig->text);
  CHECK(a->paragraphs.size() == orig->paragraphs.size());
  auto main_part = [](const fs::path& file) {
    const std::string bytes = test::read_file(file);
    auto archive = detail::ZipArchive::open(bytes, file.string());
    REQUIRE(archive.ok());
    auto xml = archive->read("word/document.xml", {});
    REQUIRE(xml.ok());
    return *xml;
  };
  CHECK(main_part(tracked).find("<w:ins ") != std::string::npos);
  CHECK(main_part(direct).find("<w:ins ") == std::string::npos);
  CHECK(main_part(direct).find("<w:del ") == std::string::npos);
}

TEST_CASE("fzcheck fix: inputs that cannot be read or written") {
  Input in;
  fs::path out = in.dir.path() / "out.txt";
  // A missing input.
  auto missing = run_cli({"fix", (in.dir.path() / "missing.txt").string(), "-o", out.string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.rfind("fzcheck: " + (in.dir.path() / "missing.txt").string() + ": ", 0) == 0);
  CHECK_FALSE(fs::exists(out));
  // An HTML page is checked but cannot be written back.
  fs::path html = in.dir.path() / "report.html";
  const std::string page = "<!DOCTYPE html><html><body><p>" + kReport + "</p></body></html>";
  { std::ofstream(html) << page; }
  auto refused = run_cli({"fix", html.string(), "-o", out.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err ==
        "fzcheck: " + html.string() + ": 只能为纯文本文件写出更正后的副本，html 文件不能\n");
  CHECK_FALSE(fs::exists(out));
  auto in_place = run_cli({"fix", "--in-place", "--lang", "en", html.string()});
  CHECK(in_place.exit_code == 2);
  CHECK(in_place.err == "fzcheck: " + html.string() +
                            ": corrected copies can be written for plain text only, not html\n");
  CHECK(test::read_file(html) == page);
  // An output in a folder that does not exist.
  auto nowhere = run_cli({"fix", in.path.string(), "-o", (in.dir.path() / "no/out.txt").string()});
  CHECK(nowhere.exit_code == 2);
  CHECK(nowhere.err.find(": 无法写入：无法在 ") != std::string::npos);
  // With several files, the readable ones are still fixed.
  Input good;
  auto mixed =
      run_cli({"fix", "--in-place", (in.dir.path() / "missing.txt").string(), good.path.string()});
  CHECK(mixed.exit_code == 2);
  CHECK(test::read_file(good.path) == kFixed);
  CHECK(in.untouched());
}

TEST_CASE("fzcheck fix: --only and --disable choose whose fixes are applied") {
  Input in;
  fs::path out = in.dir.path() / "out.txt";
  auto only = run_cli({"fix", in.path.string(), "-o", out.string(), "--only",
                       "halfwidth-punctuation", "--only", "conversion-artefact"});
  CHECK(only.exit_code == 0);
  CHECK(only.err == in.path.string() + ": 已更正 2 处\n");
  CHECK(test::read_file(out) ==
        "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n  开展培训，共计3次，，效果良好。\n"
        "二、存在问题\n人员不足。\n");
  auto disable = run_cli({"fix", in.path.string(), "-o", out.string(), "--disable",
                          "halfwidth-punctuation", "--disable", "leading-space"});
  CHECK(disable.exit_code == 0);
  CHECK(test::read_file(out) ==
        "某局关于2024年度法治政府建设情况的报告\n一、主要举措\n  开展培训,共计3次，效果良好。\n"
        "二、存在问题\n人员不足。\n");
  auto unknown = run_cli({"fix", "--diff", "--only", "no-such-rule", in.path.string()});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err ==
        "fzcheck fix: 没有“no-such-rule”这条规则（规则清单见 fzcheck rules list）\n"
        "（用法见 fzcheck fix --help）\n");
  CHECK(in.untouched());
}

}  // namespace fzcheck
