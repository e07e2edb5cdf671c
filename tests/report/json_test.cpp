// JSON: one file's findings (fields, order, types; docs/check-json.md), the {"files": [...]}
// document of several files, and the rule list.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fzcheck/read.hpp"
#include "fzcheck/report.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

Report sample() {
  RulePack pack;
  pack.rule("words", rule_head("words", "pattern", "error") +
                         "message: 不要写“{match}”\n"
                         "terms: [法制教育, {find: 法制副校长, replace: 法治副校长}]\n")
      .rule("sig", rule_head("sig", "element-present", "info") +
                       "element: signature\nmessage: 没有落款\n");
  return check(test::parse("某局报告\n导语讲法制教育。\n一、工作\n聘请法制副校长。\n", "d/t.txt"),
               pack.rules());
}

// The JSON of a report as fzcheck 0.2 wrote it, through an nlohmann::ordered_json tree: the
// reference the streaming writer must equal byte for byte.
std::string tree_json(const Report& report, int indent) {
  using Json = nlohmann::ordered_json;
  Json findings = Json::array();
  for (const Finding& f : report.findings) {
    Json j;
    j["rule"] = f.rule_id;
    j["severity"] = to_string(f.severity);
    j["message"] = f.message;
    j["line"] = f.begin.line;
    j["column"] = f.begin.column;
    j["end_line"] = f.end.line;
    j["end_column"] = f.end.column;
    j["excerpt"] = f.excerpt;
    j["replacement"] = f.replacement ? Json(*f.replacement) : Json(nullptr);
    j["source"] = f.source;
    j["heading"] = f.heading.empty() ? Json(nullptr) : Json(f.heading);
    j["fingerprint"] = f.fingerprint;
    findings.push_back(std::move(j));
  }
  Json j;
  j["file"] = report.file;
  const DocumentType& type = report.type;
  j["document_type"] = {{"id", type.id},
                        {"name", type.name},
                        {"basis", to_string(type.basis)},
                        {"evidence", type.evidence},
                        {"genre", type.genre.empty() ? Json(nullptr) : Json(type.genre)}};
  if (type.basis == DocumentType::Basis::body) j["document_type"]["count"] = type.count;
  j["packs"] = report.packs;
  j["year"] = report.year ? Json(report.year) : Json(nullptr);
  Json parts = Json::array();
  for (const PartStatus& p : report.parts) {
    parts.push_back({{"pack", p.pack},
                     {"part", p.id},
                     {"name", p.name},
                     {"found", to_string(p.how)},
                     {"line", p.line ? Json(p.line) : Json(nullptr)}});
  }
  j["parts"] = std::move(parts);
  j["findings"] = std::move(findings);
  j["summary"] = {{"error", report.count(Severity::error)},
                  {"warning", report.count(Severity::warning)},
                  {"info", report.count(Severity::info)}};
  if (report.baseline) {
    j["baseline"] = {
        {"file", report.baseline->file.empty() ? Json(nullptr) : Json(report.baseline->file)},
        {"known", report.baseline->known.size()}};
  }
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string report_json(const Report& report, int indent = 2) {
  std::ostringstream out;
  write_json(out, report, indent);
  return out.str();
}

}  // namespace

TEST_CASE("json: every field of a finding, in order") {
  const Report report = sample();
  REQUIRE(report.findings.size() == 3);
  auto fp = [&](std::size_t i) { return R"(,"fingerprint":")" + report.findings[i].fingerprint; };
  CHECK(
      report_json(report, -1) ==
      R"({"file":"d/t.txt","document_type":{"id":"","name":"","basis":"fallback","evidence":"",)"
      R"("genre":null},"packs":["t"],"year":null,"parts":[],"findings":[)"
      R"({"rule":"words","severity":"error","message":"不要写“法制教育”","line":2,"column":4,)"
      R"("end_line":2,"end_column":8,"excerpt":"法制教育","replacement":null,)"
      R"("source":"依据words","heading":null)" +
          fp(0) +
          R"("},)"
          R"({"rule":"words","severity":"error","message":"不要写“法制副校长”","line":4,"column":3,)"
          R"("end_line":4,"end_column":8,"excerpt":"法制副校长","replacement":"法治副校长",)"
          R"("source":"依据words","heading":"一、工作")" +
          fp(1) +
          R"("},)"
          R"({"rule":"sig","severity":"info","message":"没有落款","line":4,"column":9,)"
          R"("end_line":4,"end_column":9,"excerpt":"","replacement":null,"source":"依据sig",)"
          R"("heading":"一、工作")" +
          fp(2) +
          R"("}],)"
          R"("summary":{"error":2,"warning":0,"info":1}})");
  for (const Finding& f : report.findings) CHECK(f.fingerprint.size() == 16);
}

TEST_CASE("json: a report compared with a baseline counts the known findings") {
  Report report = sample();
  auto j = nlohmann::json::parse(report_json(report, -1));
  CHECK_FALSE(j.contains("baseline"));  // not compared with one
  report.baseline = BaselineMatch{"初稿/t.txt", {report.findings[0], report.findings[2]}};
  report.findings.erase(report.findings.begin() + 2);
  report.findings.erase(report.findings.begin());
  j = nlohmann::json::parse(report_json(report, -1));
  CHECK(j["findings"].size() == 1);
  CHECK(j["summary"] == nlohmann::json::parse(R"({"error":1,"warning":0,"info":0})"));
  CHECK(j["baseline"] == nlohmann::json::parse(R"({"file":"初稿/t.txt","known":2})"));
  CHECK(report_json(report, -1)
            .ends_with(R"("summary":{"error":1,"warning":0,"info":0},)"
                       R"("baseline":{"file":"初稿/t.txt","known":2}})"));
  report.baseline = BaselineMatch{};  // compared, but the baseline had no entry for it
  j = nlohmann::json::parse(report_json(report, -1));
  CHECK(j["baseline"] == nlohmann::json::parse(R"({"file":null,"known":0})"));
}

TEST_CASE("json: indented output is the same document") {
  std::string pretty = report_json(sample());
  CHECK(pretty.find("\n  \"findings\": [\n    {\n      \"rule\": \"words\",") != std::string::npos);
  auto j = nlohmann::json::parse(pretty);
  CHECK(j == nlohmann::json::parse(report_json(sample(), -1)));
  CHECK(j["findings"][1]["replacement"] == "法治副校长");
  CHECK(j["findings"][0]["replacement"].is_null());
  CHECK(j["findings"][0]["line"].is_number_unsigned());
}

TEST_CASE("json: a report without findings") {
  Report empty;
  empty.file = "x.txt";
  CHECK(report_json(empty, -1) ==
        R"({"file":"x.txt","document_type":{"id":"","name":"","basis":"fallback","evidence":"",)"
        R"("genre":null},"packs":[],"year":null,"parts":[],"findings":[],"summary":{"error":0,)"
        R"("warning":0,)"
        R"("info":0}})");
}

TEST_CASE("json: the type, the packs, the year and where each required part was found") {
  RulePack pack("law",
                "applies_to: all\ndocument_types:\n  - {id: law, name: 法治报告, title: [法治]}\n");
  pack.rule("measures", rule_head("measures", "required-section", "error") +
                            "part: measures\nname: 主要举措\nheading: {any: [举措]}\n"
                            "message: 缺少举措\n")
      .rule("plan", rule_head("plan", "required-section", "error") +
                        "part: plan\nname: 安排\nheading: {any: [安排]}\nmessage: 缺少安排\n");
  Report r = check(test::parse("某局2024年法治工作报告\n导语。\n一、主要举措\n正文。\n", "r.txt"),
                   pack.rules());
  auto j = nlohmann::json::parse(report_json(r, -1));
  CHECK(j["document_type"] ==
        nlohmann::json::parse(R"({"id":"law","name":"法治报告","basis":"title","evidence":"法治",)"
                              R"("genre":null})"));
  CHECK(j["packs"] == nlohmann::json::parse(R"(["law"])"));
  CHECK(j["year"] == 2024);
  CHECK(j["parts"] ==
        nlohmann::json::parse(
            R"([{"pack":"law","part":"measures","name":"主要举措","found":"heading",)"
            R"("line":3},{"pack":"law","part":"plan","name":"安排","found":"missing",)"
            R"("line":null}])"));
}

TEST_CASE("json: indent -1 gives one line a report, for NDJSON") {
  Report odd = sample();
  odd.file = "a\nb.txt";
  odd.findings[0].message = "第一行\n第二行\r\n";
  odd.findings[0].excerpt = "甲\n乙";
  odd.type.evidence = "\u2028";  // a line separator: only \n ends an NDJSON line
  std::ostringstream out;
  for (const Report& r : {sample(), odd, Report{}}) {
    write_json(out, r, -1);
    out << '\n';
  }
  std::istringstream in(out.str());
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == nlohmann::json::parse(report_json(sample(), 2)));
  CHECK(lines[1]["file"] == "a\nb.txt");
  CHECK(lines[1]["findings"][0]["message"] == "第一行\n第二行\r\n");
  CHECK(lines[1]["findings"][0]["excerpt"] == "甲\n乙");
  CHECK(report_json(odd, -1).find('\n') == std::string::npos);
  CHECK(report_json(odd, -1).find('\r') == std::string::npos);
}

TEST_CASE("json: several files in one document, written as each is added") {
  std::ostringstream out;
  JsonFilesWriter files(out);
  Report one;
  one.file = "a.txt";
  files.add(one);
  CHECK(out.str().starts_with("{\n  \"files\": [\n    {\n      \"file\": \"a.txt\",\n"));
  CHECK(out.str().ends_with("\n        \"info\": 0\n      }\n    }"));  // nested, not closed yet
  files.add_error("b.docx", Error{ErrorCode::corrupt, "damaged zip", "b.docx", {3, 0}});
  files.add_outline(test::parse("标题\n", "c.txt"));
  files.finish();
  auto j = nlohmann::json::parse(out.str());
  REQUIRE(j["files"].size() == 3);
  CHECK(j["files"][0]["file"] == "a.txt");
  CHECK(
      j["files"][1] ==
      nlohmann::json::parse(R"({"file":"b.docx","error":{"code":"corrupt","message":"damaged zip",)"
                            R"("line":3}})"));
  CHECK(j["files"][2]["title"]["text"] == "标题");
  CHECK(out.str().ends_with("\n  ]\n}\n"));

  std::ostringstream none;
  JsonFilesWriter empty(none);
  empty.finish();
  CHECK(nlohmann::json::parse(none.str())["files"].empty());
}

TEST_CASE("json: the streaming writer gives the bytes of the tree it replaced, on the corpus") {
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(test::source_path("tests/corpus"))) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  for (const std::string& name : test::sample_names())
    files.push_back(test::source_path("examples/reports/" + name + ".txt"));
  REQUIRE(files.size() > 40);
  std::size_t findings = 0;
  for (const auto& path : files) {
    CAPTURE(path);
    auto doc = read_document(path);
    REQUIRE(doc.ok());
    Report report = check(*doc, RuleSet::builtin());
    findings += report.findings.size();
    for (int indent : {2, -1}) CHECK(report_json(report, indent) == tree_json(report, indent));
    report.baseline = BaselineMatch{"", {}};
    CHECK(report_json(report, 2) == tree_json(report, 2));
  }
  CHECK(findings > 400);
  // Strings no corpus file has: control characters, quotes, malformed UTF-8.
  Report odd = sample();
  odd.file = "a\"b\\c\x01.txt";
  odd.findings[0].excerpt = "\xE4\xB8 cut, \xFF lone";
  odd.findings[1].message = "tab\there\r\n";
  odd.type.basis = DocumentType::Basis::body;
  odd.type.count = 7;
  odd.year = 2024;
  odd.baseline = BaselineMatch{"old.txt", {odd.findings[2]}};
  for (int indent : {2, -1, 4}) CHECK(report_json(odd, indent) == tree_json(odd, indent));
}

TEST_CASE("json: the rule list") {
  RulePack pack;
  pack.rule("words", rule_head("words", "pattern", "error") + "message: 不要写\nterms: [甲]\n");
  std::ostringstream out;
  write_rules_json(out, pack.rules());
  auto j = nlohmann::json::parse(out.str());
  REQUIRE(j.size() == 1);
  CHECK(j[0]["id"] == "words");
  CHECK(j[0]["kind"] == "pattern");
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["scope"] == "body");
  CHECK_FALSE(j[0].contains("years"));
}

TEST_CASE("json: the rule list says which report years a rule runs for") {
  RulePack pack;
  const std::string flag = "message: 不要写\nterms: [甲]\n";
  pack.rule("from", rule_head("from", "pattern") + flag + "years: {from: 2021}\n")
      .rule("range", rule_head("range", "pattern") + flag + "years: {from: 2019, until: 2020}\n");
  std::ostringstream out;
  write_rules_json(out, pack.rules());
  auto j = nlohmann::json::parse(out.str());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["years"] == nlohmann::json{{"from", 2021}});
  CHECK(j[1]["years"] == nlohmann::json{{"from", 2019}, {"until", 2020}});
}

}  // namespace fzcheck
