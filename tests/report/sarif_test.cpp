// SARIF 2.1.0 (docs/sarif.md): the log, the run and its rules, results with regions and fixes,
// levels, files that could not be read, file names as URI references. The CTest sarif-schema
// validates whole logs against the official schema.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fzcheck/i18n.hpp"
#include "fzcheck/sarif.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using Json = nlohmann::json;
using test::rule_head;
using test::RulePack;

// The log of some reports (and unreadable files) written with `rules`.
Json sarif(const RuleSet& rules, const std::vector<Report>& reports,
           const std::vector<std::pair<std::string, Error>>& errors = {},
           const std::string& language = "zh-CN") {
  std::ostringstream out;
  SarifWriter writer(out, rules, language);
  for (const Report& r : reports) writer.add(r);
  for (const auto& [file, error] : errors) writer.add_error(file, error);
  writer.finish();
  return Json::parse(out.str());
}

// A pack with a rule of each severity; `words` fixes 法制副校长.
RuleSet levels_pack() {
  RulePack pack;
  pack.rule("words", rule_head("words", "pattern", "error") +
                         "summary: 用词\nmessage: 不要写“{match}”\n"
                         "terms: [法制教育, {find: 法制副校长, replace: 法治副校长}]\n")
      .rule("comma", rule_head("comma", "halfwidth-punctuation", "warning") +
                         "message: “{found}”应为“{expected}”\n")
      .rule("sig", rule_head("sig", "element-present", "info") +
                       "element: signature\nmessage: 没有落款\n");
  return pack.rules();
}

std::size_t rule_index(const RuleSet& rules, const std::string& id) {
  const auto& list = rules.rules();
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].id == id) return i;
  FAIL("no rule " << id);
  return 0;
}

}  // namespace

TEST_CASE("sarif: the log, the tool with every rule, the run") {
  const RuleSet& rules = RuleSet::builtin();
  Report report =
      check(test::parse("某局2024年度法治政府建设情况报告\n一、工作\n开展培训,召开会议。\n",
                        "reports/a.txt"),
            rules);
  Json log = sarif(rules, {report});
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const Json& run = log["runs"][0];
  const Json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "fzcheck");
  CHECK(driver["version"].is_string());
  CHECK_FALSE(driver["version"].get<std::string>().empty());
  CHECK_FALSE(driver.contains("informationUri"));
  REQUIRE(driver["rules"].size() == rules.rules().size());
  for (std::size_t i = 0; i < rules.rules().size(); ++i) {
    const RuleInfo& info = rules.rules()[i];
    const Json& rule = driver["rules"][i];
    CHECK(rule["id"] == info.id);
    CHECK(rule["name"] == info.id);
    CHECK(rule["shortDescription"]["text"] == info.summary);
    CHECK(rule["help"]["text"] == info.source);
    CHECK(rule["properties"] ==
          Json{{"pack", info.pack}, {"kind", info.kind}, {"source", info.source}});
  }
  const Json& hw = driver["rules"][rule_index(rules, "halfwidth-punctuation")];
  CHECK(hw["defaultConfiguration"]["level"] == "warning");
  CHECK(hw["properties"]["pack"] == "gongwen");
  CHECK(hw["properties"]["kind"] == "halfwidth-punctuation");

  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["properties"] == Json{{"language", "zh-CN"}});
  CHECK(run["invocations"] == Json::parse(R"([{"executionSuccessful":true}])"));
  REQUIRE(run["artifacts"].size() == 1);
  CHECK(run["artifacts"][0] == Json{{"location", {{"uri", "reports/a.txt"}}},
                                    {"properties", {{"documentType", report.type.id}}}});
  CHECK(report.type.id == "fazhi-report");
  CHECK(run["results"].size() == report.findings.size());
}

TEST_CASE("sarif: a finding with its rule, region, snippet and fix") {
  const RuleSet& rules = RuleSet::builtin();
  Report report =
      check(test::parse("某局2024年度法治政府建设情况报告\n一、工作\n开展培训,召开会议。\n",
                        "reports/a.txt"),
            rules);
  const Finding* comma = nullptr;
  for (const Finding& f : report.findings)
    if (f.rule_id == "halfwidth-punctuation") comma = &f;
  REQUIRE(comma != nullptr);
  REQUIRE(comma->replacement == "，");

  Json log = sarif(rules, {report});
  const Json* result = nullptr;
  for (const Json& r : log["runs"][0]["results"])
    if (r["ruleId"] == "halfwidth-punctuation") result = &r;
  REQUIRE(result != nullptr);
  const std::size_t index = (*result)["ruleIndex"].get<std::size_t>();
  CHECK(index == rule_index(rules, "halfwidth-punctuation"));
  CHECK(log["runs"][0]["tool"]["driver"]["rules"][index]["id"] == "halfwidth-punctuation");
  CHECK((*result)["level"] == "warning");
  CHECK((*result)["message"] == Json{{"text", comma->message}});
  REQUIRE((*result)["locations"].size() == 1);
  const Json& physical = (*result)["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"] == Json{{"uri", "reports/a.txt"}, {"index", 0}});
  CHECK(physical["region"] == Json::parse(R"({"startLine":3,"startColumn":5,"endLine":3,)"
                                          R"("endColumn":6,"snippet":{"text":","}})"));
  CHECK((*result)["properties"] == Json{{"heading", "一、工作"}});

  REQUIRE((*result)["fixes"].size() == 1);
  const Json& fix = (*result)["fixes"][0];
  CHECK(fix["description"]["text"] ==
        ui_text("zh-CN", "suggestion", {{"replacement", "，"}}));  // 建议改为：“，”
  REQUIRE(fix["artifactChanges"].size() == 1);
  CHECK(fix["artifactChanges"][0]["artifactLocation"] == physical["artifactLocation"]);
  CHECK(fix["artifactChanges"][0]["replacements"] ==
        Json::parse(R"([{"deletedRegion":{"startLine":3,"startColumn":5,"endLine":3,)"
                    R"("endColumn":6},"insertedContent":{"text":"，"}}])"));

  // The interface language is that of the descriptions of fixes.
  Json english = sarif(rules, {report}, {}, "en");
  CHECK(english["runs"][0]["properties"]["language"] == "en");
  for (const Json& r : english["runs"][0]["results"]) {
    if (r["ruleId"] == "halfwidth-punctuation") {
      CHECK(r["fixes"][0]["description"]["text"] == "suggestion: \"，\"");
    }
  }
}

TEST_CASE("sarif: levels of rules and of results, findings without a fix or a span") {
  RuleSet rules = levels_pack();
  CheckOptions options;
  options.severity_overrides = {{"comma", Severity::error}};
  Report report =
      check(test::parse("某局报告\n导语讲法制教育,\n一、工作\n聘请法制副校长。\n", "t.txt"), rules,
            options);
  REQUIRE(test::show(report) == test::Lines{"2:4-2:8 words error: 不要写“法制教育”",
                                            "2:8-2:9 comma error: “,”应为“，” => ，",
                                            "4:3-4:8 words error: 不要写“法制副校长” => 法治副校长",
                                            "4:9-4:9 sig info: 没有落款"});
  Json log = sarif(rules, {report});
  const Json& run = log["runs"][0];
  const Json& list = run["tool"]["driver"]["rules"];
  REQUIRE(list.size() == 3);
  for (const auto& [id, level] : std::vector<std::pair<std::string, std::string>>{
           {"words", "error"}, {"comma", "warning"}, {"sig", "note"}}) {
    const std::string& rule = id;  // CAPTURE cannot name a structured binding (clang 14)
    CAPTURE(rule);
    CHECK(list[rule_index(rules, id)]["defaultConfiguration"]["level"] == level);
  }
  CHECK(list[rule_index(rules, "words")]["shortDescription"]["text"] == "用词");

  const Json& results = run["results"];
  REQUIRE(results.size() == 4);
  CHECK(results[0]["level"] == "error");
  CHECK_FALSE(results[0].contains("fixes"));
  CHECK_FALSE(results[0].contains("properties"));  // no heading above it
  CHECK(results[1]["ruleId"] == "comma");
  CHECK(results[1]["level"] == "error");  // the finding's severity, overridden
  CHECK(results[1]["ruleIndex"] == rule_index(rules, "comma"));
  CHECK(results[2]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] ==
        Json{{"text", "法治副校长"}});
  CHECK(results[3]["level"] == "note");
  CHECK(results[3]["ruleIndex"] == rule_index(rules, "sig"));
  // An empty span: the end column is the start column, and there is no snippet.
  CHECK(results[3]["locations"][0]["physicalLocation"]["region"] ==
        Json::parse(R"({"startLine":4,"startColumn":9,"endLine":4,"endColumn":9})"));
}

TEST_CASE("sarif: fingerprints as partialFingerprints, and the results new to a baseline") {
  RuleSet rules = levels_pack();
  Report report =
      check(test::parse("某局报告\n导语讲法制教育,\n一、工作\n聘请法制副校长。\n", "t.txt"), rules);
  REQUIRE(report.findings.size() == 4);
  Json results = sarif(rules, {report})["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(results[i]["partialFingerprints"] ==
          Json{{"fzcheck/v1", report.findings[i].fingerprint}});
    CHECK_FALSE(results[i].contains("baselineState"));
  }
  // Compared with a baseline that had the first two: the other two are new.
  BaselineMatch match{"old.txt", {report.findings[0], report.findings[1]}};
  report.findings.erase(report.findings.begin(), report.findings.begin() + 2);
  report.baseline = std::move(match);
  Json log = sarif(rules, {report});
  const Json& run = log["runs"][0];
  REQUIRE(run["results"].size() == 2);
  for (const Json& r : run["results"]) CHECK(r["baselineState"] == "new");
  CHECK(run["artifacts"][0]["properties"]["knownFindings"] == 2);
}

TEST_CASE("sarif: findings made by hand (a deletion, no position, a rule not in the set)") {
  Report report;
  report.file = "x.txt";
  Finding deletion;
  deletion.rule_id = "words";
  deletion.severity = Severity::warning;
  deletion.message = "多余";
  deletion.begin = {2, 3};
  deletion.end = {3, 1};  // over a line break
  deletion.excerpt = "甲\n";
  deletion.replacement = "";
  Finding nowhere;
  nowhere.rule_id = "words";
  nowhere.message = "整篇";
  nowhere.replacement = "乙";
  Finding stranger;
  stranger.rule_id = "not-in-the-set";
  stranger.message = "别的规则";
  stranger.begin = stranger.end = {1, 1};
  report.findings = {deletion, nowhere, stranger};

  Json results = sarif(levels_pack(), {report})["runs"][0]["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["locations"][0]["physicalLocation"]["region"] ==
        Json::parse(R"({"startLine":2,"startColumn":3,"endLine":3,"endColumn":1,)"
                    R"("snippet":{"text":"甲\n"}})"));
  const Json& fix = results[0]["fixes"][0];
  CHECK(fix["description"]["text"] == ui_text("zh-CN", "suggestion_delete"));
  CHECK(fix["artifactChanges"][0]["replacements"][0]["insertedContent"] == Json{{"text", ""}});
  // Without a position: the file only, and no fix (a fix needs a region to replace).
  CHECK(results[1]["locations"][0]["physicalLocation"] ==
        Json{{"artifactLocation", {{"uri", "x.txt"}, {"index", 0}}}});
  CHECK_FALSE(results[1].contains("fixes"));
  CHECK(results[2]["ruleId"] == "not-in-the-set");
  CHECK_FALSE(results[2].contains("ruleIndex"));
}

TEST_CASE("sarif: a file that could not be read is an error notification") {
  Report ok;
  ok.file = "ok.txt";
  Json log =
      sarif(levels_pack(), {ok},
            {{"坏 文件.docx", Error{ErrorCode::corrupt, "damaged zip", "坏 文件.docx", {3, 7}}},
             {"gone.txt", Error{ErrorCode::not_found, "no such file", "gone.txt", {}}}});
  const Json& run = log["runs"][0];
  REQUIRE(run["invocations"].size() == 1);
  const Json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 2);
  CHECK(invocation["toolExecutionNotifications"][0] ==
        Json::parse(R"({"level":"error","message":{"text":"damaged zip"},"locations":[)"
                    R"({"physicalLocation":{"artifactLocation":{"uri":)"
                    R"("%E5%9D%8F%20%E6%96%87%E4%BB%B6.docx","index":1},)"
                    R"("region":{"startLine":3,"startColumn":7}}}],)"
                    R"("properties":{"code":"corrupt"}})"));
  const Json& gone = invocation["toolExecutionNotifications"][1];
  CHECK(gone["properties"]["code"] == "not_found");
  CHECK_FALSE(gone["locations"][0]["physicalLocation"].contains("region"));
  // Every file is an artifact; only those that were read have a document type.
  REQUIRE(run["artifacts"].size() == 3);
  CHECK(run["artifacts"][0] == Json{{"location", {{"uri", "ok.txt"}}}});  // type id empty here
  CHECK(run["artifacts"][2] == Json{{"location", {{"uri", "gone.txt"}}}});
  CHECK(run["results"].empty());
}

TEST_CASE("sarif: file names as relative URI references") {
  auto uri_of = [](const std::string& file) {
    Report r;
    r.file = file;
    return sarif(levels_pack(), {r})["runs"][0]["artifacts"][0]["location"]["uri"]
        .get<std::string>();
  };
  CHECK(uri_of("reports/2024 年度报告.txt") ==
        "reports/2024%20%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt");
  CHECK(uri_of("a-b_c.~d/E9.TXT") == "a-b_c.~d/E9.TXT");
  CHECK(uri_of("/abs/x y.txt") == "/abs/x%20y.txt");
  CHECK(uri_of("c:\\dir\\#1 100%?.txt") == "c%3A%5Cdir%5C%231%20100%25%3F.txt");
}

TEST_CASE("sarif: nothing is written before finish, and an empty run is whole") {
  std::ostringstream out;
  SarifWriter writer(out, levels_pack());
  Report r;
  r.file = "a.txt";
  writer.add(r);
  writer.add_error("b.txt", Error{ErrorCode::io, "refused", "b.txt", {}});
  CHECK(out.str().empty());
  writer.finish();
  CHECK(out.str().ends_with("}\n"));
  writer.finish();  // a second call writes nothing more
  CHECK(Json::parse(out.str())["runs"][0]["artifacts"].size() == 2);

  Json empty = sarif(levels_pack(), {});
  CHECK(empty["runs"][0]["results"] == Json::array());
  CHECK(empty["runs"][0]["artifacts"] == Json::array());
  CHECK(empty["runs"][0]["invocations"][0]["executionSuccessful"] == true);
}

}  // namespace fzcheck
