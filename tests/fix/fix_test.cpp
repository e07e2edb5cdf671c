// Certain corrections (fix.hpp): applying them, writing the result byte for byte like the source
// (encoding, byte-order mark, line ends), the unified diff, and the check → fix → check round
// trip on the five sample reports.
#include "fzcheck/fix.hpp"

#include <unicode/ucnv.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "fzcheck/read.hpp"
#include "rule_pack.hpp"
#include "support.hpp"

namespace fzcheck {

namespace {

using test::Lines;

// `utf8` converted to `encoding` with ICU (no byte-order mark is written).
std::string encode(std::string_view utf8, const char* encoding) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// `bytes` in `encoding` back to UTF-8; nullopt if they are not valid in it.
std::optional<std::string> decode_strictly(std::string_view bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(encoding, &status);
  REQUIRE(U_SUCCESS(status));
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, out.data(), static_cast<int32_t>(out.size()),
                                 bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  ucnv_close(cnv);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

Document read(std::string_view bytes, const std::string& encoding = "") {
  ReadOptions options;
  options.encoding = encoding;
  auto doc = read_bytes(bytes, "t.txt", options);
  REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().to_string()));
  return std::move(doc).value();
}

// A finding that replaces bytes [begin, end) of the document text.
Finding fix(std::uint32_t begin, std::uint32_t end, std::string replacement,
            std::string rule = "r") {
  Finding f;
  f.rule_id = std::move(rule);
  f.begin_offset = begin;
  f.end_offset = end;
  f.replacement = std::move(replacement);
  return f;
}

std::vector<std::string> ids(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule_id);
  return out;
}

// A message as it reads once the text is corrected: messages quote the document
// ("“…不完备,青少…”"), and a quote of corrected text then holds the replacement.
std::string corrected(std::string message, const std::vector<Finding>& applied) {
  for (const Finding& f : applied) {
    if (f.excerpt.empty()) continue;
    for (std::size_t at = message.find(f.excerpt); at != std::string::npos;
         at = message.find(f.excerpt, at + f.replacement->size())) {
      message.replace(at, f.excerpt.size(), *f.replacement);
    }
  }
  return message;
}

// Findings as "rule-id message", sorted: a multiset to compare.
std::vector<std::string> rule_and_message(const std::vector<Finding>& findings,
                                          const std::vector<Finding>& applied = {}) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule_id + " " + corrected(f.message, applied));
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t i = text.find(what); i != std::string_view::npos; i = text.find(what, i + 1))
    ++n;
  return n;
}

}  // namespace

// ---- apply_fixes ------------------------------------------------------------------------------

TEST_CASE("apply_fixes: replacements in order, nothing else touched") {
  Document doc = test::parse("甲,乙\n丙，，丁\n");
  // Given out of order: they are applied by position.
  FixResult r = apply_fixes(doc, {fix(11, 17, "，", "b"), fix(3, 4, "，", "a")});
  CHECK(r.text == "甲，乙\n丙，丁");
  CHECK(ids(r.applied) == std::vector<std::string>{"a", "b"});
  CHECK(r.skipped.empty());
  // Findings without a replacement are no fixes.
  Finding plain = fix(0, 3, "");
  plain.replacement.reset();
  FixResult none = apply_fixes(doc, {plain});
  CHECK(none.text == doc.text);
  CHECK(none.applied.empty());
}

TEST_CASE("apply_fixes: of overlapping fixes the earliest, then the longest, wins") {
  Document doc = test::parse("甲乙丙丁戊");  // 3 bytes each: 甲 0, 乙 3, 丙 6, 丁 9, 戊 12
  FixResult r = apply_fixes(doc, {fix(3, 9, "X", "shorter"), fix(6, 12, "Y", "later"),
                                  fix(3, 12, "Z", "longest"), fix(12, 15, "W", "after")});
  CHECK(r.text == "甲ZW");
  CHECK(ids(r.applied) == std::vector<std::string>{"longest", "after"});
  CHECK(ids(r.skipped) == std::vector<std::string>{"shorter", "later"});
  // The earliest wins even when a later one is longer.
  FixResult early = apply_fixes(doc, {fix(6, 15, "LONG", "late"), fix(3, 9, "S", "early")});
  CHECK(early.text == "甲S丁戊");
  CHECK(ids(early.skipped) == std::vector<std::string>{"late"});
  // Two fixes of the very same span: the first given wins.
  FixResult same = apply_fixes(doc, {fix(3, 6, "1", "first"), fix(3, 6, "2", "second")});
  CHECK(same.text == "甲1丙丁戊");
  CHECK(ids(same.skipped) == std::vector<std::string>{"second"});
}

TEST_CASE("apply_fixes: insertions next to replacements") {
  Document doc = test::parse("甲乙丙");
  // An insertion where a replacement ends, and one at the very end: both applied.
  FixResult after = apply_fixes(
      doc, {fix(0, 3, "A", "replace"), fix(3, 3, "+", "insert"), fix(9, 9, "。", "end")});
  CHECK(after.text == "A+乙丙。");
  CHECK(after.skipped.empty());
  // A replacement that starts right after an applied one is not an overlap.
  FixResult adjacent = apply_fixes(doc, {fix(0, 3, "A"), fix(3, 6, "B")});
  CHECK(adjacent.text == "AB丙");
  CHECK(adjacent.skipped.empty());
  // An insertion at the point where a replacement starts counts as overlapping it, and so does a
  // second insertion at the same point.
  FixResult before = apply_fixes(doc, {fix(3, 3, "+", "insert"), fix(3, 6, "B", "replace")});
  CHECK(before.text == "甲B丙");
  CHECK(ids(before.skipped) == std::vector<std::string>{"insert"});
  FixResult twice = apply_fixes(doc, {fix(6, 6, "1", "one"), fix(6, 6, "2", "two")});
  CHECK(twice.text == "甲乙1丙");
  CHECK(ids(twice.skipped) == std::vector<std::string>{"two"});
}

TEST_CASE("apply_fixes: fixes that would join or split lines are refused") {
  Document doc = test::parse("甲乙\n丙丁\n");
  FixResult r = apply_fixes(doc, {fix(0, 3, "X\nY", "newline"), fix(3, 6, "\r", "cr"),
                                  fix(3, 10, "Z", "spans-lines"), fix(10, 13, "K", "ok")});
  CHECK(r.text == "甲乙\n丙K");
  CHECK(ids(r.applied) == std::vector<std::string>{"ok"});
  CHECK(r.skipped.empty());  // refused, not postponed: another run would not apply them either
  // Spans outside the text are ignored.
  FixResult bad = apply_fixes(doc, {fix(6, 3, "X"), fix(0, 100, "Y")});
  CHECK(bad.text == doc.text);
  CHECK(bad.applied.empty());
}

// ---- encode_like_source -----------------------------------------------------------------------

TEST_CASE("encode_like_source: a document without fixes comes back byte for byte") {
  const std::string text = "某局2024年度报告\n一、工作\n正文，内容。\n";
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;  // forced when reading, if not empty
    std::string expected_encoding;
    bool bom;
  };
  auto with_ends = [&](const std::string& end, bool final_end) {
    std::string out;
    std::size_t start = 0;
    while (true) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string::npos) break;
      out += text.substr(start, nl - start);
      bool last = nl + 1 == text.size();
      if (!last || final_end) out += end;
      start = nl + 1;
    }
    return out;
  };
  std::string mixed = "甲\r\n乙\n丙\r丁\r\n\r\n戊";
  std::vector<Case> cases = {
      {"UTF-8, LF", with_ends("\n", true), "", "UTF-8", false},
      {"UTF-8, no final newline", with_ends("\n", false), "", "UTF-8", false},
      {"UTF-8 with BOM, CRLF", "\xEF\xBB\xBF" + with_ends("\r\n", true), "", "UTF-8", true},
      {"UTF-8, CR", with_ends("\r", true), "", "UTF-8", false},
      {"UTF-8, mixed line ends", mixed, "", "UTF-8", false},
      {"GB18030, CRLF", encode(with_ends("\r\n", true), "GB18030"), "GB18030", "GB18030", false},
      {"GB18030 with BOM", "\x84\x31\x95\x33" + encode(with_ends("\n", true), "GB18030"), "",
       "GB18030", true},
      {"UTF-16LE with BOM, CRLF", "\xFF\xFE" + encode(with_ends("\r\n", true), "UTF-16LE"), "",
       "UTF-16LE", true},
      {"UTF-16BE with BOM, no final newline",
       "\xFE\xFF" + encode(with_ends("\n", false), "UTF-16BE"), "", "UTF-16BE", true},
      {"UTF-16LE without BOM, forced", encode(mixed, "UTF-16LE"), "UTF-16LE", "UTF-16LE", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Document doc = read(c.bytes, c.encoding);
    CHECK(doc.encoding == c.expected_encoding);
    CHECK(doc.had_bom == c.bom);
    auto bytes = encode_like_source(doc, apply_fixes(doc, {}).text);
    REQUIRE_MESSAGE(bytes.ok(), (bytes.ok() ? "" : bytes.error().to_string()));
    CHECK(*bytes == c.bytes);
  }
}

TEST_CASE("encode_like_source: a fix in UTF-16 and GB18030 keeps the line ends and the mark") {
  std::string utf16 = "\xFF\xFE" + encode("甲,乙\r\n丙\r\n", "UTF-16LE");
  Document doc = read(utf16);
  auto fixed = encode_like_source(doc, apply_fixes(doc, {fix(3, 4, "，")}).text);
  REQUIRE(fixed.ok());
  CHECK(*fixed == "\xFF\xFE" + encode("甲，乙\r\n丙\r\n", "UTF-16LE"));

  std::string gb = encode("甲,乙\r丙", "GB18030");
  Document gdoc = read(gb, "GB18030");
  auto gfixed = encode_like_source(gdoc, apply_fixes(gdoc, {fix(3, 4, "，")}).text);
  REQUIRE(gfixed.ok());
  CHECK(*gfixed == encode("甲，乙\r丙", "GB18030"));
}

TEST_CASE("encode_like_source: a text that comes to start with U+FEFF gets a mark before it") {
  // Found by fuzz/fuzz_fix: " \uFEFF2023年…" without a mark; the fix removed the space, and the
  // copy's first character was read back as a byte-order mark and dropped.
  for (const char* encoding : {"GB18030", "UTF-8"}) {
    CAPTURE(encoding);
    const std::string text = " \xEF\xBB\xBF甲\n";
    Document doc = read(encode(text, encoding), encoding);
    REQUIRE_FALSE(doc.had_bom);
    REQUIRE(doc.text.starts_with(" \xEF\xBB\xBF甲"));
    auto fixed = encode_like_source(doc, apply_fixes(doc, {fix(0, 1, "")}).text);
    REQUIRE(fixed.ok());
    CHECK(*fixed == encode("\xEF\xBB\xBF\xEF\xBB\xBF甲\n", encoding));
    Document again = read(*fixed, encoding);
    CHECK(again.had_bom);
    CHECK(again.text == doc.text.substr(1));
  }
}

TEST_CASE("encode_like_source: a corrected character the file's encoding cannot hold") {
  // GB18030 holds every character; a file read as GBK or Big5 does not.
  std::string gbk = encode("甲,乙\n", "GBK");
  Document doc = read(gbk, "GBK");
  CHECK(encode_like_source(doc, apply_fixes(doc, {}).text).value() == gbk);
  auto ok = encode_like_source(doc, apply_fixes(doc, {fix(3, 4, "，")}).text);
  REQUIRE(ok.ok());
  CHECK(*ok == encode("甲，乙\n", "GBK"));
  auto bad = encode_like_source(doc, apply_fixes(doc, {fix(3, 4, "\U0001F600")}).text);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::encoding);
  CHECK(bad.error().file == "t.txt");
  CHECK(bad.error().message ==
        "a corrected character cannot be written in " + doc.encoding + ", the file's encoding");
  // The same character into a GB18030 file is fine.
  Document gdoc = read(encode("甲,乙\n", "GB18030"), "GB18030");
  auto good = encode_like_source(gdoc, apply_fixes(gdoc, {fix(3, 4, "\U0001F600")}).text);
  REQUIRE(good.ok());
  CHECK(decode_strictly(*good, "GB18030") == std::optional<std::string>("甲\U0001F600乙\n"));
}

TEST_CASE("encode_like_source: only for plain text, and only with the document's lines") {
  auto docx = read_document(test::source_path("tests/fixtures/docx/000_564c8ac60a8ddf78.docx"));
  REQUIRE(docx.ok());
  auto refused = encode_like_source(*docx, docx->text);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::unsupported_format);
  CHECK(refused.error().message == "corrected copies can be written for plain text only, not docx");

  Document doc = test::parse("甲\n乙\n");
  auto lines = encode_like_source(doc, "甲\n乙\n丙");
  REQUIRE_FALSE(lines.ok());
  CHECK(lines.error().code == ErrorCode::internal);
}

// ---- unified_diff -----------------------------------------------------------------------------

TEST_CASE("unified_diff: hunks with three lines of context, merged when close, line numbers") {
  std::string text;
  for (int i = 1; i <= 20; ++i) text += "第" + std::to_string(i) + "行\n";
  Document doc = test::parse(text);
  auto changed = [&](std::vector<int> lines) {
    std::string out;
    for (int i = 1; i <= 20; ++i) {
      bool c = std::find(lines.begin(), lines.end(), i) != lines.end();
      out += (c ? "改" : "第") + std::to_string(i) + "行";
      if (i < 20) out += "\n";
    }
    return out;
  };
  CHECK(unified_diff(doc, changed({}), "t.txt") == "");
  CHECK(unified_diff(doc, changed({5}), "dir/t.txt") ==
        "--- a/dir/t.txt\n+++ b/dir/t.txt\n"
        "@@ -2,7 +2,7 @@\n 第2行\n 第3行\n 第4行\n-第5行\n+改5行\n 第6行\n 第7行\n 第8行\n");
  // Six unchanged lines between two changes: one hunk.
  CHECK(unified_diff(doc, changed({5, 12}), "t.txt") ==
        "--- a/t.txt\n+++ b/t.txt\n"
        "@@ -2,14 +2,14 @@\n 第2行\n 第3行\n 第4行\n-第5行\n+改5行\n 第6行\n 第7行\n 第8行\n"
        " 第9行\n 第10行\n 第11行\n-第12行\n+改12行\n 第13行\n 第14行\n 第15行\n");
  // Seven: two hunks.
  CHECK(unified_diff(doc, changed({5, 13}), "t.txt") ==
        "--- a/t.txt\n+++ b/t.txt\n"
        "@@ -2,7 +2,7 @@\n 第2行\n 第3行\n 第4行\n-第5行\n+改5行\n 第6行\n 第7行\n 第8行\n"
        "@@ -10,7 +10,7 @@\n 第10行\n 第11行\n 第12行\n-第13行\n+改13行\n 第14行\n 第15行\n "
        "第16行\n");
  // At the edges the context is cut short.
  CHECK(unified_diff(doc, changed({1, 20}), "t.txt") ==
        "--- a/t.txt\n+++ b/t.txt\n"
        "@@ -1,4 +1,4 @@\n-第1行\n+改1行\n 第2行\n 第3行\n 第4行\n"
        "@@ -17,4 +17,4 @@\n 第17行\n 第18行\n 第19行\n-第20行\n+改20行\n");
  // Text that does not have the document's lines gives no diff.
  CHECK(unified_diff(doc, "甲", "t.txt") == "");
}

// ---- the round trip on the samples ------------------------------------------------------------

TEST_CASE("fix round trip: check, fix, check again on the five samples") {
  RuleSet rules = RuleSet::builtin();
  for (const std::string& name : test::sample_names()) {
    CAPTURE(name);
    std::string original = test::read_file(test::source_path("examples/reports/" + name + ".txt"));
    Document doc = read(original);
    Report before = check(doc, rules);
    std::vector<Finding> unfixable_before;
    std::size_t fixable = 0;
    for (const Finding& f : before.findings) {
      if (f.replacement) {
        ++fixable;
      } else {
        unfixable_before.push_back(f);
      }
    }
    CHECK(fixable > 0);
    std::string bytes = original;
    Report after;
    std::vector<Finding> applied;
    for (int pass = 1;; ++pass) {
      CAPTURE(pass);
      Document current = read(bytes);
      FixResult fixed = apply_fixes(current, check(current, rules).findings);
      applied.insert(applied.end(), fixed.applied.begin(), fixed.applied.end());
      auto encoded = encode_like_source(current, fixed.text);
      REQUIRE(encoded.ok());
      bytes = *encoded;
      after = check(read(bytes), rules);
      if (fixed.skipped.empty() || pass == 2) break;
    }
    std::vector<Finding> with_fix;
    for (const Finding& f : after.findings) {
      if (f.replacement) with_fix.push_back(f);
    }
    Report fixes_left;
    fixes_left.findings = with_fix;
    CHECK(test::show(fixes_left) == Lines{});
    // What is left was there before: a sub-multiset by rule and message (quotes corrected),
    // nothing new.
    std::vector<std::string> left = rule_and_message(after.findings);
    std::vector<std::string> earlier = rule_and_message(unfixable_before, applied);
    Lines extra;
    std::set_difference(left.begin(), left.end(), earlier.begin(), earlier.end(),
                        std::back_inserter(extra));
    CHECK(extra == Lines{});
    CHECK(left.size() <= earlier.size());
    // Fixes never add or remove a line.
    CHECK(count(bytes, "\n") == count(original, "\n"));
  }
}

TEST_CASE("fix round trip: a GB18030 copy with CRLF line ends stays GB18030 with its CRLFs") {
  std::string utf8 =
      test::read_file(test::source_path("examples/reports/002_761e60630c4c52e8.txt"));
  std::string crlf;
  for (char c : utf8) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string gb = encode(crlf, "GB18030");
  Document doc = read(gb);
  CHECK(doc.encoding == "GB18030");
  CHECK_FALSE(doc.had_bom);
  RuleSet rules = RuleSet::builtin();
  FixResult fixed = apply_fixes(doc, check(doc, rules).findings);
  REQUIRE(fixed.applied.size() > 5);
  auto bytes = encode_like_source(doc, fixed.text);
  REQUIRE(bytes.ok());
  CHECK(*bytes != gb);
  auto back = decode_strictly(*bytes, "GB18030");
  REQUIRE(back);
  CHECK(count(*bytes, "\r\n") == count(gb, "\r\n"));
  CHECK(count(*bytes, "\n") == count(gb, "\r\n"));
  CHECK(count(*bytes, "\r") == count(gb, "\r\n"));
  // The same corrections as in the UTF-8 original, only encoded differently.
  Document plain = read(utf8);
  auto utf8_fixed =
      encode_like_source(plain, apply_fixes(plain, check(plain, rules).findings).text);
  REQUIRE(utf8_fixed.ok());
  std::string expected;
  for (char c : *utf8_fixed) {
    if (c == '\n') expected += '\r';
    expected += c;
  }
  CHECK(*back == expected);
}

}  // namespace fzcheck
