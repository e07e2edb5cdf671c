// The outline command end to end: output, exit codes and one-line errors for bad input.
#include <doctest/doctest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace fzcheck {

namespace {
std::string sample(const std::string& name) {
  return test::source_path("examples/reports/" + name + ".txt").string();
}
std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}
}  // namespace

TEST_CASE("fzcheck outline prints the tree of every file") {
  auto r =
      test::run_cli({"outline", sample("001_0a9e7cee78fe9105"), sample("004_982b1b364f1fe93d")});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("  signature: 梨树县教育局  [L27]") != std::string::npos);
  CHECK(r.out.find("   L21  六、 下一步工作思路") != std::string::npos);
}

TEST_CASE("fzcheck outline --format json is one document with a files array") {
  auto r = test::run_cli({"outline", "--format", "json", sample("002_761e60630c4c52e8"),
                          sample("003_2ea09a882f67caa3")});
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0]["title"]["text"] == "2023年法治政府建设年度报告");
  CHECK(j["files"][1]["title"].is_null());
  CHECK(j["files"][0]["sections"][0]["children"][0]["marker"] == "(一)");
}

TEST_CASE("fzcheck outline: bad input gets a one-line error naming the file and exit 2") {
  test::TempDir dir;
  auto empty = dir.write("empty.txt", "");
  auto binary = dir.write("data.bin", std::string("\x00\x01\x02\x03garbage", 11));
  auto invalid = dir.write("latin1.txt", "r\xE9sum\xE9\n");
  auto huge = dir.path() / "huge.txt";
  {
    FILE* f = std::fopen(huge.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(ftruncate(fileno(f), 200ll << 20) == 0);
    std::fclose(f);
  }
  struct Case {
    std::string path;
    std::string zh, en;  // in the message in each language
  };
  const Case cases[] = {
      {empty.string(), "文件是空的", "the file is empty"},
      {binary.string(), "这是二进制数据，不是文本", "binary data"},
      {invalid.string(), "既不是有效的 UTF-8（第 1 行第 2 列的字节 0xE9 有误），也不是 GB18030",
       "neither valid UTF-8 (bad byte 0xE9 at line 1, column 2) nor GB18030"},
      {huge.string(), "超过了 64.0 MB 的上限（可用 --max-file-size 调整上限）",
       "more than the limit of 64.0 MB (see --max-file-size)"},
      {(dir.path() / "missing.txt").string(), "文件不存在", "no such file"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    auto r = test::run_cli({"outline", c.path});
    CHECK(r.exit_code == 2);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.rfind("fzcheck: " + c.path + ": ", 0) == 0);
    CHECK(r.err.find(c.zh) != std::string::npos);
    CHECK(r.out.empty());
    auto en = test::run_cli({"outline", "--lang", "en", c.path});
    CHECK(en.exit_code == 2);
    CHECK(en.err.rfind("fzcheck: " + c.path + ": ", 0) == 0);
    CHECK(en.err.find(c.en) != std::string::npos);
  }
}

TEST_CASE("fzcheck outline: a folder is walked like check's, nothing readable is a usage error") {
  test::TempDir dir;
  dir.write("b.txt", "乙局报告\n一、工作\n正文。\n");
  dir.write("a.txt", "甲局报告\n一、工作\n正文。\n");
  dir.write("c.pdf", "%PDF-1.4");
  auto r = test::run_cli({"outline", "--format", "json", dir.path().string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "fzcheck: 已跳过 1 个文件：.pdf 1 个\n");
  CHECK(r.out.find("a.txt") < r.out.find("b.txt"));
  CHECK(r.out.find("b.txt") != std::string::npos);
  test::TempDir none;
  none.write("x.pdf", "%PDF-1.4");
  auto empty = test::run_cli({"outline", none.path().string()});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("文件夹中没有 fzcheck 能读取的文件") != std::string::npos);
}

TEST_CASE("fzcheck outline: good files are still printed when another file fails") {
  test::TempDir dir;
  auto r = test::run_cli({"outline", "--format", "json", (dir.path() / "missing.txt").string(),
                          sample("000_564c8ac60a8ddf78")});
  CHECK(r.exit_code == 2);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0]["error"]["code"] == "not_found");
  CHECK(j["files"][1]["sections"].size() == 3);
}

TEST_CASE("fzcheck outline: a file with no headings is an empty outline, not an error") {
  test::TempDir dir;
  auto path = dir.write("plain.txt", "这是一段普通的文字，没有任何编号标题。\n第二段。\n");
  auto r = test::run_cli({"outline", "--format", "json", path.string()});
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["files"][0]["sections"].empty());
}

TEST_CASE(
    "fzcheck outline: a size limit can be raised, and a 200 MB binary file is still refused") {
  test::TempDir dir;
  auto huge = dir.path() / "zeros.txt";
  {
    FILE* f = std::fopen(huge.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(ftruncate(fileno(f), 200ll << 20) == 0);
    std::fclose(f);
  }
  auto r = test::run_cli({"outline", "--max-file-size", "300M", huge.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("这是二进制数据") != std::string::npos);
}

TEST_CASE("fzcheck usage errors exit 2 with a hint") {
  auto none = test::run_cli({"outline"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("没有指定要处理的文件") != std::string::npos);
  auto bad_format = test::run_cli({"outline", "--format", "xml", "x"});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err ==
        "fzcheck outline: --format 的值应为 text 或 json，而不是“xml”\n"
        "（用法见 fzcheck outline --help）\n");
  auto bad_format_en = test::run_cli({"outline", "--format", "xml", "x", "--lang=en"});
  CHECK(bad_format_en.err.find("--format must be text or json, not 'xml'") != std::string::npos);
  auto bad_size = test::run_cli({"outline", "--max-file-size", "lots", "x"});
  CHECK(bad_size.exit_code == 2);
  auto unknown = test::run_cli({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.starts_with("fzcheck: 没有“frobnicate”这个命令\n\n用法：fzcheck 命令"));
  CHECK(test::run_cli({"frobnicate", "--lang", "en"})
            .err.starts_with("fzcheck: unknown command 'frobnicate'\n\nusage: fzcheck COMMAND"));
  auto version = test::run_cli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.starts_with("fzcheck "));
}

}  // namespace fzcheck
