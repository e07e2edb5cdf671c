// The language of the tool's messages: zh-CN unless --lang (anywhere on the command line) or
// FZCHECK_LANG says otherwise; --help, usage errors and unreadable files in that language.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "support.hpp"

namespace fzcheck {

namespace {

using test::run_cli;

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// Whether every UTF-8 sequence of `line` is complete.
bool whole_characters(const std::string& line) {
  std::size_t expected = 0;  // continuation bytes still to come
  for (unsigned char c : line) {
    if ((c & 0xC0) == 0x80) {
      if (expected == 0) return false;
      --expected;
    } else {
      if (expected != 0) return false;
      expected = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    }
  }
  return expected == 0;
}

}  // namespace

TEST_CASE("language: --help is in Chinese, or in English with --lang en or FZCHECK_LANG=en") {
  auto zh = run_cli({"check", "--help"});
  CHECK(zh.exit_code == 0);
  CHECK(zh.out.starts_with("用法：fzcheck check [选项] 文件|文件夹|-...\n\n选项：\n"));
  CHECK(has(zh.out, "  -h [ --help ]"));
  CHECK(has(zh.out, "显示本帮助"));
  CHECK(has(zh.out, "  --min-severity LEVEL (=info)"));  // option names stay as they are
  CHECK(has(zh.out, "不显示低于此级别的问题"));
  CHECK(has(zh.out, "  --lang LANG "));
  CHECK_FALSE(has(zh.out, "show this help"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--lang", "en", "check", "--help"},
        std::vector<std::string>{"check", "--help", "--lang", "en"},
        std::vector<std::string>{"check", "--lang=en", "--help"}}) {
    auto en = run_cli(args);
    CHECK(en.exit_code == 0);
    CHECK(en.out.starts_with("usage: fzcheck check [options] FILE|DIR|-...\n\nOptions:\n"));
    CHECK(has(en.out, "show this help"));
    CHECK_FALSE(has(en.out, "显示本帮助"));
  }
  auto env = run_cli({"check", "--help"}, "", {"FZCHECK_LANG=en"});
  CHECK(env.out.starts_with("usage: fzcheck check"));
  auto over = run_cli({"check", "--help", "--lang", "zh-CN"}, "", {"FZCHECK_LANG=en"});
  CHECK(over.out.starts_with("用法：fzcheck check"));  // --lang wins over the environment
  // Every command, and the tool's own usage.
  CHECK(run_cli({"fix", "--help"}).out.starts_with("用法：fzcheck fix 文件 -o 输出文件"));
  CHECK(run_cli({"outline", "-h"}).out.starts_with("用法：fzcheck outline [选项]"));
  CHECK(run_cli({"rules", "list", "--help"}).out.starts_with("用法：fzcheck rules list [选项]"));
  CHECK(run_cli({"rules", "test", "--help", "--lang", "en"})
            .out.starts_with("usage: fzcheck rules test DIR|RULE_FOLDER|rule.yaml [options]"));
  auto usage = run_cli({"--help"});
  CHECK(usage.exit_code == 0);
  CHECK(usage.out.starts_with("用法：fzcheck 命令 [选项] 文件...\n"));
  CHECK(run_cli({"--help", "--lang", "en"}).out.starts_with("usage: fzcheck COMMAND"));
  auto bare = run_cli({});
  CHECK(bare.exit_code == 2);
  CHECK(bare.out.starts_with("用法：fzcheck 命令"));
}

TEST_CASE("language: the help is wrapped at 80 columns, never inside a character") {
  for (const char* language : {"zh-CN", "en"}) {
    CAPTURE(std::string(language));
    auto help = run_cli({"check", "--help", "--lang", language});
    std::size_t start = 0;
    while (start < help.out.size()) {
      std::size_t end = help.out.find('\n', start);
      std::string line = help.out.substr(start, end - start);
      start = end + 1;
      std::size_t columns = 0;  // two for each Chinese character or full-width mark
      for (unsigned char c : line) columns += c < 0x80 ? 1 : c >= 0xC0 ? 2 : 0;
      CAPTURE(line);
      CHECK(columns <= 80);
      CHECK(whole_characters(line));
      // No line of a description begins with a closing mark.
      const std::string text = line.substr(std::min(line.size(), line.find_first_not_of(' ')));
      const bool closing_first = text.starts_with("，") || text.starts_with("）");
      CHECK_FALSE(closing_first);
    }
  }
}

TEST_CASE("language: an unreadable file is reported in the chosen language") {
  test::TempDir dir;
  const std::string missing = (dir.path() / "missing.txt").string();
  auto zh = run_cli({"check", missing});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "fzcheck: " + missing + ": 文件不存在\n");
  CHECK(zh.out == "共检查 1 个文件：0 个错误，0 个警告，0 条提示、1 个文件无法读取\n");
  auto en = run_cli({"--lang", "en", "check", missing});
  CHECK(en.err == "fzcheck: " + missing + ": no such file\n");
  auto env = run_cli({"check", missing}, "", {"FZCHECK_LANG=en"});
  CHECK(env.err == "fzcheck: " + missing + ": no such file\n");
  // The batch table says why in the language too; JSON keeps the English message.
  auto table = run_cli({"check", "--format", "summary", missing});
  CHECK(has(table.out, missing + ",,,,,"));
  CHECK(has(table.out, "无法读取：文件不存在"));
  auto table_en = run_cli({"check", "--format", "summary", "--lang", "en", missing});
  CHECK(has(table_en.out, "cannot be read: no such file"));
  auto json = run_cli({"check", "--format", "json", missing});
  CHECK(nlohmann::json::parse(json.out)["files"][0]["error"]["message"] == "no such file");
}

TEST_CASE("language: a PDF is refused with the advice to convert it, in Chinese by default") {
  test::TempDir dir;
  const std::string pdf = dir.write("报告.pdf", "%PDF-1.7\n...").string();
  auto zh = run_cli({"check", pdf});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err ==
        "fzcheck: " + pdf +
            ": 这是 PDF 文件；fzcheck 不读取 PDF（无法可靠地还原其中的段落和标题）："
            "请检查生成该 PDF 的 .docx 文件，或用“pdftotext -layout”将其转换为文本后再检查\n");
  auto en = run_cli({"check", "--lang", "en", pdf});
  CHECK(en.err == "fzcheck: " + pdf +
                      ": this is a PDF file; fzcheck does not read PDF (paragraphs and headings "
                      "cannot be recovered reliably): check the .docx it was made from, or convert "
                      "it to text with 'pdftotext -layout'\n");
}

TEST_CASE("language: an unknown language is a usage error in Chinese that lists the languages") {
  auto flag = run_cli({"--lang", "fr", "check", "x.txt"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.out == "");
  CHECK(flag.err ==
        "fzcheck: --lang 的值应为 en 或 zh-CN，而不是“fr”\n（用法见 fzcheck --help）\n");
  auto after = run_cli({"check", "x.txt", "--lang=zh"});
  CHECK(after.exit_code == 2);
  CHECK(after.err ==
        "fzcheck: --lang 的值应为 en 或 zh-CN，而不是“zh”\n（用法见 fzcheck --help）\n");
  auto env = run_cli({"check", "x.txt"}, "", {"FZCHECK_LANG=english"});
  CHECK(env.exit_code == 2);
  CHECK(env.err ==
        "fzcheck: FZCHECK_LANG 的值应为 en 或 zh-CN，而不是“english”\n（用法见 fzcheck --help）\n");
  auto empty = run_cli({"check", "--help"}, "", {"FZCHECK_LANG="});
  CHECK(empty.out.starts_with("用法："));  // an empty variable is no choice
  auto missing = run_cli({"check", "--lang"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "fzcheck: 选项“--lang”后缺少值\n（用法见 fzcheck --help）\n");
}

TEST_CASE("language: fzcheck --version is the same in every language") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--version"}, std::vector<std::string>{"--lang", "en", "-v"},
        std::vector<std::string>{"--version", "--lang=zh-CN"}}) {
    auto r = run_cli(args);
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("fzcheck 0."));
    CHECK(r.err == "");
  }
}

TEST_CASE("language: errors of the command line itself are translated") {
  auto unknown = run_cli({"outline", "--frobnicate"});
  CHECK(unknown.err ==
        "fzcheck outline: 没有“--frobnicate”这个选项\n（用法见 fzcheck outline --help）\n");
  auto no_value = run_cli({"check", "--format"});
  CHECK(no_value.err.starts_with("fzcheck check: 选项“--format”后缺少值\n"));
  auto bad_value = run_cli({"check", "-j", "many", "x.txt"});
  CHECK(bad_value.err.starts_with("fzcheck check: 选项“--jobs”的值无效\n"));
  auto bad_value_en = run_cli({"check", "-j", "many", "x.txt", "--lang", "en"});
  CHECK(
      bad_value_en.err.starts_with("fzcheck check: the argument for option '--jobs' is invalid\n"));
  auto size = run_cli({"check", "--max-file-size", "lots", "x.txt"});
  CHECK(size.err.starts_with("fzcheck check: “lots”不是有效的大小（例如 500K、64M、1G）\n"));
}

}  // namespace fzcheck
