// The same report as plain text, .docx and HTML gives the same findings (rule and excerpt).
//
// What only one format can have is left out of the comparison: the plain-text conversion's
// leftovers ([bookmark: _GoBack], which the .docx holds as a real bookmark and the web page does
// not have) and its spaces at the start of lines (HTML collapses them as a browser does), and the
// layout rules, which only apply to inputs that carry fonts and margins (.docx). Excerpts are
// compared without those leftovers and without surrounding whitespace.
#include <doctest/doctest.h>

#include <algorithm>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

bool format_specific(const std::string& rule) {
  return rule == "conversion-artefact" || rule == "leading-space" || rule == "whitespace-line" ||
         rule.starts_with("layout-");
}

std::string normalise(std::string excerpt) {
  for (std::size_t at; (at = excerpt.find("[bookmark: _GoBack]")) != std::string::npos;)
    excerpt.erase(at, 19);
  const std::string spaces[] = {" ", "\t", "\xE3\x80\x80", "\xC2\xA0"};
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (const std::string& s : spaces) {
      if (excerpt.starts_with(s)) excerpt.erase(0, s.size()), trimmed = true;
      if (excerpt.size() >= s.size() &&
          excerpt.compare(excerpt.size() - s.size(), s.size(), s) == 0) {
        excerpt.erase(excerpt.size() - s.size()), trimmed = true;
      }
    }
  }
  return excerpt;
}

std::vector<std::string> findings(const std::string& relative) {
  auto doc = read_document(test::source_path(relative));
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  std::vector<std::string> out;
  for (const Finding& f : check(*doc, RuleSet::builtin()).findings) {
    if (!format_specific(f.rule_id)) out.push_back(f.rule_id + " | " + normalise(f.excerpt));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("cross-format: sample 000 as .txt, .docx and .html gives the same findings") {
  auto text = findings("examples/reports/000_564c8ac60a8ddf78.txt");
  CHECK(text.size() >= 20);
  CHECK(findings("tests/fixtures/docx/000_564c8ac60a8ddf78.docx") == text);
  CHECK(findings("tests/fixtures/html/000_564c8ac60a8ddf78.html") == text);
}

TEST_CASE(
    "cross-format: sample 004 as .txt, .docx (two writers) and GBK .html gives the same findings") {
  auto text = findings("examples/reports/004_982b1b364f1fe93d.txt");
  CHECK(text.size() >= 15);
  CHECK(findings("tests/fixtures/docx/004_982b1b364f1fe93d.docx") == text);
  CHECK(findings("tests/fixtures/docx/004_982b1b364f1fe93d.lo.docx") == text);
  CHECK(findings("tests/fixtures/html/004_982b1b364f1fe93d.gbk.html") == text);
}

}  // namespace fzcheck
