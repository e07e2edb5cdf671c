// DocumentSink: a rule's span and message become a Finding with positions, excerpt, heading,
// source and severity.
#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>

#include "engine/sink.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

class Dummy final : public Check {
 public:
  Dummy() : Check(common()) {}
  void run(const CheckContext&, FindingSink&) const override {}

 private:
  static RuleCommon common() {
    RuleCommon c;
    c.id = "dummy";
    c.kind = "pattern";
    c.severity = Severity::warning;
    c.source = "《某规定》第一条";
    return c;
  }
};

Span find(const Document& doc, std::string_view text) {
  auto at = doc.text.find(text);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + text.size())};
}

const std::string kReport =
    "某局2024年度法治政府建设情况报告\n"
    "导语写在这里。\n"
    "一、主要举措\n"
    "（一）完善制度。正文甲乙。\n"
    "正文丙丁。\n"
    "二、问题\n";

}  // namespace

TEST_CASE("sink: positions, excerpt, heading, source and severity of a finding") {
  Document doc = test::parse(kReport);
  std::vector<Finding> out;
  DocumentSink sink(doc, out);
  Dummy rule;
  sink.add(rule, find(doc, "甲乙"), "消息", std::string("戊己"));
  sink.add(rule, find(doc, "丙丁"), "另一条", std::nullopt, Severity::error);
  sink.add(rule, find(doc, "导语"), "导语里");
  REQUIRE(out.size() == 3);
  const Finding& a = out[0];
  CHECK(a.rule_id == "dummy");
  CHECK(a.severity == Severity::warning);
  CHECK(a.message == "消息");
  CHECK(test::at(a.begin) == "4:11");
  CHECK(test::at(a.end) == "4:13");
  CHECK(a.begin_offset == find(doc, "甲乙").begin);
  CHECK(a.end_offset == find(doc, "甲乙").end);
  CHECK(a.excerpt == "甲乙");
  CHECK(a.replacement == "戊己");
  CHECK(a.source == "《某规定》第一条");
  CHECK(a.heading == "（一）完善制度");  // the innermost section, without its 。
  const Finding& b = out[1];
  CHECK(b.severity == Severity::error);
  CHECK(b.replacement == std::nullopt);
  CHECK(test::at(b.begin) == "5:3");
  CHECK(b.heading == "（一）完善制度");
  CHECK(out[2].heading == "");  // the preamble is in no section
  CHECK(test::at(out[2].begin) == "2:1");
}

TEST_CASE("sink: a point finding has an empty excerpt and equal positions") {
  Document doc = test::parse(kReport);
  std::vector<Finding> out;
  DocumentSink sink(doc, out);
  Dummy rule;
  Span at = find(doc, "二、问题");
  sink.add(rule, {at.begin, at.begin}, "缺");
  // At the very end of the text.
  auto end = static_cast<std::uint32_t>(doc.text.size());
  sink.add(rule, {end, end}, "末尾");
  REQUIRE(out.size() == 2);
  CHECK(out[0].excerpt == "");
  CHECK(out[0].begin == out[0].end);
  CHECK(test::at(out[0].begin) == "6:1");
  CHECK(out[0].heading == "二、问题");
  CHECK(out[1].excerpt == "");
  CHECK(out[1].heading == "二、问题");
}

TEST_CASE("sink: long excerpts are cut at 80 code points or at the end of the line") {
  std::string long_line;
  for (int i = 0; i < 100; ++i) long_line += (i % 2 ? "乙" : "甲");
  Document doc = test::parse("标题报告\n" + long_line + "\n下一行\n");
  std::vector<Finding> out;
  DocumentSink sink(doc, out);
  Dummy rule;
  Span line = find(doc, long_line);
  sink.add(rule, line, "整行");
  sink.add(rule, {line.begin, line.begin + 80 * 3}, "正好八十个字");
  sink.add(rule, {line.end - 6, line.end + 4}, "跨行");
  REQUIRE(out.size() == 3);
  std::string eighty = long_line.substr(0, 80 * 3);
  CHECK(out[0].excerpt == eighty + "…");
  CHECK(test::at(out[0].end) == "2:101");
  CHECK(out[1].excerpt == eighty);
  CHECK(out[2].excerpt == "甲乙…");
  CHECK(test::at(out[2].end) == "3:2");
}

TEST_CASE("sink: many findings on a long line are located without recounting the line") {
  const int n = 200000;
  std::string line;
  for (int i = 0; i < n; ++i) line += "甲";
  Document doc = test::parse("标题报告\n" + line + "\n");
  std::vector<Finding> out;
  DocumentSink sink(doc, out);
  Dummy rule;
  const std::uint32_t start = find(doc, line).begin;
  auto started = std::chrono::steady_clock::now();
  for (std::uint32_t i = 0; i < n; i += 10)
    sink.add(rule, {start + 3 * i, start + 3 * i + 3}, "甲");
  MESSAGE(out.size()
          << " findings on a line of " << n << " code points: "
          << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
          << " s");
  REQUIRE(out.size() == n / 10);
  for (std::uint32_t k = 0; k < out.size(); ++k) {
    const std::uint32_t column = 10 * k + 1;
    if (out[k].begin != Position{2, column} || out[k].end != Position{2, column + 1}) {
      FAIL("finding " << k << " at " << test::at(out[k].begin) << ", not 2:" << column);
    }
  }
}

namespace {

// Sets strict spans for a scope.
class StrictSpans {
 public:
  explicit StrictSpans(bool on) : was_(strict_spans()) { set_strict_spans(on); }
  ~StrictSpans() { set_strict_spans(was_); }
  StrictSpans(const StrictSpans&) = delete;
  StrictSpans& operator=(const StrictSpans&) = delete;

 private:
  bool was_;
};

}  // namespace

TEST_CASE("sink: a span outside the text is an internal error in tests, clamped for users") {
  Document doc = test::parse(kReport);
  const auto size = static_cast<std::uint32_t>(doc.text.size());
  std::vector<Finding> out;
  DocumentSink sink(doc, out);
  Dummy rule;
  {
    StrictSpans strict(true);
    CHECK_THROWS_AS(sink.add(rule, {size - 2, size + 3}, "越界"), std::logic_error);
    CHECK_THROWS_AS(sink.add(rule, {5, 2}, "倒置"), std::logic_error);
    CHECK(out.empty());
  }
  StrictSpans lenient(false);
  sink.add(rule, {size - 1, size + 3}, "越界");
  sink.add(rule, {size + 7, size + 9}, "全在外面");
  sink.add(rule, {5, 2}, "倒置");
  REQUIRE(out.size() == 3);
  CHECK(out[0].begin_offset == size - 1);
  CHECK(out[0].end_offset == size);
  CHECK(out[0].end == doc.locate(size));
  CHECK(out[1].begin_offset == size);
  CHECK(out[1].end_offset == size);
  CHECK(out[2].begin_offset == 2);
  CHECK(out[2].end_offset == 2);
}

}  // namespace fzcheck::detail
