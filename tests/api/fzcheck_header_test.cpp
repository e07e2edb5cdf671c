// The library as the README shows it: one include, read, check, report.
#include <doctest/doctest.h>

#include <fzcheck/fzcheck.hpp>
#include <sstream>

#include "support.hpp"

namespace fzcheck {

TEST_CASE("the README's library example works as written") {
  auto doc = read_document(test::source_path("tests/fixtures/docx/004_982b1b364f1fe93d.docx"));
  REQUIRE(doc.ok());
  Report report = check(*doc, RuleSet::builtin());
  bool shortcomings = false;
  for (const Finding& f : report.findings)
    shortcomings = shortcomings || f.rule_id == "part-shortcomings";
  CHECK(shortcomings);
  std::ostringstream out;
  write_text(out, report, *doc);
  CHECK(out.str().find("[part-shortcomings]") != std::string::npos);
  std::ostringstream json;
  write_json(json, report);
  CHECK(json.str().find("\"rule\": \"part-shortcomings\"") != std::string::npos);

  auto missing = read_document("no/such/report.docx");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == ErrorCode::not_found);
}

}  // namespace fzcheck
