// Baselines (docs/baseline.md): a report's findings recorded, written and read back; errors with
// their place; the entry of a checked file found by path, by the end of its path or as the only
// one; the known findings taken out of a report.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "fzcheck/baseline.hpp"
#include "fzcheck/i18n.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

const RuleSet& rules() {
  static const RuleSet set = [] {
    RulePack pack;
    pack.rule("words", rule_head("words", "pattern", "error") +
                           "message: 不要写“{match}”\nterms: [法制教育, 错字]\n")
        .rule("sig", rule_head("sig", "element-present", "info") +
                         "element: signature\nmessage: 没有落款\n");
    return pack.rules();
  }();
  return set;
}

const std::string kDraft = "某局报告\n导语讲法制教育。\n一、工作\n有错字。\n又有错字。\n";

Report checked(const std::string& text, const std::string& name = "初稿/t.txt") {
  return check(test::parse(text, name), rules());
}

std::string written(const Baseline& baseline) {
  std::ostringstream out;
  write_baseline(out, baseline);
  return out.str();
}

// The error of a baseline that does not parse.
Error parse_error(const std::string& json) {
  auto parsed = parse_baseline(json, "b.json");
  REQUIRE_FALSE(parsed.ok());
  return parsed.error();
}

BaselineFile entry(const std::string& file) {
  return BaselineFile{file, {}};
}

}  // namespace

TEST_CASE("baseline: a report's findings recorded in order, with rule, line and excerpt") {
  const Report report = checked(kDraft);
  REQUIRE(report.findings.size() == 4);
  const BaselineFile file = to_baseline(report);
  CHECK(file.file == "初稿/t.txt");
  REQUIRE(file.findings.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(file.findings[i].fingerprint == report.findings[i].fingerprint);
    CHECK(file.findings[i].rule_id == report.findings[i].rule_id);
    CHECK(file.findings[i].line == report.findings[i].begin.line);
    CHECK(file.findings[i].excerpt == report.findings[i].excerpt);
  }
  // After a baseline took some out, both the new and the known ones are recorded, in order.
  Report applied = report;
  BaselineFile some = file;
  some.findings.erase(some.findings.begin() + 1);  // 错字 on line 4 is new
  apply_baseline(applied, &some);
  REQUIRE(applied.findings.size() == 1);
  const BaselineFile again = to_baseline(applied);
  REQUIRE(again.findings.size() == 4);
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(again.findings[i].fingerprint == file.findings[i].fingerprint);
}

TEST_CASE("baseline: written as JSON, a finding a line, and read back") {
  Baseline baseline;
  baseline.add(to_baseline(checked(kDraft)));
  baseline.add(entry("empty.txt"));
  const std::string json = written(baseline);
  CHECK(json.rfind("{\n  \"fzcheck_baseline\": 1,\n  \"fingerprint_version\": 1,\n", 0) == 0);
  CHECK(json.find("\n        {\"fingerprint\":\"" + baseline.files[0].findings[0].fingerprint +
                  "\",\"rule\":\"words\",\"line\":2,\"excerpt\":\"法制教育\"},\n") !=
        std::string::npos);
  CHECK(json.find("\"file\": \"empty.txt\",\n      \"findings\": []") != std::string::npos);
  auto j = nlohmann::json::parse(json);
  CHECK(j["written_by"].get<std::string>().rfind("fzcheck ", 0) == 0);
  CHECK(j["files"].size() == 2);
  auto back = parse_baseline(json, "b.json");
  REQUIRE(back.ok());
  REQUIRE(back->files.size() == 2);
  CHECK(back->files[0].file == "初稿/t.txt");
  REQUIRE(back->files[0].findings.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const BaselineFinding& a = baseline.files[0].findings[i];
    const BaselineFinding& b = back->files[0].findings[i];
    CHECK(std::tie(a.fingerprint, a.rule_id, a.line, a.excerpt) ==
          std::tie(b.fingerprint, b.rule_id, b.line, b.excerpt));
  }
  CHECK(back->files[1].findings.empty());
  // An empty baseline is a baseline too.
  auto none = parse_baseline(written(Baseline{}), "b.json");
  REQUIRE(none.ok());
  CHECK(none->files.empty());
  // A file recorded again replaces its entry.
  baseline.add(entry("初稿/t.txt"));
  CHECK(baseline.files.size() == 2);
  CHECK(baseline.files[0].findings.empty());
}

TEST_CASE("baseline: only the fingerprints are needed, the rest is for people") {
  auto b = parse_baseline(
      R"({"fzcheck_baseline": 1, "fingerprint_version": 1, "files": [)"
      R"({"file": "a.txt", "findings": [{"fingerprint": "00ff"}, {"fingerprint": "01", "line": "x"}]}]})",
      "b.json");
  REQUIRE(b.ok());
  REQUIRE(b->files[0].findings.size() == 2);
  CHECK(b->files[0].findings[0].fingerprint == "00ff");
  CHECK(b->files[0].findings[1].line == 0);
}

TEST_CASE("baseline: JSON syntax errors have their line and code-point column") {
  Error e = parse_error("{\n  \"fzcheck_baseline\": 1,\n  \"文件\": 报告\n}");
  CHECK(e.file == "b.json");
  CHECK(e.code == ErrorCode::corrupt);
  CHECK(e.key == "error_baseline_json");
  CHECK(e.pos == Position{3, 9});  // 报 is the 9th code point of line 3
  CHECK(e.message.rfind("the baseline is not valid JSON: syntax error", 0) == 0);
  CHECK(error_text(e, "zh-CN").rfind("b.json:3:9: 基线文件不是有效的 JSON：", 0) == 0);
  Error empty = parse_error("");
  CHECK(empty.key == "error_baseline_json");
  CHECK(empty.pos == Position{1, 1});
  Error cut = parse_error("{\"files\": [");
  CHECK(cut.pos.line == 1);
}

TEST_CASE("baseline: a JSON document that is not a baseline says what is wrong and where") {
  CHECK(parse_error("[]").key == "error_baseline_not_baseline");
  CHECK(parse_error(R"({"files": []})").key == "error_baseline_not_baseline");
  Error format = parse_error(R"({"fzcheck_baseline": 2, "fingerprint_version": 1, "files": []})");
  CHECK(format.key == "error_baseline_format");
  CHECK(format.message ==
        "the baseline is in format 2, which this version of fzcheck does not read");
  Error version = parse_error(R"({"fzcheck_baseline": 1, "fingerprint_version": 0, "files": []})");
  CHECK(version.key == "error_baseline_fingerprints");
  CHECK(error_text(version, "zh-CN") ==
        "b.json: 基线文件中的指纹为第 0 版，当前版本的 fzcheck 生成第 1 版，两者无法比较");
  CHECK(parse_error(R"({"fzcheck_baseline": 1, "files": []})").key ==
        "error_baseline_fingerprints");
  const std::string head = R"({"fzcheck_baseline": 1, "fingerprint_version": 1, )";
  Error files = parse_error(head + R"("files": {}})");
  CHECK(files.key == "error_baseline_want_array");
  CHECK(files.message == "the baseline is damaged: /files is missing or not an array");
  CHECK(parse_error(head + R"("files": [3]})").message ==
        "the baseline is damaged: /files/0 is not an object");
  CHECK(parse_error(head + R"("files": [{"findings": []}]})").message ==
        "the baseline is damaged: /files/0/file is missing or not a string");
  Error fp = parse_error(head + R"("files": [{"file": "a", "findings": [{"fingerprint": 1}]}]})");
  CHECK(fp.message ==
        "the baseline is damaged: /files/0/findings/0/fingerprint is missing or not a "
        "string");
  CHECK(error_text(fp, "zh-CN") ==
        "b.json: 基线文件已损坏：缺少 /files/0/findings/0/fingerprint，或它不是字符串");
}

TEST_CASE("baseline: read from a file, and a missing file or a folder is an error") {
  test::TempDir dir;
  Baseline baseline;
  baseline.add(to_baseline(checked(kDraft)));
  const auto path = dir.write("b.json", written(baseline));
  auto back = read_baseline(path);
  REQUIRE(back.ok());
  CHECK(back->files.size() == 1);
  auto missing = read_baseline(dir.path() / "none.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
  CHECK(missing.error().key == "error_baseline_not_found");
  CHECK(missing.error().file == (dir.path() / "none.json").string());
  auto folder = read_baseline(dir.path());
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().code == ErrorCode::not_a_file);
  auto broken = read_baseline(dir.write("broken.json", "{\"fzcheck_baseline\": 1,,}"));
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().pos == Position{1, 24});
}

TEST_CASE("baseline: the entry of a file by path, by the end of its path, or as the only one") {
  Baseline b;
  for (const char* f : {"初稿/甲局/报告.txt", "初稿/乙局/报告.txt", "初稿/说明.txt", "/abs/丙.txt"})
    b.add(entry(f));
  auto file_of = [&](std::string_view file, bool only_file = false) {
    const BaselineFile* e = b.find(file, only_file);
    return e ? e->file : std::string("none");
  };
  CHECK(file_of("初稿/甲局/报告.txt") == "初稿/甲局/报告.txt");
  CHECK(file_of("./初稿/甲局/../甲局/报告.txt") == "初稿/甲局/报告.txt");
  // A second draft in another folder: the longest common end of the path, when only one has it.
  CHECK(file_of("二稿/乙局/报告.txt") == "初稿/乙局/报告.txt");
  CHECK(file_of("/home/me/二稿/说明.txt") == "初稿/说明.txt");
  CHECK(file_of("丙.txt") == "/abs/丙.txt");
  // 报告.txt alone fits two entries equally well: neither.
  CHECK(file_of("二稿/报告.txt") == "none");
  CHECK(file_of("二稿/报告.txt", true) == "none");  // the baseline has more than one file
  CHECK(file_of("其他.txt") == "none");
  // One file checked against a baseline of one file: whatever their names.
  Baseline one;
  one.add(entry("报告-初稿.txt"));
  CHECK(one.find("报告-二稿.txt") == nullptr);
  REQUIRE(one.find("报告-二稿.txt", true) != nullptr);
  CHECK(one.find("<stdin>", true)->file == "报告-初稿.txt");
  CHECK(Baseline{}.find("a.txt", true) == nullptr);
}

TEST_CASE("baseline: applied, the known findings leave the report and are counted") {
  const Report first = checked(kDraft);
  const BaselineFile recorded = to_baseline(first);
  // The second draft: a paragraph above, one more 错字 under the heading, 法制教育 gone.
  Report second =
      checked("某局报告\n新的导语。\n一、工作\n有错字。\n又有错字。\n还有错字。\n", "二稿/t.txt");
  REQUIRE(second.findings.size() == 4);
  apply_baseline(second, &recorded);
  REQUIRE(second.baseline);
  CHECK(second.baseline->file == "初稿/t.txt");
  CHECK(second.baseline->known.size() == 3);  // two 错字 and the missing signature
  REQUIRE(second.findings.size() == 1);
  CHECK(second.findings[0].excerpt == "错字");
  CHECK(second.findings[0].begin.line == 6);
  CHECK(second.count(Severity::error) == 1);
  // No entry: every finding is new, and the report says it was compared with nothing.
  Report third = checked(kDraft);
  apply_baseline(third, nullptr);
  REQUIRE(third.baseline);
  CHECK(third.baseline->file.empty());
  CHECK(third.baseline->known.empty());
  CHECK(third.findings.size() == 4);
}

}  // namespace fzcheck
