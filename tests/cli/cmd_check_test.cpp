// fzcheck check end to end: exit codes and --fail-on, the output formats, parallel runs, rule
// selection, dates, and rule packs that do not load.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <sstream>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;
using test::run_cli;

// A pack with one rule per severity, each flagging its own word.
struct Pack {
  RulePack pack{"cli"};
  Pack() {
    pack.rule("err-word", rule_head("err-word", "pattern", "error") +
                              "message: 不要写“{match}”\nterms: [错字]\n")
        .rule("warn-word", rule_head("warn-word", "pattern", "warning") +
                               "message: 慎用“{match}”\nterms: [{find: 警字, replace: 好字}]\n")
        .rule("info-word", rule_head("info-word", "pattern", "info") +
                               "message: 注意“{match}”\nterms: [提示字]\n")
        .rule("late", rule_head("late", "deadline") +
                          "submit_by: '03-01'\n"
                          "message: '{date}晚于{deadline}'\n");
  }
  std::vector<std::string> args(std::vector<std::string> more) const {
    std::vector<std::string> out = {"check", "--no-default-rules", "--rules", pack.path().string()};
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
};

std::string doc(const std::string& body) {
  return "某局2024年度报告\n一、工作\n" + body + "\n某局\n2025年2月1日\n";
}

std::string sample(const std::string& name) {
  return test::source_path("examples/reports/" + name + ".txt").string();
}

}  // namespace

TEST_CASE("check: exit 0 without findings, 1 with an error, text output and summary") {
  Pack p;
  test::TempDir dir;
  auto clean = dir.write("clean.txt", doc("正文。")).string();
  auto bad = dir.write("bad.txt", doc("有错字。")).string();
  auto ok = run_cli(p.args({clean}));
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "共检查 1 个文件：0 个错误，0 个警告，0 条提示\n");
  CHECK(ok.err == "");
  auto r = run_cli(p.args({"--color", "never", bad, clean}));
  CHECK(r.exit_code == 1);
  CHECK(r.out == bad +
                     ":3:2: 错误: 不要写“错字” [err-word]\n"
                     "     3 | 有错字。\n"
                     "       |   ^~~~\n"
                     "       = 依据：依据err-word\n"
                     "共检查 2 个文件：1 个错误，0 个警告，0 条提示\n");
  auto en = run_cli(p.args({"--lang", "en", "--color", "always", bad}));
  CHECK(en.exit_code == 1);
  CHECK(en.out.rfind("\x1b[1m" + bad + ":3:2:\x1b[0m \x1b[1;31merror:\x1b[0m", 0) == 0);
  CHECK(en.out.find("       = basis: 依据err-word\n") != std::string::npos);
  CHECK(en.out.find("1 files checked: 1 errors, 0 warnings, 0 notes\n") != std::string::npos);
}

TEST_CASE("check: --fail-on error, warning, info or never") {
  Pack p;
  test::TempDir dir;
  auto warn = dir.write("warn.txt", doc("有警字。")).string();
  auto info = dir.write("info.txt", doc("有提示字。")).string();
  auto err = dir.write("err.txt", doc("有错字。")).string();
  auto code = [&](const std::string& fail_on, const std::string& file) {
    return run_cli(p.args({"--format", "line", "--fail-on", fail_on, file})).exit_code;
  };
  CHECK(code("error", warn) == 0);
  CHECK(code("error", err) == 1);
  CHECK(code("warning", info) == 0);
  CHECK(code("warning", warn) == 1);
  CHECK(code("warning", err) == 1);
  CHECK(code("info", info) == 1);
  CHECK(code("never", err) == 0);
  auto bad = run_cli(p.args({"--fail-on", "fatal", err}));
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "");
  CHECK(bad.err ==
        "fzcheck check: --fail-on 的值应为 error、warning、info 或 never，而不是“fatal”\n"
        "（用法见 fzcheck check --help）\n");
  auto en = run_cli(p.args({"--fail-on", "fatal", "--lang", "en", err}));
  CHECK(en.exit_code == 2);
  CHECK(en.err ==
        "fzcheck check: --fail-on must be error, warning, info or never, not 'fatal'\n"
        "(see 'fzcheck check --help')\n");
}

TEST_CASE("check: --format line and json") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("错字和警字，提示字。")).string();
  auto line = run_cli(p.args({"--format", "line", a}));
  CHECK(line.exit_code == 1);
  CHECK(line.out ==
        a + ":3:1:err-word:error\n" + a + ":3:4:warn-word:warning\n" + a + ":3:7:info-word:info\n");
  // --bare-names: the lines of a fixture's .expected file.
  auto bare = run_cli(p.args({"--format", "line", "--bare-names", a}));
  CHECK(bare.out ==
        "a.txt:3:1:err-word:error\na.txt:3:4:warn-word:warning\na.txt:3:7:info-word:info\n");

  auto json = run_cli(p.args({"--format", "json", a, a}));
  CHECK(json.exit_code == 1);
  auto j = nlohmann::json::parse(json.out);
  REQUIRE(j["files"].is_array());
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0] == j["files"][1]);
  CHECK(j["files"][0]["file"] == a);
  REQUIRE(j["files"][0]["findings"].size() == 3);
  CHECK(j["files"][0]["findings"][1]["replacement"] == "好字");
  CHECK(j["files"][0]["summary"] == nlohmann::json{{"error", 1}, {"warning", 1}, {"info", 1}});
  CHECK(json.out.rfind("{\n  \"files\": [\n    {\n      \"file\": ", 0) == 0);
  CHECK(json.out.substr(json.out.size() - 7) == "\n  ]\n}\n");
}

TEST_CASE("check: an unreadable file is an element with an error, and exit 2") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("有错字。")).string();
  auto empty = dir.write("empty.txt", "").string();
  auto missing = (dir.path() / "missing.txt").string();
  auto r = run_cli(p.args({"--format", "json", a, empty, missing}));
  CHECK(r.exit_code == 2);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 3);
  CHECK(j["files"][0]["findings"].size() == 1);
  CHECK(j["files"][1]["file"] == empty);
  CHECK(j["files"][1]["error"]["code"] == "empty");
  CHECK(j["files"][1].count("findings") == 0);
  CHECK(j["files"][2]["error"]["code"] == "not_found");
  CHECK(r.err.find("fzcheck: " + empty + ": ") == 0);
  CHECK(r.err.find("\nfzcheck: " + missing + ": ") != std::string::npos);
  // In text output the summary counts the unreadable files.
  auto text = run_cli(p.args({a, empty}));
  CHECK(text.exit_code == 2);
  CHECK(text.out.substr(text.out.rfind("共检查")) ==
        "共检查 2 个文件：1 个错误，0 个警告，0 条提示、1 个文件无法读取\n");
}

TEST_CASE("check: -j 3 prints exactly what -j 1 prints, in order") {
  std::vector<std::string> files;
  for (const auto& name : test::sample_names()) files.push_back(sample(name));
  for (const char* format : {"text", "json", "line"}) {
    CAPTURE(std::string(format));
    std::vector<std::string> one = {"check", "--format", format, "-j", "1"};
    std::vector<std::string> three = {"check", "--format", format, "-j", "3"};
    one.insert(one.end(), files.begin(), files.end());
    three.insert(three.end(), files.begin(), files.end());
    auto a = run_cli(one);
    auto b = run_cli(three);
    CHECK(a.exit_code == b.exit_code);
    CHECK(a.out.size() > 1000);
    CHECK(a.out == b.out);
    CHECK(a.err == b.err);
  }
  // An unreadable file in the middle: the same output, the same errors, in the same order.
  files.insert(files.begin() + 2, (test::TempDir().path() / "gone.txt").string());
  for (const char* format : {"text", "json"}) {
    CAPTURE(std::string(format));
    std::vector<std::string> one = {"check", "--format", format, "-j", "1"};
    std::vector<std::string> three = {"check", "--format", format, "-j", "3"};
    one.insert(one.end(), files.begin(), files.end());
    three.insert(three.end(), files.begin(), files.end());
    auto a = run_cli(one);
    auto b = run_cli(three);
    CHECK(a.exit_code == 2);
    CHECK(b.exit_code == 2);
    CHECK(a.out == b.out);
    CHECK(a.err == b.err);
    CHECK(a.err.find("gone.txt") != std::string::npos);
  }
  files.erase(files.begin() + 2);
  auto line = run_cli({"check", "--format", "line", "-j", "3", files[4], files[0]});
  CHECK(line.out.rfind(files[4] + ":", 0) == 0);
  CHECK(line.out.find(files[0] + ":") > line.out.rfind(files[4] + ":"));
}

TEST_CASE("check: --only and --disable, and unknown rule ids") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("错字和警字，提示字。")).string();
  CHECK(
      run_cli(p.args({"--format", "line", "--only", "warn-word", "--only", "info-word", a})).out ==
      a + ":3:4:warn-word:warning\n" + a + ":3:7:info-word:info\n");
  auto disabled = run_cli(p.args({"--format", "line", "--disable", "err-word", a}));
  CHECK(disabled.exit_code == 0);  // the error is gone; the rest are below --fail-on
  CHECK(disabled.out == a + ":3:4:warn-word:warning\n" + a + ":3:7:info-word:info\n");
  for (const char* flag : {"--only", "--disable"}) {
    auto r = run_cli(p.args({flag, "no-such-rule", a}));
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          "fzcheck check: 没有“no-such-rule”这条规则（规则清单见 fzcheck rules list）\n"
          "（用法见 fzcheck check --help）\n");
  }
}

TEST_CASE("check: --submitted-on and --published-on") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("正文。")).string();
  CHECK(run_cli(p.args({"--format", "line", "--submitted-on", "2025-02-28", a})).out == "");
  auto late = run_cli(p.args({"--format", "line", "--submitted-on", "2025-03-01", a}));
  CHECK(late.exit_code == 0);  // a warning
  CHECK(late.out == a + ":5:1:late:warning\n");
  for (const char* flag : {"--submitted-on", "--published-on"}) {
    for (const char* bad : {"2025-02-30", "2025/03/01", "tomorrow"}) {
      auto r = run_cli(p.args({"--lang", "en", flag, bad, a}));
      CHECK(r.exit_code == 2);
      CHECK(r.err == std::string("fzcheck check: ") + flag +
                         " must be a date as YYYY-MM-DD, not '" + bad +
                         "'\n(see 'fzcheck check --help')\n");
    }
  }
}

TEST_CASE("check: a broken rule pack prints every error as file:line:col and exits 2") {
  RulePack pack;
  pack.rule("a", rule_head("a", "pattern") + "message: m\nterms: [甲]\nscope: boddy\n")
      .rule("b", rule_head("b", "pattern") + "mesage: m\nterms: [甲]\n")
      .rule("c", rule_head("c", "pattern") + "message: m\npatterns: ['[x']\n");
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("正文。")).string();
  auto r = run_cli({"check", "--rules", pack.path().string(), a});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  const std::string base = pack.path().string() + "/";
  CHECK(r.err == base +
                     "a/rule.yaml:7:8: unknown scope 'boddy': use document, title, preamble, body, "
                     "headings, part-headings, text, signature, date or section:<part> (did you "
                     "mean 'body'?)\n" +
                     base + "b/rule.yaml:1:1: missing required key 'message' in this rule\n" +
                     base +
                     "b/rule.yaml:5:1: unknown key 'mesage' in this rule (did you mean "
                     "'message'?)\n" +
                     base + "c/rule.yaml:6:12: bad regular expression '[x': missing ]: [x\n" +
                     "fzcheck: 规则中有 4 处问题，未进行检查\n");
}

TEST_CASE("check: usage errors") {
  auto none = run_cli({"check"});
  CHECK(none.exit_code == 2);
  CHECK(none.err == "fzcheck check: 没有指定要处理的文件\n（用法见 fzcheck check --help）\n");
  auto none_en = run_cli({"check", "--lang", "en"});
  CHECK(none_en.err == "fzcheck check: no input files\n(see 'fzcheck check --help')\n");
  auto format = run_cli({"check", "--format", "xml", sample("000_564c8ac60a8ddf78")});
  CHECK(format.exit_code == 2);
  CHECK(
      format.err.starts_with("fzcheck check: --format 的值应为 text、json、ndjson、sarif、"
                             "summary、html 或 line，而不是“xml”\n"));
  auto format_en =
      run_cli({"check", "--lang", "en", "--format", "xml", sample("000_564c8ac60a8ddf78")});
  CHECK(format_en.err.starts_with(
      "fzcheck check: --format must be text, json, ndjson, sarif, summary, html or line, not "
      "'xml'\n"));
  auto jobs = run_cli({"check", "-j", "0", sample("000_564c8ac60a8ddf78")});
  CHECK(jobs.exit_code == 2);
  CHECK(jobs.err.starts_with("fzcheck check: --jobs 的值应在 1 到 256 之间\n"));
  auto no_default = run_cli({"check", "--no-default-rules", sample("000_564c8ac60a8ddf78")});
  CHECK(no_default.exit_code == 2);
  CHECK(no_default.err.starts_with(
      "fzcheck check: 使用 --no-default-rules 时，至少要用 --rules 指定一个规则包文件夹\n"));
  auto unknown = run_cli({"check", "--frobnicate", sample("000_564c8ac60a8ddf78")});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err ==
        "fzcheck check: 没有“--frobnicate”这个选项\n（用法见 fzcheck check --help）\n");
  auto help = run_cli({"check", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--fail-on") != std::string::npos);
}

TEST_CASE("check: the built-in rules on a sample report") {
  auto r = run_cli({"check", "--format", "line", "--only", "part-first-responsible",
                    sample("000_564c8ac60a8ddf78")});
  CHECK(r.exit_code == 1);
  CHECK(r.out == sample("000_564c8ac60a8ddf78") + ":1:1:part-first-responsible:error\n");
}

TEST_CASE("check: the type line, --type, and the packs that run on each type") {
  test::TempDir dir;
  auto notice = dir.write("n.txt", "关于开展法治政府建设督察的通知\n各单位：\n请按时报送。\n");
  auto report = test::source_path("examples/reports/004_982b1b364f1fe93d.txt").string();
  auto as_notice = run_cli({"check", notice.string()});
  CHECK(as_notice.out.starts_with(
      notice.string() +
      ": 文件类型：公文（未识别为已知的报告类型，按一般公文检查；文种：通知）\n"));
  CHECK(as_notice.out.find("[part-") == std::string::npos);  // no 法治 report rules on a 通知
  auto as_report = run_cli({"check", report});
  CHECK(as_report.out.starts_with(report +
                                  ": 文件类型：法治政府建设年度报告（依据标题中的“法治政府建设”"));
  CHECK(as_report.out.find("[part-") != std::string::npos);
  auto forced = run_cli({"check", "--format", "line", "--type", "gongwen", report});
  CHECK(forced.out.find(":part-") == std::string::npos);
  auto english = run_cli({"check", "--lang", "en", notice.string()});
  CHECK(
      english.out.starts_with(notice.string() + ": document type: 公文 (not a known report type"));
  auto bad = run_cli({"check", "--type", "memo", report});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.starts_with(
      "fzcheck check: --type 的值应为已声明的文件类型（government-work-report、"));
}

TEST_CASE("check: folders are walked in a stable order, hidden and other files are skipped") {
  Pack p;
  test::TempDir dir;
  dir.write("b.txt", doc("有错字。"));
  std::filesystem::create_directories(dir.path() / "a" / ".git");
  dir.write("a/z.txt", doc("正文。"));
  dir.write("a/y.TXT", doc("有警字。"));
  dir.write("a/.git/config", "x");
  dir.write(".hidden.txt", doc("有错字。"));
  dir.write("c.pdf", "%PDF-1.4");
  dir.write("d.xls", "x");
  dir.write("e.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  auto r = run_cli(p.args({"--format", "line", dir.path().string()}));
  const std::string root = dir.path().string();
  CHECK(r.exit_code == 1);
  CHECK(r.out == root + "/a/y.TXT:3:2:warn-word:warning\n" + root + "/b.txt:3:2:err-word:error\n");
  CHECK(r.err == "fzcheck: 已跳过 5 个文件：.doc 1 个、.pdf 1 个、.xls 1 个、隐藏文件 2 个\n");
  // With --convert, .doc is one of the files to check (this one is a broken .doc: unreadable).
  auto converted = run_cli(p.args({"--format", "line", "--convert", "--lang", "en", root}));
  CHECK(converted.exit_code == 2);
  CHECK(converted.err.find("e.doc") != std::string::npos);
  CHECK(converted.err.find("skipped 4 files: 1 .pdf, 1 .xls, 2 hidden\n") != std::string::npos);
  // A folder with nothing to check is a usage error that says why.
  test::TempDir empty;
  empty.write("x.pdf", "%PDF");
  auto none = run_cli(p.args({empty.path().string()}));
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("已跳过 1 个文件：.pdf 1 个") != std::string::npos);
  CHECK(none.err.find("文件夹中没有 fzcheck 能读取的文件") != std::string::npos);
}

TEST_CASE("check: - reads standard input, once") {
  Pack p;
  auto r = run_cli(p.args({"--format", "line", "-"}), doc("有错字。"));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "<stdin>:3:2:err-word:error\n");
  auto twice = run_cli(p.args({"-", "-"}), doc("有错字。"));
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("“-”（标准输入）只能指定一次") != std::string::npos);
}

TEST_CASE("check: --min-severity and -q leave out findings, --brief drops the extra lines") {
  Pack p;
  test::TempDir dir;
  auto file = dir.write("r.txt", doc("错字，警字，提示字。")).string();
  auto all = run_cli(p.args({"--format", "line", file}));
  CHECK(all.out == file + ":3:1:err-word:error\n" + file + ":3:4:warn-word:warning\n" + file +
                       ":3:7:info-word:info\n");
  CHECK(run_cli(p.args({"--format", "line", "-q", file})).out ==
        file + ":3:1:err-word:error\n" + file + ":3:4:warn-word:warning\n");
  CHECK(run_cli(p.args({"--format", "line", "--min-severity", "error", file})).out ==
        file + ":3:1:err-word:error\n");
  auto bad = run_cli(p.args({"--min-severity", "loud", file}));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--min-severity 的值应为 info、warning 或 error") != std::string::npos);
  auto brief = run_cli(p.args({"--brief", "--color", "never", "--min-severity", "warning", file}));
  CHECK(brief.out.find("= ") == std::string::npos);
  CHECK(brief.out.find(file + ":3:4: 警告: 慎用“警字” [warn-word]\n") != std::string::npos);
  CHECK(brief.out.find("共检查 1 个文件：1 个错误，1 个警告，0 条提示\n") != std::string::npos);
}

TEST_CASE("fzcheck -v and --version") {
  for (const char* flag : {"-v", "--version"}) {
    auto r = test::run_cli({flag});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("fzcheck ", 0) == 0);
    CHECK(r.out.size() > 12);
    CHECK(std::isdigit(static_cast<unsigned char>(r.out[8])));
  }
}

TEST_CASE("check: --format ndjson, sarif and summary") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("错字。")).string();
  auto b = dir.write("b.txt", doc("正文。")).string();
  const std::string missing = (dir.path() / "missing.txt").string();
  // NDJSON: a line per file, in order, an unreadable file as an error object.
  auto nd = run_cli(p.args({"--format", "ndjson", a, missing, b}));
  CHECK(nd.exit_code == 2);
  std::istringstream lines(nd.out);
  std::vector<nlohmann::json> objects;
  for (std::string line; std::getline(lines, line);) objects.push_back(nlohmann::json::parse(line));
  REQUIRE(objects.size() == 3);
  CHECK(objects[0]["file"] == a);
  CHECK(objects[0]["findings"].size() == 1);
  CHECK(objects[1]["error"]["code"] == "not_found");
  CHECK(objects[2]["findings"].empty());
  // SARIF: one log, the results of every file.
  auto sarif = run_cli(p.args({"--format", "sarif", a, b}));
  CHECK(sarif.exit_code == 1);
  auto log = nlohmann::json::parse(sarif.out);
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"][0]["results"].size() == 1);
  CHECK(log["runs"][0]["results"][0]["ruleId"] == "err-word");
  // Summary: the CSV header and a row per file; no text summary line.
  auto table = run_cli(p.args({"--format", "summary", a, missing}));
  CHECK(table.exit_code == 2);
  CHECK(table.out.rfind("\xEF\xBB\xBF文件,标题,落款机关,年度,文件类型,", 0) == 0);
  CHECK(table.out.find(a + ",某局2024年度报告,某局,2024,") != std::string::npos);
  CHECK(table.out.find(missing + ",,,,,") != std::string::npos);
  CHECK(table.out.find("共检查") == std::string::npos);
  auto bad = run_cli(p.args({"--format", "pdf", a}));
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--format 的值应为 text、json、ndjson、sarif、summary、html 或 line") !=
        std::string::npos);
}

TEST_CASE("check: --format html writes one page, -o writes it atomically") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("有错字，警字，提示字。")).string();
  auto b = dir.write("b.txt", doc("正文。")).string();
  // To standard output.
  auto out = run_cli(p.args({"--format", "html", a}));
  CHECK(out.exit_code == 1);
  CHECK(out.out.starts_with("<!DOCTYPE html>"));
  CHECK(out.out.find("<p class=\"message\">不要写“错字”</p>") != std::string::npos);
  CHECK(out.out.find("共检查") == std::string::npos);  // no text summary line
  // To a file, with --min-severity and the interface language.
  const auto page = dir.path() / "page.html";
  auto written =
      run_cli(p.args({"--format", "html", "-q", "--lang", "en", "-o", page.string(), a}));
  CHECK(written.exit_code == 1);
  CHECK(written.out == "");
  const std::string html = test::read_file(page);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("慎用“警字”") != std::string::npos);
  CHECK(html.find("注意“提示字”") == std::string::npos);
  // -o works for the other formats too.
  const auto json = dir.path() / "out.json";
  CHECK(run_cli(p.args({"--format", "json", "--output", json.string(), a})).exit_code == 1);
  CHECK(nlohmann::json::parse(test::read_file(json))["files"].size() == 1);
  // Several files need a folder.
  auto several = run_cli(p.args({"--format", "html", a, b}));
  CHECK(several.exit_code == 2);
  CHECK(several.err.find("--format html") != std::string::npos);
  CHECK(several.err.find("-o 指定文件夹") != std::string::npos);
  // An unreadable file: no page.
  const auto missing_page = dir.path() / "missing.html";
  auto missing = run_cli(
      p.args({"--format", "html", "-o", missing_page.string(), (dir.path() / "no.txt").string()}));
  CHECK(missing.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(missing_page));
  // A folder that does not exist: the error, and nothing written.
  auto bad =
      run_cli(p.args({"--format", "html", "-o", (dir.path() / "no" / "x.html").string(), a}));
  CHECK(bad.exit_code == 2);
  CHECK_FALSE(bad.err.empty());
}

TEST_CASE("check: --format html -o DIR writes a page per file and an index") {
  Pack p;
  test::TempDir dir;
  dir.write("in/a.txt", doc("有错字，警字。"));
  dir.write("in/b.txt", doc("正文。"));
  const std::string folder = (dir.path() / "in").string();
  const std::string missing = (dir.path() / "no.txt").string();
  const auto out = dir.path() / "out" / "pages";  // made, with its parent
  auto run = run_cli(p.args({"--format", "html", "-o", out.string(), folder, missing}));
  CHECK(run.exit_code == 2);  // the unreadable file outranks the error finding
  CHECK(run.out == "");
  CHECK(run.err.find("no.txt") != std::string::npos);
  REQUIRE(std::filesystem::exists(out / "001-a.html"));
  REQUIRE(std::filesystem::exists(out / "002-b.html"));
  CHECK_FALSE(std::filesystem::exists(out / "003-no.html"));
  CHECK(test::read_file(out / "001-a.html").find("不要写“错字”") != std::string::npos);
  CHECK(test::read_file(out / "002-b.html").starts_with("<!DOCTYPE html>"));
  const std::string index = test::read_file(out / "index.html");
  CHECK(index.starts_with("<!DOCTYPE html>"));
  CHECK(index.find("<a href=\"001-a.html\">") != std::string::npos);
  CHECK(index.find("<a href=\"002-b.html\">") != std::string::npos);
  CHECK(index.find("<tr class=\"row-error\">") != std::string::npos);
  CHECK(index.find("<tr class=\"row-unreadable\"><td class=\"mark-cell\">无法读取</td><td>" +
                   missing + "</td>") != std::string::npos);
  CHECK(index.find("检查结果汇总（共3个文件）") != std::string::npos);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(out)) ++files;
  CHECK(files == 3);  // no temporary file left behind
  // One file into an existing folder, or a name ending in '/': a page and an index too.
  auto one = run_cli(p.args({"--format", "html", "-o", out.string(), folder + "/b.txt"}));
  CHECK(one.exit_code == 0);
  CHECK(test::read_file(out / "index.html").find("<a href=\"001-b.html\">") != std::string::npos);
  const std::string slash = (dir.path() / "slash").string() + "/";
  CHECK(run_cli(p.args({"--format", "html", "-o", slash, folder + "/b.txt"})).exit_code == 0);
  CHECK(std::filesystem::exists(dir.path() / "slash" / "001-b.html"));
  CHECK(std::filesystem::exists(dir.path() / "slash" / "index.html"));
  // Standard input is the page "stdin"; a long name is cut at a character boundary.
  const std::string stdin_dir = (dir.path() / "stdin").string() + "/";
  CHECK(run_cli(p.args({"--format", "html", "-o", stdin_dir, "-"}), doc("正文。")).exit_code == 0);
  CHECK(std::filesystem::exists(dir.path() / "stdin" / "001-stdin.html"));
  std::string long_name = "x";
  for (int i = 0; i < 60; ++i) long_name += "报";  // 181 bytes: byte 120 is inside a 报
  dir.write("long/" + long_name + ".txt", doc("正文。"));
  const auto long_out = dir.path() / "long-out";
  CHECK(run_cli(p.args({"--format", "html", "-o", long_out.string() + "/",
                        (dir.path() / "long").string()}))
            .exit_code == 0);
  CHECK(std::filesystem::exists(long_out / ("001-" + long_name.substr(0, 118) + ".html")));
}

namespace {

// The sample report 000 and its second draft: a paragraph added near the top (every line below
// it moves), a half-width comma in the part on shortcomings and 法制副校长 in the last section.
struct Drafts {
  test::TempDir dir;
  std::string first, second, baseline;
  Drafts() {
    const std::string text = test::read_file(sample("000_564c8ac60a8ddf78"));
    first = dir.write("初稿/report.txt", text).string();
    std::string edited = text;
    auto replace = [&](const std::string& from, const std::string& to) {
      const auto at = edited.find(from);
      REQUIRE(at != std::string::npos);
      edited.replace(at, from.size(), to);
    };
    const std::string preamble_end = "\n一、主要措施及成效\n";
    replace(preamble_end, "\n为做好法治政府建设工作，我局召开专题会议进行部署。" + preamble_end);
    replace("存在短板。", "存在短板,");
    const auto line = edited.find("实施师生法治素养提升工程");
    REQUIRE(line != std::string::npos);
    edited.insert(edited.find('\n', line), "各校均聘请法制副校长。");
    second = dir.write("二稿/report.txt", edited).string();
    baseline = (dir.path() / "基线.json").string();
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("check: --write-baseline, then --baseline reports only the new findings of a draft") {
  Drafts d;
  auto first = run_cli({"check", "--format", "line", d.first, "--write-baseline", d.baseline});
  CHECK(first.exit_code == 1);  // the sample misses its part on the 第一责任人: an error
  const auto first_lines = lines_of(first.out);
  REQUIRE(first_lines.size() > 20);
  CHECK(first.err == "fzcheck: 已写出基线 " + d.baseline + "：1 个文件，" +
                         std::to_string(first_lines.size()) + " 个问题\n");
  auto written = nlohmann::json::parse(test::read_file(d.baseline));
  CHECK(written["fzcheck_baseline"] == 1);
  REQUIRE(written["files"].size() == 1);
  CHECK(written["files"][0]["file"] == d.first);
  CHECK(written["files"][0]["findings"].size() == first_lines.size());
  CHECK(written["files"][0]["findings"][0]["fingerprint"].get<std::string>().size() == 16);

  // The second draft in another folder: matched by its file name; the paragraph above moved
  // every line, and only the two new findings are reported. No new error: exit 0.
  auto second = run_cli({"check", "--format", "line", d.second, "--baseline", d.baseline});
  CHECK(second.exit_code == 0);
  CHECK(second.err == "");
  CHECK(lines_of(second.out) == Lines{d.second + ":18:20:halfwidth-punctuation:warning",
                                      d.second + ":25:207:term-fazhi:warning"});
  // Without the baseline, the draft has all the old findings too.
  auto all = run_cli({"check", "--format", "line", d.second});
  CHECK(all.exit_code == 1);
  CHECK(lines_of(all.out).size() == first_lines.size() + 2);
  // The exit status follows the new findings only.
  CHECK(run_cli({"check", d.second, "--baseline", d.baseline, "--fail-on", "warning"}).exit_code ==
        1);
  // The text summary says how many were left out as known, in both languages.
  auto text = run_cli({"check", d.second, "--baseline", d.baseline});
  CHECK(text.out.substr(text.out.rfind("共检查")) ==
        "共检查 1 个文件：0 个错误，2 个警告，0 条提示、基线中已有的 " +
            std::to_string(first_lines.size()) + " 个问题未列出\n");
  auto en = run_cli({"check", d.second, "--baseline", d.baseline, "--lang", "en"});
  CHECK(en.out.find("1 files checked: 0 errors, 2 warnings, 0 notes, " +
                    std::to_string(first_lines.size()) +
                    " findings already in the baseline not shown\n") != std::string::npos);
  // -q: the known notes are not counted either.
  auto quiet = run_cli({"check", d.second, "--baseline", d.baseline, "-q", "--format", "json"});
  auto qj = nlohmann::json::parse(quiet.out);
  std::size_t known_warnings = 0;
  for (const std::string& line : first_lines) {
    if (!line.ends_with(":info")) ++known_warnings;
  }
  CHECK(qj["files"][0]["baseline"]["known"] == known_warnings);

  // JSON: the new findings with their fingerprints, the count of known ones, the entry matched.
  auto json = run_cli({"check", "--format", "json", d.second, "--baseline", d.baseline});
  auto j = nlohmann::json::parse(json.out);
  const auto& file = j["files"][0];
  REQUIRE(file["findings"].size() == 2);
  CHECK(file["findings"][0]["rule"] == "halfwidth-punctuation");
  CHECK(file["findings"][1]["rule"] == "term-fazhi");
  CHECK(file["findings"][1]["excerpt"] == "法制副校长");
  for (const auto& f : file["findings"]) CHECK(f["fingerprint"].get<std::string>().size() == 16);
  CHECK(file["baseline"] == nlohmann::json({{"file", d.first}, {"known", first_lines.size()}}));
  CHECK(file["summary"]["warning"] == 2);
  // SARIF: the new results only, marked new, with their fingerprints.
  auto sarif = run_cli({"check", "--format", "sarif", d.second, "--baseline", d.baseline});
  auto log = nlohmann::json::parse(sarif.out);
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["baselineState"] == "new");
  CHECK(results[1]["partialFingerprints"]["fzcheck/v1"] == file["findings"][1]["fingerprint"]);
  CHECK(log["runs"][0]["artifacts"][0]["properties"]["knownFindings"] == first_lines.size());
}

TEST_CASE("check: --baseline and --write-baseline together update the baseline") {
  Drafts d;
  REQUIRE(run_cli({"check", d.first, "--write-baseline", d.baseline}).exit_code == 1);
  auto update = run_cli({"check", "--format", "line", d.second, "--baseline", d.baseline,
                         "--write-baseline", d.baseline});
  CHECK(update.exit_code == 0);
  CHECK(lines_of(update.out).size() == 2);
  auto written = nlohmann::json::parse(test::read_file(d.baseline));
  REQUIRE(written["files"].size() == 1);
  CHECK(written["files"][0]["file"] == d.second);
  const std::size_t all = lines_of(run_cli({"check", "--format", "line", d.second}).out).size();
  CHECK(written["files"][0]["findings"].size() == all);  // the known ones and the new ones
  // Checked again against the updated baseline: nothing is new.
  auto again = run_cli({"check", d.second, "--baseline", d.baseline, "--fail-on", "info"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.substr(again.out.rfind("共检查")) ==
        "共检查 1 个文件：0 个错误，0 个警告，0 条提示、基线中已有的 " + std::to_string(all) +
            " 个问题未列出\n");
}

TEST_CASE("check: a baseline that is missing or broken is an error, exit 2") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("a.txt", doc("有错字。")).string();
  const std::string missing = (dir.path() / "none.json").string();
  auto gone = run_cli(p.args({a, "--baseline", missing}));
  CHECK(gone.exit_code == 2);
  CHECK(gone.out == "");
  CHECK(gone.err ==
        "fzcheck: " + missing +
            ": 基线文件不存在（基线文件由 fzcheck check --write-baseline FILE 写出）\n");
  auto broken_file =
      dir.write("broken.json", "{\n  \"fzcheck_baseline\": 1,\n  \"文件\": 报告\n}\n");
  auto broken = run_cli(p.args({a, "--baseline", broken_file.string()}));
  CHECK(broken.exit_code == 2);
  CHECK(broken.out == "");
  CHECK(broken.err.rfind("fzcheck: " + broken_file.string() +
                             ":3:9: 基线文件不是有效的 JSON：syntax error while parsing value",
                         0) == 0);
  auto english = run_cli(p.args({a, "--baseline", broken_file.string(), "--lang", "en"}));
  CHECK(english.exit_code == 2);
  CHECK(english.err.find(":3:9: the baseline is not valid JSON: ") != std::string::npos);
  auto other = dir.write("other.json", "{\"files\": []}");
  auto not_one = run_cli(p.args({a, "--baseline", other.string()}));
  CHECK(not_one.exit_code == 2);
  CHECK(not_one.err.find("这不是 fzcheck 的基线文件") != std::string::npos);
  // A folder given as the baseline.
  CHECK(run_cli(p.args({a, "--baseline", dir.path().string()})).exit_code == 2);
  // -o and --write-baseline on the same file.
  const std::string out = (dir.path() / "out.json").string();
  auto same = run_cli(p.args({a, "--format", "json", "-o", out, "--write-baseline", out}));
  CHECK(same.exit_code == 2);
  CHECK(same.err.find("--write-baseline 与 -o 指向同一个文件") != std::string::npos);
}

TEST_CASE(
    "check: baseline entries by path or file name, files it does not know, unreadable files") {
  Pack p;
  test::TempDir dir;
  auto a = dir.write("old/a.txt", doc("有错字。")).string();
  auto b = dir.write("old/b.txt", doc("有警字。")).string();
  const std::string baseline = (dir.path() / "b.json").string();
  CHECK(run_cli(p.args({a, b, "--write-baseline", baseline})).exit_code == 1);
  // The new folder: a.txt has one more error, b.txt is the same, c.txt is new.
  auto a2 = dir.write("new/a.txt", doc("有错字。\n又有错字。")).string();
  auto b2 = dir.write("new/b.txt", doc("有警字。")).string();
  auto c2 = dir.write("new/c.txt", doc("有错字。")).string();
  auto r = run_cli(p.args({"--format", "line", a2, b2, c2, "--baseline", baseline}));
  CHECK(r.exit_code == 1);
  CHECK(lines_of(r.out) == Lines{a2 + ":4:3:err-word:error", c2 + ":3:2:err-word:error"});
  CHECK(r.err ==
        "fzcheck: 基线 " + baseline + " 中没有 " + c2 + " 的记录，其中的问题都按新问题报告\n");
  // One file against a baseline of one file: matched whatever its name.
  const std::string one = (dir.path() / "one.json").string();
  REQUIRE(run_cli(p.args({a, "--write-baseline", one})).exit_code == 1);
  auto renamed = dir.write("报告-二稿.txt", doc("有错字。"));
  auto same = run_cli(p.args({renamed.string(), "--baseline", one}));
  CHECK(same.exit_code == 0);
  CHECK(same.err == "");
  // Standard input too.
  CHECK(run_cli(p.args({"-", "--baseline", one}), doc("有错字。")).exit_code == 0);
  // A file that cannot be read: the baseline is not written (its findings would come back as new).
  const std::string partial = (dir.path() / "partial.json").string();
  auto unreadable =
      run_cli(p.args({a, (dir.path() / "missing.txt").string(), "--write-baseline", partial}));
  CHECK(unreadable.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(partial));
  CHECK(unreadable.err.find("有文件无法读取，未写出基线 " + partial) != std::string::npos);
}

namespace {

// A pack with a report type and one rule that compares with last year's report.
struct PreviousPack {
  RulePack pack{"yoy",
                "document_types:\n  - {id: annual, name: 年报, title: ['年度报告']}\n"
                "  - {id: other, name: 其他, fallback: true}\n"};
  PreviousPack() {
    pack.rule("copy", rule_head("copy", "previous-report", "info") +
                          "compare: passages\nmin_length: 20\n"
                          "message: '{length}字同上年（{previous}第{previous_line}行）'\n");
  }
  std::vector<std::string> args(std::vector<std::string> more) const {
    std::vector<std::string> out = {"check", "--no-default-rules", "--rules", pack.path().string(),
                                    "--no-config"};
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
};

// The report of `organ` about `year`, with a passage every year has.
std::string annual(const std::string& organ, int year, const std::string& extra = "") {
  return organ + std::to_string(year) + "年度报告\n一、主要举措\n" + std::to_string(year) +
         "年，甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。" + extra + "\n" + organ + "\n" +
         std::to_string(year + 1) + "年1月5日\n";
}

}  // namespace

TEST_CASE("check: --previous FILE compares the report with last year's") {
  PreviousPack p;
  test::TempDir dir;
  auto last = dir.write("2022.txt", annual("某局", 2022)).string();
  auto now = dir.write("2023.txt", annual("某局", 2023)).string();
  auto r = run_cli(p.args({"--format", "line", now, "--previous", last}));
  CHECK(r.exit_code == 0);
  // The copy starts at the heading both years have.
  CHECK(r.out == now + ":2:1:copy:info\n");
  CHECK(r.err == "");
  auto text = run_cli(p.args({"--color", "never", "--brief", now, "--previous", last}));
  CHECK(lines_of(text.out) == Lines{now + ": 文件类型：年报（依据标题中的“年度报告”）",
                                    now + ": 对照上一年度报告：" + last,
                                    now + ":2:1: 提示: 33字同上年（" + last + "第2行） [copy]",
                                    "     2 | 一、主要举措", "       | ^~~~~~~~~~~~",
                                    "共检查 1 个文件：0 个错误，0 个警告，1 条提示"});
  auto json =
      nlohmann::json::parse(run_cli(p.args({"--format", "json", now, "--previous", last})).out);
  CHECK(json["files"][0]["previous"] == last);
  CHECK(json["files"][0]["findings"].size() == 1);
  // Without it, nothing; and no "previous" in the JSON.
  auto alone = nlohmann::json::parse(run_cli(p.args({"--format", "json", now})).out);
  CHECK(alone["files"][0]["findings"].empty());
  CHECK_FALSE(alone["files"][0].contains("previous"));
  // A report of two years before: compared as asked, with a note.
  auto older = dir.write("2021.txt", annual("某局", 2021)).string();
  auto note = run_cli(p.args({"--format", "line", now, "--previous", older}));
  CHECK(note.exit_code == 0);
  CHECK(note.out == now + ":2:1:copy:info\n");
  CHECK(note.err == "fzcheck: 注意：上一年度报告 " + older + " 是2021年的报告，" + now +
                        " 是2023年的报告，并非相邻年度\n");
}

TEST_CASE("check: --previous that is the input, unreadable, of another type, with several inputs") {
  PreviousPack p;
  test::TempDir dir;
  auto now = dir.write("2023.txt", annual("某局", 2023)).string();
  auto same = run_cli(p.args({now, "--previous", now}));
  CHECK(same.exit_code == 2);
  CHECK(same.out == "");
  CHECK(same.err == "fzcheck check: --previous 与被检查的文件是同一个文件（" + now +
                        "）：应指定上一年度的报告\n（用法见 fzcheck check --help）\n");
  // The same file by another path.
  auto other_path = (dir.path() / "." / "2023.txt").string();
  CHECK(run_cli(p.args({now, "--previous", other_path})).exit_code == 2);
  auto missing = (dir.path() / "2022.txt").string();
  auto unreadable = run_cli(p.args({now, "--previous", missing}));
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.out == "");
  CHECK(unreadable.err.rfind("fzcheck: 上一年度报告无法读取：" + missing, 0) == 0);
  auto en = run_cli(p.args({"--lang", "en", now, "--previous", missing}));
  CHECK(en.err.rfind("fzcheck: last year's report cannot be read: " + missing, 0) == 0);
  auto other_type =
      dir.write("minutes.txt", "会议纪要\n2022年的事。\n某局\n2023年1月5日\n").string();
  auto mismatch = run_cli(p.args({now, "--previous", other_type}));
  CHECK(mismatch.exit_code == 2);
  CHECK(mismatch.err.find("上一年度报告 " + other_type +
                          " 是“other”类文件，与本文件的“annual”类型不同") != std::string::npos);
  auto last = dir.write("2022.txt", annual("某局", 2022)).string();
  auto two = run_cli(p.args({now, last, "--previous", last}));
  CHECK(two.exit_code == 2);
  CHECK(two.err.find("--previous 只能与一个输入文件同用") != std::string::npos);
}

TEST_CASE("check: in a folder, each report is paired with last year's of the same organ") {
  PreviousPack p;
  test::TempDir dir;
  auto a21 = dir.write("reports/a-2021.txt", annual("甲局", 2021)).string();
  auto a22 = dir.write("reports/a-2022.txt", annual("甲局", 2022)).string();
  auto a24 = dir.write("reports/a-2024.txt", annual("甲局", 2024)).string();  // 2023 is missing
  auto b22 = dir.write("reports/b-2022.txt", annual("乙局", 2022)).string();  // another organ
  auto minutes =
      dir.write(
             "reports/c-2023.txt",
             "会议纪要\n2023年，甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。\n甲局\n2024年1月5日\n")
          .string();
  auto r = run_cli(p.args({"--format", "line", "-j", "2", (dir.path() / "reports").string()}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == a22 + ":2:1:copy:info\n");
  CHECK(r.err == "");
  auto json = nlohmann::json::parse(
      run_cli(p.args({"--format", "json", (dir.path() / "reports").string()})).out);
  REQUIRE(json["files"].size() == 5);
  CHECK(json["files"][1]["file"] == a22);
  CHECK(json["files"][1]["previous"] == a21);
  CHECK_FALSE(json["files"][0].contains("previous"));
  CHECK_FALSE(json["files"][2].contains("previous"));
  // --no-pairing: nothing compared.
  auto off =
      run_cli(p.args({"--format", "line", "--no-pairing", (dir.path() / "reports").string()}));
  CHECK(off.out == "");
  // Two reports of 2021 for 甲局: the 2022 report is not paired, and it is said.
  auto copy = dir.write("reports/a-2021-copy.txt", annual("甲局", 2021)).string();
  auto two = run_cli(p.args({"--format", "line", (dir.path() / "reports").string()}));
  CHECK(two.out == "");
  // (a-2021-copy.txt comes before a-2021.txt: '-' sorts before '.')
  CHECK(two.err == "fzcheck: " + a22 + " 有多份可能的上一年度报告（" + copy + "、" + a21 +
                       "），未配对；请用 --previous 单独指定\n");
  (void)a24;
  (void)b22;
  (void)minutes;
}

}  // namespace fzcheck
