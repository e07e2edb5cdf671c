#include <doctest/doctest.h>

#include <sstream>

#include "fzcheck/outline.hpp"
#include "fzcheck/read.hpp"
#include "support.hpp"

namespace fzcheck {

TEST_CASE("outline text: an indented tree with lines and form notes") {
  auto doc = read_document(test::source_path("examples/reports/000_564c8ac60a8ddf78.txt"));
  REQUIRE(doc.ok());
  std::ostringstream out;
  write_outline_text(out, *doc);
  std::string text = out.str();
  CHECK(text.find("  title:     索县教育局2024年度法治政府建设情况报告  [L1, L2]\n") !=
        std::string::npos);
  CHECK(text.find("    L4  一、 主要措施及成效\n") != std::string::npos);
  CHECK(
      text.find("    L5    （1） 法治工作责任体系构建  (level 2 written in the level-4 form)\n") !=
      std::string::npos);
  CHECK(text.find("   L20  3、 下一步工作打算  (level 1 written in the level-3 form)\n") !=
        std::string::npos);
  CHECK(text.find("  signature: (none)\n") != std::string::npos);
  CHECK(text.find("  date:      (none)\n") != std::string::npos);
}

TEST_CASE("outline text: signature, date and a document without headings") {
  auto doc = parse_text("一段没有标题的文字。\n某县教育局\n2025年2月24日", "m");
  REQUIRE(doc.ok());
  std::ostringstream out;
  write_outline_text(out, *doc);
  CHECK(out.str().find("  sections:  0 (no numbered headings)\n") != std::string::npos);
  CHECK(out.str().find("  signature: 某县教育局  [L2]\n") != std::string::npos);
  CHECK(out.str().find("  date:      2025年2月24日  [L3]  (arabic)\n") != std::string::npos);
}

}  // namespace fzcheck
