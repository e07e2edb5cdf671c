// Golden tests of the parsed structure of the five sample reports. The expected outlines in
// tests/golden/outline/*.expected were written down from the reports and checked by hand against
// ../shared/domain/catalogue.md §9–§10 (two-line titles in 000 and 004, no title in 003,
// "（1）" under "一、" and a level-one "3、" in 000, half-width brackets in 002, run-in headings in
// 003, the gap 二→六 in 004). Each line is asserted on its own so a failure shows the heading.
//
// To rewrite them after a deliberate change: FZCHECK_UPDATE_GOLDEN=1 build/tests/fzcheck_tests
// -tc='golden outline*', then review the diff line by line before committing.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {
namespace {

std::string line_of(const Document& doc, std::uint32_t paragraph) {
  return fmt::format("L{}", doc.locate(doc.paragraphs[paragraph].span.begin).line);
}

std::vector<std::string> describe(const Document& doc) {
  std::vector<std::string> out;
  if (doc.title) {
    std::string lines;
    for (auto p : doc.title->paragraphs) {
      if (!lines.empty()) lines += ',';
      lines += line_of(doc, p);
    }
    out.push_back(fmt::format("title {} {}", lines, doc.title->text));
  } else {
    out.push_back("title none");
  }
  if (doc.preamble.empty()) {
    out.push_back("preamble none");
  } else {
    out.push_back(fmt::format("preamble {}-{}", line_of(doc, doc.preamble.begin),
                              line_of(doc, doc.preamble.end - 1)));
  }
  for (const Section& s : doc.sections) {
    out.push_back(fmt::format("section {} level={} form={} ordinal={} marker={} heading={}{}",
                              line_of(doc, s.paragraph), s.level, s.marker.form, s.marker.ordinal,
                              doc.str(s.marker.span), doc.str(s.heading),
                              s.run_in ? " run-in" : ""));
  }
  out.push_back(doc.signature
                    ? fmt::format("signature {} {}", line_of(doc, doc.signature->paragraphs[0]),
                                  doc.signature->text)
                    : "signature none");
  out.push_back(doc.date ? fmt::format("date {} {} {}", line_of(doc, doc.date->paragraph),
                                       doc.str(doc.date->span), to_string(doc.date->form))
                         : "date none");
  return out;
}

std::vector<std::string> read_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("golden outline of the sample reports") {
  for (const std::string& name : test::sample_names()) {
    CAPTURE(name);
    auto doc = read_document(test::source_path("examples/reports/" + name + ".txt"));
    REQUIRE(doc.ok());
    std::vector<std::string> actual = describe(*doc);
    auto expected_path = test::source_path("tests/golden/outline/" + name + ".expected");
    if (std::getenv("FZCHECK_UPDATE_GOLDEN")) {
      std::ofstream out(expected_path);
      for (const auto& line : actual) out << line << '\n';
      continue;
    }
    std::vector<std::string> expected = read_lines(test::read_file(expected_path));
    for (std::size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
      CAPTURE(i);
      CHECK((i < actual.size() ? actual[i] : "<missing>") ==
            (i < expected.size() ? expected[i] : "<missing>"));
    }
  }
}

}  // namespace fzcheck
