// The printable HTML page of one report: every finding listed once and marked in the text,
// escaping, well-formed nesting of overlapping marks, nothing outside the file, both languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "fzcheck/html_report.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/report.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::rule_head;
using test::RulePack;

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += "&#39;";
    else
      out += c;
  }
  return out;
}

// Whether the elements of the page nest: every end tag closes the innermost open element. The
// style sheet (no tags in it) is skipped; <meta> is the only void element the page uses.
bool well_formed(const std::string& html, std::string* why) {
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    if (html.compare(at, 9, "<!DOCTYPE") == 0) {
      at = html.find('>', at);
      continue;
    }
    const auto end = html.find('>', at);
    if (end == std::string::npos) return (*why = "unclosed tag"), false;
    std::string tag = html.substr(at + 1, end - at - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.erase(0, 1);
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n"));
    if (name == "meta") {
    } else if (!closing) {
      open.push_back(name);
      if (name == "style") {  // skip to its end tag
        at = html.find("</style>", end);
        if (at == std::string::npos) return (*why = "unclosed style"), false;
        continue;
      }
    } else if (open.empty() || open.back() != name) {
      *why = "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) +
             "> at byte " + std::to_string(at);
      return false;
    } else {
      open.pop_back();
    }
    at = end + 1;
  }
  if (!open.empty()) return (*why = "<" + open.back() + "> left open"), false;
  return true;
}

void check_self_contained(const std::string& html) {
  for (const char* bad : {"http://", "https://", "src=", "@import", "url(", "<script", "<link"}) {
    CAPTURE(std::string(bad));
    CHECK(html.find(bad) == std::string::npos);
  }
}

RuleSet word_rules() {
  RulePack pack;
  pack.rule("words", rule_head("words", "pattern", "error") +
                         "message: 不要写“{match}”\nscope: document\n"
                         "terms: [{find: 法制教育, replace: 法治教育}, '<b>&\"']\n")
      .rule("tail", rule_head("tail", "pattern", "info") +
                        "message: 注意“{match}”\nscope: document\nterms: [教育工作]\n")
      .rule("sig", rule_head("sig", "element-present") + "element: signature\nmessage: 没有落款\n");
  return pack.rules();
}

std::string page(const Document& doc, const RuleSet& rules, const HtmlOptions& options = {}) {
  std::ostringstream out;
  write_html(out, check(doc, rules), doc, rules, options);
  return out.str();
}

}  // namespace

TEST_CASE("html report: the sample 000 with the built-in rules") {
  auto doc = read_document(test::source_path("examples/reports/000_564c8ac60a8ddf78.txt"));
  REQUIRE(doc.ok());
  const RuleSet& rules = RuleSet::builtin();
  const Report report = check(*doc, rules);
  REQUIRE(report.findings.size() > 5);
  std::ostringstream out;
  write_html(out, report, *doc, rules);
  const std::string html = out.str();

  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("break-inside: avoid") != std::string::npos);
  CHECK(html.find(escaped(doc->title->text)) != std::string::npos);
  CHECK(html.find(escaped(document_type_text(report.type, "zh-CN"))) != std::string::npos);
  // One entry per finding, each message once in the list; one <mark> per finding with words.
  CHECK(occurrences(html, "<li class=\"finding ") == report.findings.size());
  std::size_t spanned = 0;
  for (const Finding& f : report.findings) {
    CAPTURE(f.message);
    const std::size_t same =
        std::count_if(report.findings.begin(), report.findings.end(),
                      [&](const Finding& g) { return g.message == f.message; });
    CHECK(occurrences(html, "<p class=\"message\">" + escaped(f.message) + "</p>") == same);
    if (f.end_offset != f.begin_offset) ++spanned;
  }
  CHECK(occurrences(html, "<mark ") == spanned);
  CHECK(occurrences(html, "<mark ") + occurrences(html, "<sup class=\"ref point") ==
        report.findings.size());
  for (std::size_t n = 1; n <= report.findings.size(); ++n) {
    CHECK(occurrences(html, "id=\"f" + std::to_string(n) + "\"") == 1);
    CHECK(occurrences(html, "id=\"m" + std::to_string(n) + "\"") == 1);
  }
  // The parts table comes from the summary table: its columns are there.
  CHECK(html.find("<th>存在的不足和原因</th>") != std::string::npos);
  std::string why;
  CHECK_MESSAGE(well_formed(html, &why), why);
  check_self_contained(html);
}

TEST_CASE("html report: text and messages are escaped") {
  const RuleSet rules = word_rules();
  Document doc = test::parse(
      "某局2024年度报告 <i> & \"引号\"\n一、工作\n开展法制教育，写了<b>&\"，还有 a < b & c > "
      "d。\n");
  const std::string html = page(doc, rules);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("某局2024年度报告 &lt;i&gt; &amp; &quot;引号&quot;") != std::string::npos);
  CHECK(html.find("a &lt; b &amp; c &gt; d") != std::string::npos);
  CHECK(html.find("<p class=\"message\">不要写“&lt;b&gt;&amp;&quot;”</p>") != std::string::npos);
  CHECK(html.find("建议改为：“法治教育”") != std::string::npos);
  CHECK(html.find("&amp;amp;") == std::string::npos);  // escaped once only
  std::string why;
  CHECK_MESSAGE(well_formed(html, &why), why);
  check_self_contained(html);
}

TEST_CASE("html report: overlapping and missing findings nest well") {
  const RuleSet rules = word_rules();
  // 法制教育 and 教育工作 overlap in 法制教育工作; the signature is missing (an empty span).
  Document doc = test::parse("某局2024年度报告\n一、工作\n开展法制教育工作。\n");
  const Report report = check(doc, rules);
  REQUIRE(report.findings.size() == 3);
  std::ostringstream out;
  write_html(out, report, doc, rules);
  const std::string html = out.str();
  CHECK(occurrences(html, "<mark ") == 2);
  CHECK(occurrences(html, "<sup class=\"ref point") == 1);
  // 法制 | 教育 | 工作: the overlap is marked by both, each continuing on the other side.
  CHECK(html.find("开展<mark id=\"m") != std::string::npos);
  CHECK(occurrences(html, "<span class=\"mark sev-") == 2);
  std::string why;
  CHECK_MESSAGE(well_formed(html, &why), why);
  // Headings are headings, indented by level.
  CHECK(html.find("<h3 class=\"h lvl-1\">") != std::string::npos);

  // A mark inside another one, and two marks over the same words.
  RulePack pack;
  pack.rule("outer", rule_head("outer", "pattern") + "message: 外\nterms: [法制教育工作]\n")
      .rule("inner", rule_head("inner", "pattern") + "message: 内\nterms: [教育]\n")
      .rule("same", rule_head("same", "pattern", "error") + "message: 同\nterms: [教育]\n");
  const RuleSet nested = pack.rules();
  const std::string html2 = page(doc, nested);
  CHECK(occurrences(html2, "<mark ") == 3);
  CHECK_MESSAGE(well_formed(html2, &why), why);
}

TEST_CASE("html report: English labels and a report without findings") {
  const RuleSet rules = word_rules();
  Document doc = test::parse("某局2024年度报告\n一、工作\n开展法制教育。\n某局\n2025年1月5日\n");
  const std::string html = page(doc, rules, {"en"});
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.find("<h2>Findings (1)</h2>") != std::string::npos);
  CHECK(html.find("[error]") != std::string::npos);
  CHECK(html.find("error: 1") != std::string::npos);
  CHECK(html.find("line 3, column 3") != std::string::npos);
  CHECK(html.find("Text of the report") != std::string::npos);

  Document clean = test::parse("某局2024年度报告\n一、工作\n开展工作。\n某局\n2025年1月5日\n");
  const std::string none = page(clean, rules, {"en"});
  CHECK(none.find("No findings.") != std::string::npos);
  CHECK(none.find("<mark") == std::string::npos);
  CHECK(none.find("<ol") == std::string::npos);

  // --min-severity: notes left out of the list and the text.
  Document noted = test::parse("某局2024年度报告\n一、工作\n开展教育工作。\n某局\n2025年1月5日\n");
  CHECK(page(noted, rules).find("<mark ") != std::string::npos);
  CHECK(page(noted, rules, {"zh-CN", Severity::warning}).find("<mark ") == std::string::npos);
}

TEST_CASE("html report: compared with a baseline, the known findings are counted, not listed") {
  const RuleSet rules = word_rules();
  Document doc = test::parse("某局2024年度报告\n一、工作\n开展法制教育，教育工作。\n");
  Report report = check(doc, rules);
  REQUIRE(report.findings.size() == 3);  // 法制教育, 教育工作 (a note), no signature
  auto html = [&](const Report& r, const HtmlOptions& options = {}) {
    std::ostringstream out;
    write_html(out, r, doc, rules, options);
    return out.str();
  };
  CHECK(html(report).find("class=\"known\"") == std::string::npos);  // no baseline
  BaselineMatch match{"old.txt", {report.findings[0], report.findings[1]}};
  report.findings.erase(report.findings.begin(), report.findings.begin() + 2);
  report.baseline = std::move(match);
  const std::string page = html(report);
  CHECK(page.find("<p class=\"known\">另有 2 个问题基线中已有，未列出。</p>") != std::string::npos);
  CHECK(page.find("<h2>问题清单（共1项）</h2>") != std::string::npos);
  CHECK(page.find("不要写") == std::string::npos);
  // Known notes below --min-severity are not counted either.
  CHECK(html(report, {"en", Severity::warning})
            .find("<p class=\"known\">1 more findings were already in the baseline") !=
        std::string::npos);
}

TEST_CASE("html report: the index of a batch links each page, escapes, shows errors") {
  const RuleSet rules = word_rules();
  const SummaryTable table(rules);
  const Document bad = test::parse("某局2024年度报告\n一、工作\n开展法制教育。\n");
  const Document good = test::parse("某局2024年度报告\n一、工作\n开展工作。\n某局\n");
  SummaryRow bad_row = table.row(check(bad, rules), bad);
  bad_row.file = "dir/a<&>\".txt";
  SummaryRow good_row = table.row(check(good, rules), good);
  good_row.file = "b.txt";
  REQUIRE(bad_row.counts[2] > 0);
  REQUIRE(good_row.counts[2] == 0);

  HtmlIndexWriter index(rules);
  index.add(bad_row, "001-a<&>\" 报告.html");
  index.add(good_row, "002-b.html");
  index.add(
      table.error_row("gone.txt", Error{ErrorCode::not_found, "no such file", "gone.txt", {}}), "");
  std::ostringstream out;
  index.write(out);
  const std::string html = out.str();

  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
  CHECK(html.find("@page { size: A4;") != std::string::npos);  // the single page's style
  CHECK(html.find("检查结果汇总（共3个文件）") != std::string::npos);
  CHECK(html.find("无法读取：1") != std::string::npos);
  // The header of the batch table, then a row per file.
  for (const std::string& heading : table.header()) {
    CAPTURE(heading);
    CHECK(html.find("<th>" + escaped(heading) + "</th>") != std::string::npos);
  }
  CHECK(occurrences(html, "<tr class=\"row-") == 3);
  // Links: percent-encoded and escaped; the file name escaped once.
  CHECK(
      html.find("<a href=\"001-a%3C%26%3E%22%20%E6%8A%A5%E5%91%8A.html\">dir/a&lt;&amp;&gt;&quot;."
                "txt</a>") != std::string::npos);
  CHECK(html.find("<a href=\"002-b.html\">b.txt</a>") != std::string::npos);
  CHECK(html.find("&amp;amp;") == std::string::npos);
  // The row with an error is marked by a class and a word; the unreadable file has no link.
  CHECK(html.find("<tr class=\"row-error\"><td class=\"mark-cell\">有错误</td>") !=
        std::string::npos);
  CHECK(html.find("<tr class=\"row-ok\"><td class=\"mark-cell\">无错误</td>") != std::string::npos);
  CHECK(html.find("<tr class=\"row-unreadable\"><td class=\"mark-cell\">无法读取</td><td>gone.txt"
                  "</td>") != std::string::npos);
  CHECK(html.find("no such file") != std::string::npos);
  CHECK(occurrences(html, "<a href=") == 2);
  std::string why;
  CHECK_MESSAGE(well_formed(html, &why), why);
  check_self_contained(html);

  HtmlIndexWriter english(rules, {"en", Severity::warning});
  english.add(good_row, "");
  std::ostringstream en;
  english.write(en);
  CHECK(en.str().find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.str().find("Check results: 1 files") != std::string::npos);
  CHECK(en.str().find("no errors") != std::string::npos);
  CHECK(en.str().find("<a href=") == std::string::npos);
}

}  // namespace fzcheck
