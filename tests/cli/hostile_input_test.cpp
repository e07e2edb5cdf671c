// The catalogue of hostile input (docs/robustness.md), end to end: each input is given to the
// tool as a user would, and the test asserts the message, the exit code and that it ends in
// bounded time. The limits behind them are tested where they are enforced (readers, loader);
// docs/robustness.md names those tests too. Messages are asserted in English (--lang en), one in
// Chinese too.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "readers/zip_writer.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using namespace std::string_literals;
using test::rule_head;
using test::RulePack;

// The tool run on `args` (messages in English), killed after a minute: a hang fails the test
// instead of blocking the suite.
struct Run {
  test::CliResult result;
  double seconds = 0;
};
Run fzcheck(std::vector<std::string> args, int timeout = static_cast<int>(40 * test::kSlowdown)) {
  args.insert(args.begin() + 1, {"--lang", "en"});
  auto start = std::chrono::steady_clock::now();
  Run run;
  run.result = test::run_cli(args, "", {}, timeout);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(run.result.timed_out);
  return run;
}

// `check FILE` must refuse the file with exit 2 and this one line on stderr.
void refused(const std::string& file, const std::string& message,
             const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {"check"};
  args.insert(args.end(), more.begin(), more.end());
  args.push_back(file);
  Run run = fzcheck(args);
  CAPTURE(run.result.err);
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.err == "fzcheck: " + file + ": " + message + "\n");
  CHECK(run.result.out.find("1 files could not be read") != std::string::npos);
  CHECK(run.seconds <
        10 * test::kSlowdown);  // a bound on blow-ups: each is refused in milliseconds
}

const std::string kTitle = "某局2024年度报告\n";

std::string pattern_rule(const std::string& id, const std::string& more) {
  return rule_head(id, "pattern", "error") + "message: 不要写“{match}”\n" + more;
}

}  // namespace

TEST_CASE("hostile: an empty file") {
  test::TempDir dir;
  refused(dir.write("empty.txt", "").string(), "the file is empty");
}

TEST_CASE("hostile: binary data") {
  test::TempDir dir;
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 37) & 0xFF));
  refused(dir.write("data.txt", bytes).string(),
          "this is binary data, not text (it contains NUL bytes; if it is UTF-16 without a "
          "byte-order mark, name it with --encoding UTF-16LE or UTF-16BE)");
}

TEST_CASE("hostile: NUL bytes inside otherwise valid text") {
  test::TempDir dir;
  // Of even length, it was taken for UTF-16LE without a byte-order mark and read as mojibake.
  refused(dir.write("nul.txt", "一、工作\n正文\0有空字节。\n"s).string(),
          "this is binary data, not text (it contains NUL characters)");
  refused(dir.write("nul2.txt", kTitle + "一、工作\n正文\0有空字节。\n"s).string(),
          "this is binary data, not text (it contains NUL characters)");
}

TEST_CASE("hostile: overlong and surrogate UTF-8 sequences") {
  test::TempDir dir;
  refused(dir.write("overlong.txt", "\xC0\xAF一、工作\n").string(),
          "the text is neither valid UTF-8 (bad byte 0xC0 at line 1, column 1) nor GB18030; "
          "ICU's best guess is UTF-8 (use --encoding NAME if you know the encoding)");
  refused(dir.write("surrogate.txt", "一、工作\xED\xA0\x80\n").string(),
          "the text is neither valid UTF-8 (bad byte 0xED at line 1, column 5) nor GB18030; "
          "ICU's best guess is UTF-8 (use --encoding NAME if you know the encoding)");
}

TEST_CASE("hostile: a byte-order mark that lies about the encoding") {
  test::TempDir dir;
  // A UTF-8 BOM before GBK bytes, a UTF-16LE BOM before UTF-8 bytes.
  refused(dir.write("utf8bom.txt", "\xEF\xBB\xBF\xD2\xBB\xA1\xA2\xB9\xA4\xD7\xF7\n").string(),
          "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (bad byte 0xA1 at "
          "line 1, column 2)");
  refused(dir.write("utf16bom.txt", "\xFF\xFE\xE4\xB8\x80\xE3\x80\x81\n").string(),
          "the file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE");
}

TEST_CASE("hostile: a file over the size limit is refused from its size, unread") {
  test::TempDir dir;
  auto huge = dir.path() / "huge.txt";
  {
    FILE* f = std::fopen(huge.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(ftruncate(fileno(f), 100ll << 30) == 0);  // 100 GB, sparse
    std::fclose(f);
  }
  refused(huge.string(),
          "the file is 102400.0 MB, more than the limit of 64.0 MB (see --max-file-size)");
}

TEST_CASE("hostile: /dev/zero and a FIFO given as input are refused at once") {
  refused("/dev/zero", "this is not a regular file (a device, pipe or socket)");
  test::TempDir dir;
  const std::string fifo = (dir.path() / "report.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  refused(fifo, "this is not a regular file (a device, pipe or socket)");
  // The same in Chinese.
  auto zh = test::run_cli({"check", fifo}, "", {}, 60);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "fzcheck: " + fifo + ": 这不是普通文件（而是设备、管道或套接字）\n");
}

TEST_CASE("hostile: a 10 MB line of 、 is one finding, in linear time") {
  test::TempDir dir;
  std::string line;
  for (int i = 0; i < (10 << 20) / 3; ++i) line += "、";
  auto file = dir.write("dunhao.txt", kTitle + "一、工作\n" + line + "\n").string();
  Run run = fzcheck({"check", "--format", "summary", file});
  CHECK(run.result.exit_code == 0);
  CHECK(run.result.out.find(",0,1,2,line 3: 标点“、、、、、、、、、、…”连用") != std::string::npos);
  CHECK(run.seconds < 15 * test::kSlowdown);  // 0.8–1.3 s in a release build
}

TEST_CASE("hostile: 100,000 lines of 一、 are checked in linear time") {
  test::TempDir dir;
  std::string text = kTitle;
  for (int i = 0; i < 100000; ++i) text += "一、\n";
  auto file = dir.write("yi.txt", text).string();
  Run run = fzcheck({"check", "--format", "summary", file});
  CHECK(run.result.exit_code == 1);  // 99,999 numbering errors: 二、 expected after 一、
  CHECK(run.result.out.find(",99999,0,1,line 3: 一级标题序号“一、”不连续") != std::string::npos);
  CHECK(run.seconds <
        15 * test::kSlowdown);  // 1.3 s in a release build (6.6 s before the sibling counts)
}

TEST_CASE("hostile: numbering nested 1,000 deep") {
  test::TempDir dir;
  std::string text = kTitle;
  std::string number = "1";
  for (int depth = 1; depth <= 1000; ++depth) {
    text += number + " 标题\n";
    number += ".1";
  }
  auto file = dir.write("deep.txt", text).string();
  Run outline = fzcheck({"outline", "--format", "json", file});
  CHECK(outline.result.exit_code == 0);
  CHECK(outline.result.out.find("\"sections\"") != std::string::npos);
  Run run = fzcheck({"check", "--format", "summary", file});
  CHECK(run.result.exit_code == 0);
  CHECK(run.seconds < 20 * test::kSlowdown);
}

TEST_CASE("hostile: a .docx whose document.xml expands to 200 MB from a small zip") {
  test::TempDir dir;
  test::ZipEntry big;
  big.name = "word/document.xml";
  big.method = 8;
  big.data = test::deflate_zero_bomb(775000);  // 200 MB of zeros from 190 KB
  big.uncompressed = 1 + 258u * 775000u;
  auto file = dir.write("big.docx", test::make_zip({big})).string();
  // Refused by the XML part limit even with the compression-ratio limit out of the way.
  refused(file,
          "the part word/document.xml declares an inflated size of 190.7 MB, more than the limit "
          "of 32.0 MB for one XML part of a .docx (ReadOptions::max_xml_bytes) (see "
          "--max-xml-size)",
          {"--max-compression-ratio", "100000"});
}

TEST_CASE("hostile: a .docx part with more elements than the node limit") {
  test::TempDir dir;
  std::string body;
  for (int i = 0; i < 3000; ++i) body += "<w:p><w:r><w:t>甲</w:t></w:r></w:p>";
  auto file = dir.write("nodes.docx", test::make_docx(body)).string();
  refused(file,
          "the part word/document.xml holds more than 5000 XML elements and attributes (at line "
          "1), the limit set by ReadOptions::max_xml_nodes (see --max-xml-nodes)",
          {"--max-xml-nodes", "5000"});
}

TEST_CASE("hostile: a .docx with 10,000 entries is read like any other") {
  test::TempDir dir;
  std::vector<test::ZipEntry> entries;
  entries.push_back(test::ZipEntry::stored(
      "word/document.xml",
      std::string(R"(<?xml version="1.0" encoding="UTF-8"?><w:document )") + test::kWordNamespaces +
          "><w:body><w:p><w:r><w:t>某局2024年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、工作"
          "</w:t></w:r></w:p></w:body></w:document>"));
  for (int i = 0; i < 10000; ++i)
    entries.push_back(test::ZipEntry::stored("word/media/x" + std::to_string(i) + ".xml", "<x/>"));
  auto file = dir.write("many.docx", test::make_zip(entries)).string();
  Run run = fzcheck({"outline", file});
  CHECK(run.result.exit_code == 0);
  CHECK(run.result.out.find("一、 工作") != std::string::npos);
  CHECK(run.seconds < 10 * test::kSlowdown);
}

TEST_CASE("hostile: XML entity expansion (billion laughs) in a .docx") {
  test::TempDir dir;
  const std::string xml = test::billion_laughs_document_xml();
  auto file =
      dir.write("laughs.docx", test::make_zip({test::ZipEntry::stored("word/document.xml", xml)}))
          .string();
  refused(file,
          "the part word/document.xml has a document type declaration (<!DOCTYPE>, line 1), which "
          "Word documents never contain; it is refused so that no entity can be expanded "
          "(\"billion laughs\", external entities)");
}

TEST_CASE("hostile: a truncated zip") {
  test::TempDir dir;
  std::string zip = test::make_docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
  auto file = dir.write("cut.docx", zip.substr(0, zip.size() / 2)).string();
  refused(file, "the file is damaged: it is not a readable zip archive (Not a zip archive)");
}

TEST_CASE("hostile: 100,000 nested HTML elements") {
  test::TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "正文";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  auto file = dir.write("deep.html", html + "</body></html>").string();
  Run run = fzcheck({"check", file});
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.err ==
        "fzcheck: " + file +
            ":1:10013: the page nests HTML elements more than 2000 deep (line 1), the limit set "
            "by ReadOptions::max_nesting\n");
  CHECK(run.seconds < 10 * test::kSlowdown);
}

// A table of 10,000 rows of 10 cells, whose rows carry the labels of the requests table (so that
// `table-requests` takes it for that table) with 9 numbers where the table has 7: read, found and
// refused as misaligned (one note, no sum) in bounded time, from text, HTML and .docx alike.
TEST_CASE("hostile: a table with 100,000 cells") {
  const std::vector<std::string> labels = {"一、本年新收政府信息公开申请数量", "自然人", "总计",
                                           "四、结转下年度继续办理"};
  std::string text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n";
  std::string html =
      "<html><body><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><table>";
  std::string docx = "<w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl>";
  for (int r = 0; r < 10000; ++r) {
    const std::string& label = labels[r % labels.size()];
    html += "<tr><td>" + label + "</td>";
    docx += "<w:tr><w:tc><w:p><w:r><w:t>" + label + "</w:t></w:r></w:p></w:tc>";
    text += label;
    for (int c = 1; c < 10; ++c) {
      const std::string n = std::to_string(r + c);
      html += "<td>" + n + "</td>";
      docx += "<w:tc><w:p><w:r><w:t>" + n + "</w:t></w:r></w:p></w:tc>";
      text += "\t" + n;
    }
    html += "</tr>";
    docx += "</w:tr>";
    text += "\n";
  }
  html += "</table></body></html>";
  docx += "</w:tbl>";
  test::TempDir dir;
  // A plain pair, not a structured binding: clang 14 does not let CAPTURE's lambda name one.
  for (const auto& file : std::vector<std::pair<std::string, std::string>>{
           {"table.txt", text}, {"table.html", html}, {"table.docx", test::make_docx(docx)}}) {
    const std::string& name = file.first;
    CAPTURE(name);
    Run run = fzcheck({"check", "--type", "xxgk-report", "--only", "table-requests", "--format",
                       "line", "--bare-names", dir.write(name, file.second).string()});
    CAPTURE(run.result.err);
    CHECK(run.result.exit_code == 0);  // a note only
    CHECK(run.result.out.find(":table-requests:info\n") != std::string::npos);
    CHECK(std::count(run.result.out.begin(), run.result.out.end(), '\n') == 1);
    CHECK(run.seconds < 10 * test::kSlowdown);
  }
}

TEST_CASE("hostile: a YAML rule file with alias expansion") {
  std::string lol = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    lol += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k)
      lol += (k ? ", *a" : "*a") + (i == 1 ? std::string() : std::to_string(i - 1));
    lol += "]\n";
  }
  lol += "terms: [*a8, *a8, *a8, *a8, *a8, *a8, *a8, *a8, *a8, *a8]\n";  // 10^9 x's if expanded
  RulePack pack;
  pack.rule("r", pattern_rule("r", lol));
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), "-"});
  CHECK(run.result.exit_code == 2);
  CAPTURE(run.result.err);
  // The copy stops at its budget (4 nodes a byte, plus 10,000), in the anchored value it copies.
  const std::string limit =
      std::to_string(4 * std::filesystem::file_size(pack.at("r/rule.yaml")) + 10000);
  CHECK(run.result.err ==
        pack.at("r/rule.yaml") + ":6:8: the aliases (*name) of this file expand to more than " +
            limit + " values; write the values out instead\nfzcheck: 1 problem(s) in the rules; " +
            "nothing was checked\n");
  CHECK(run.seconds < 10 * test::kSlowdown);
}

TEST_CASE("hostile: a 10 MB YAML file is refused from its size") {
  RulePack pack;
  pack.rule("r", pattern_rule("r", "terms: [甲]\n# " + std::string(10 << 20, 'x') + "\n"));
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), "-"});
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.err == pack.at("r/rule.yaml") +
                              ": the file is 10.0 MB, more than the limit of 1.0 MB for a "
                              "configuration or rule-pack file\n"
                              "fzcheck: 1 problem(s) in the rules; nothing was checked\n");
  CHECK(run.seconds < 10 * test::kSlowdown);
}

TEST_CASE("hostile: a flow sequence of 100,000 items, and one pattern over the limit") {
  std::string terms;
  for (int i = 0; i < 100000; ++i) {
    terms += i ? ", x" : "x";
    terms += std::to_string(i);
  }
  RulePack pack;
  pack.rule("r", pattern_rule("r", "terms: [" + terms + "]\n"));
  test::TempDir dir;
  auto file = dir.write("x.txt", kTitle + "一、工作\n写了x99999。\n").string();
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), file});
  CHECK(run.result.exit_code == 1);
  CHECK(run.result.out.find("不要写“x99999”") != std::string::npos);
  CHECK(run.seconds < 20 * test::kSlowdown);  // 0.4 s to load in a release build (38-178 s before)

  Run limited = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(),
                         "--max-patterns-per-rule", "1000", file});
  CHECK(limited.result.exit_code == 2);
  CHECK(limited.result.err ==
        pack.at("r/rule.yaml") +
            ":6:5899: this rule has more than 1000 patterns (terms, regular expressions, "
            "exceptions); split it, or raise the limit with --max-patterns-per-rule\n"
            "fzcheck: 1 problem(s) in the rules; nothing was checked\n");
}

TEST_CASE("hostile: regular expressions built to explode") {
  RulePack pack;
  pack.rule("r", pattern_rule("r", "patterns: ['(a+)+$', '(.*a){20}']\n"));
  test::TempDir dir;
  auto file = dir.write("a.txt", kTitle + "一、工作\n" + std::string(100000, 'a') + "!\n").string();
  // RE2 runs in linear time: no backtracking on 100,000 a's followed by a non-match.
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), file});
  CHECK(run.result.exit_code == 1);  // (.*a){20} matches
  CHECK(run.result.err.empty());
  CHECK(run.seconds < 20 * test::kSlowdown);

  RulePack huge;
  huge.rule("r", pattern_rule("r", "patterns: ['x{1000}{1000}']\n"));
  Run refused_rule =
      fzcheck({"check", "--no-default-rules", "--rules", huge.path().string(), file});
  CHECK(refused_rule.result.exit_code == 2);
  CHECK(refused_rule.result.err ==
        huge.at("r/rule.yaml") +
            ":6:12: bad regular expression 'x{1000}{1000}': bad repetition operator: "
            "{1000}{1000}\n"
            "fzcheck: 1 problem(s) in the rules; nothing was checked\n");
}

TEST_CASE("hostile: a pack with 10,000 terms") {
  std::string terms = "terms:\n";
  for (int i = 0; i < 10000; ++i) terms += "  - 词语" + std::to_string(i) + "\n";
  RulePack pack;
  pack.rule("r", pattern_rule("r", terms));
  test::TempDir dir;
  auto file = dir.write("t.txt", kTitle + "一、工作\n写了词语9999。\n").string();
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), file});
  CHECK(run.result.exit_code == 1);
  CHECK(run.result.out.find("不要写“词语9999”") != std::string::npos);
  CHECK(run.seconds < 10 * test::kSlowdown);
}

TEST_CASE("hostile: a rule that references itself") {
  RulePack pack;
  pack.rule("r", pattern_rule("r", "terms: [甲]\nsupersedes: [r]\n"));
  Run run = fzcheck({"check", "--no-default-rules", "--rules", pack.path().string(), "-"});
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.err == pack.at("r/rule.yaml") +
                              ":7:14: rule 'r' supersedes itself: it would drop all of its own "
                              "findings\n"
                              "fzcheck: 1 problem(s) in the rules; nothing was checked\n");
}

}  // namespace fzcheck
