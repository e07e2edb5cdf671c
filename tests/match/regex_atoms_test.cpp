// read_regex: what a regex needs the text to contain, read from its syntax. The clauses must be
// sound (every match holds one atom of each clause) and as selective as the syntax allows.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "match/regex_atoms.hpp"
#include "text/ascii.hpp"

namespace fzcheck::detail {

namespace {

AtomClauses clauses(const std::string& pattern) {
  auto reading = read_regex(pattern);
  REQUIRE_MESSAGE(reading.has_value(), pattern);
  return reading->clauses;
}

int groups(const std::string& pattern) {
  auto reading = read_regex(pattern);
  REQUIRE_MESSAGE(reading.has_value(), pattern);
  return reading->groups;
}

}  // namespace

TEST_CASE("regex atoms: literals, classes and alternations become exact atoms") {
  CHECK(clauses("法[制治]审核") == AtomClauses{{"法制审核", "法治审核"}});
  CHECK(clauses("GB/T") == AtomClauses{{"GB/T"}});
  CHECK(clauses("\\Qa.b\\E") == AtomClauses{{"a.b"}});
  CHECK(clauses("\\x{3000}年") == AtomClauses{{"\u3000年"}});
  CHECK(clauses("\\x41\\x{4E00}") == AtomClauses{{"A一"}});
  CHECK(clauses("第二十条第（[一五六八]）项") ==
        AtomClauses{{"第二十条第（一）项", "第二十条第（五）项", "第二十条第（八）项",
                     "第二十条第（六）项"}});
  // An optional part gives both spellings.
  CHECK(clauses("上年度?结转") == AtomClauses{{"上年度结转", "上年结转"}});
  CHECK(clauses("(?:^|[。；])[^在。；，]{0,30}，?[^在。；，]{1,30}的(?:正确|坚强|亲切)领导下") ==
        AtomClauses{{"的亲切领导下", "的坚强领导下", "的正确领导下"}});
}

TEST_CASE("regex atoms: every clause must hold, the most selective first") {
  CHECK(clauses("行政(许可|处罚|检查)[^。；]{0,6}公示") ==
        AtomClauses{{"行政处罚", "行政检查", "行政许可"}, {"公示"}});
  // Digits are weak atoms (in almost every paragraph): kept only when nothing better exists.
  CHECK(clauses("\\d{4}年") == AtomClauses{{"年"}});
  CHECK(clauses("(\\d{1,2}月\\d{1,2})号") == AtomClauses{{"号"}, {"月"}});
  CHECK(clauses("[０-９]+") ==
        AtomClauses{{"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"}});
  CHECK(clauses("a|b.*") == AtomClauses{{"a", "b"}});
  // Without a strong clause, weak ones together: a year range needs its hyphen too.
  CHECK(clauses("((?:19|20)\\d\\d)\\s*-\\s*((?:19|20)\\d\\d)") == AtomClauses{{"19", "20"}, {"-"}});
  // Repetition keeps what one copy needs.
  CHECK(clauses("(ab|cd)+x*") == AtomClauses{{"ab", "cd"}});
  CHECK(clauses("(?:一把手){2,3}") == AtomClauses{{"一把手"}});
}

TEST_CASE("regex atoms: no clause where a match may hold nothing known") {
  CHECK(clauses("[A-Z]{2,}").empty());
  CHECK(clauses("\\d+").empty());
  CHECK(clauses("\\p{Han}+").empty());
  CHECK(clauses("x?").empty());
  CHECK(clauses("a*").empty());
  CHECK(clauses("甲|.").empty());  // one branch needs nothing
  CHECK(clauses("^$").empty());
  CHECK(clauses("[^。；]+").empty());
}

TEST_CASE("regex atoms: case-insensitive letters beyond ASCII are spelt in every case") {
  CHECK(clauses("(?i)pdf") == AtomClauses{{"pdf"}});  // the automaton folds ASCII itself
  // …but k and s also stand for the Kelvin sign and the long s.
  CHECK(clauses("(?i)ks") == AtomClauses{{"ks", "kſ", "\u212As", "\u212Aſ"}});
  auto gdp = clauses("(?i)ｇｄｐ增长");
  REQUIRE(gdp.size() == 1);
  CHECK(gdp[0].size() == 8);
  CHECK(std::find(gdp[0].begin(), gdp[0].end(), "ＧｄＰ增长") != gdp[0].end());
  // The flag lasts to the end of its group only.
  auto scoped = clauses("((?i)é)É");
  REQUIRE(scoped.size() == 1);
  CHECK(scoped[0] == std::vector<std::string>{"ÉÉ", "éÉ"});
  CHECK(clauses("(?i:é)É") == scoped);
}

TEST_CASE("regex atoms: a long pattern is read in one pass") {
  // A class, then 200,000 escaped characters: the class's strings grow in place (copying them for
  // each character took minutes); and 200,000 characters alternately optional, cut into runs.
  std::string one_by_one = "[ab]";
  for (int i = 0; i < 200000; ++i) one_by_one += i % 2 ? "x" : "y?";
  std::string escaped = "[ab]";
  for (int i = 0; i < 200000; ++i) escaped += "\\.";  // each escape an item of its own
  auto reading = read_regex(escaped);
  REQUIRE(reading);
  REQUIRE(reading->clauses.size() == 1);
  CHECK(reading->clauses[0].size() == 2);
  CHECK(reading->clauses[0][0].size() == 200001);
  auto spaced = read_regex(one_by_one);
  REQUIRE(spaced);
  CHECK_FALSE(spaced->clauses.empty());
}

TEST_CASE("regex atoms: capturing groups are counted") {
  CHECK(groups("abc") == 0);
  CHECK(groups("(a)(?:b)(?P<n>c)[(]\\(") == 2);
  CHECK(groups("((a)|(b))(?i:c)") == 3);
  CHECK(groups("(?<name>x)") == 1);
}

TEST_CASE("regex atoms: patterns the reader does not understand are not read") {
  // A repetition after (?i) repeats the item before it, in RE2: left to RE2 (found by fuzzing).
  CHECK_FALSE(read_regex("~(?)*").has_value());
  CHECK_FALSE(read_regex("a(?i)+").has_value());
  for (const char* bad : {"a{2,1}", "(a", "a)", "\\1", "[abc", "*a", "a{1,", "\\Z", "(?=a)",
                          "[z-a]", "\\xZZ", "a{99999}"}) {
    CAPTURE(bad);
    CHECK_FALSE(read_regex(bad).has_value());
  }
  // Deep nesting is refused, not followed to the end of the stack.
  CHECK_FALSE(read_regex(std::string(5000, '(') + "a" + std::string(5000, ')')).has_value());
}

TEST_CASE("regex atoms: every match holds an atom of every clause (random texts)") {
  const std::vector<std::string> patterns = {
      "行政(许可|处罚|检查)[^。；]{0,6}公示",
      "法[制治]审核(制度)?",
      "(\\d{1,2}月\\d{1,2})号",
      "(但|仍|还)[^。；]{0,30}(存在|有)[^。；]{0,30}(不足|问题)",
      "(?i)(pdf|doc)x?文件",
      "[XxＸｘ]{2,}",
      "近(\\d+|[一二三])余(年|个月)(来|以来)",
      "(?:^|。)\\s*(下一步|明年)",
      "\\Q(一)\\E|（一）",
      "a(b|c)?d",
      "((?i)ｘ)Y",
  };
  const std::vector<std::string> fragments = {
      "行政许可", "行政处罚", "结果", "公示", "法制", "法治", "审核",   "制度", "3月5", "12月",
      "号",       "但",       "仍",   "存在", "有",   "不足", "问题",   "。",   "；",   "PDF",
      "pdf",      "DOCX",     "doc",  "文件", "x",    "X",    "Ｘ",     "ｘ",   "近",   "3",
      "二",       "余",       "年",   "个月", "以来", "来",   "下一步", "明年", " ",    "(一)",
      "（一）",   "a",        "b",    "c",    "d",    "Y",    "y"};
  std::mt19937 rng(11);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::size_t matched = 0;
  for (const std::string& pattern : patterns) {
    CAPTURE(pattern);
    RE2 re(pattern);
    REQUIRE(re.ok());
    const AtomClauses cs = clauses(pattern);
    CHECK_FALSE(cs.empty());
    for (int k = 0; k < 3000; ++k) {
      std::string text;
      const std::size_t n = pick(10);
      for (std::size_t i = 0; i < n; ++i) text += fragments[pick(fragments.size())];
      if (!RE2::PartialMatch(text, re)) continue;
      ++matched;
      for (const auto& clause : cs) {
        const bool held = std::any_of(clause.begin(), clause.end(), [&](const std::string& atom) {
          return ascii::ifind(text, atom) != std::string_view::npos;
        });
        CAPTURE(text);
        CHECK(held);
      }
    }
  }
  CHECK(matched > 500);
}

}  // namespace fzcheck::detail
