// One file's findings as JSON: the fields, their order and their types (docs/check-json.md).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "fzcheck/report.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

Report sample() {
  RulePack pack;
  pack.rule("words", rule_head("words", "pattern", "error") +
                         "message: 不要写“{match}”\n"
                         "terms: [法制教育, {find: 法制副校长, replace: 法治副校长}]\n")
      .rule("sig", rule_head("sig", "metadata", "info") +
                       "field: signature\nrequire: present\nmessage: 没有落款\n");
  return check(test::parse("某局报告\n导语讲法制教育。\n一、工作\n聘请法制副校长。\n", "d/t.txt"),
               pack.rules());
}

}  // namespace

TEST_CASE("json: every field of a finding, in order") {
  CHECK(report_json(sample(), -1) ==
        R"({"file":"d/t.txt","findings":[)"
        R"({"rule":"words","severity":"error","message":"不要写“法制教育”","line":2,"column":4,)"
        R"("end_line":2,"end_column":8,"excerpt":"法制教育","replacement":null,)"
        R"("source":"依据words","heading":null},)"
        R"({"rule":"words","severity":"error","message":"不要写“法制副校长”","line":4,"column":3,)"
        R"("end_line":4,"end_column":8,"excerpt":"法制副校长","replacement":"法治副校长",)"
        R"("source":"依据words","heading":"一、工作"},)"
        R"({"rule":"sig","severity":"info","message":"没有落款","line":4,"column":9,)"
        R"("end_line":4,"end_column":9,"excerpt":"","replacement":null,"source":"依据sig",)"
        R"("heading":"一、工作"}],)"
        R"("summary":{"error":2,"warning":0,"info":1}})");
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
        R"({"file":"x.txt","findings":[],"summary":{"error":0,"warning":0,"info":0}})");
}

}  // namespace fzcheck
