// Message templates: {placeholders} found, checked and filled in; words joined in a pack's
// language.
#include <doctest/doctest.h>

#include "checks/build_context.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

using test::Lines;

namespace {
Lines names(std::string_view text) {
  Lines out;
  for (auto& n : MessageTemplate::placeholders(text)) out.push_back(n);
  return out;
}
}  // namespace

TEST_CASE("message: placeholders are lower-case words in braces") {
  CHECK(names("缺少{missing}（共{total}项，{count}项未写）") == Lines{"missing", "total", "count"});
  CHECK(names("{a}{b_c}") == Lines{"a", "b_c"});
  // Not placeholders: empty, upper case, digits, spaces, RE2-style counts, an unclosed brace.
  CHECK(names("{} {Name} {x1} {a b} \\d{4} {open") == Lines{});
  CHECK(names(std::string("{") + std::string(32, 'a') + "}") == Lines{std::string(32, 'a')});
  CHECK(names(std::string("{") + std::string(33, 'a') + "}") == Lines{});
  CHECK(names("") == Lines{});
}

TEST_CASE("message: uses() tells whether a placeholder is used") {
  MessageTemplate m("把“{match}”改为“{replacement}”");
  CHECK(m.uses("match"));
  CHECK(m.uses("replacement"));
  CHECK_FALSE(m.uses("heading"));
  CHECK_FALSE(m.uses("match}"));
  CHECK(m.text() == "把“{match}”改为“{replacement}”");
}

TEST_CASE("message: format fills in values and leaves unknown braces alone") {
  MessageTemplate m("把“{match}”改为“{replacement}”，见{other}与\\d{4}");
  CHECK(m.format({{"match", "法制"}, {"replacement", "法治"}}) ==
        "把“法制”改为“法治”，见{other}与\\d{4}");
  CHECK(m.format({}) == "把“{match}”改为“{replacement}”，见{other}与\\d{4}");
  // A value that itself looks like a placeholder is not expanded again.
  CHECK(MessageTemplate("{a}{b}").format({{"a", "{b}"}, {"b", "x"}}) == "{b}x");
  // The same placeholder twice; a brace that never closes.
  CHECK(MessageTemplate("{a}={a} {").format({{"a", "1"}}) == "1=1 {");
  CHECK(MessageTemplate("no placeholders").format({{"a", "1"}}) == "no placeholders");
  CHECK(MessageTemplate().format({}) == "");
}

TEST_CASE("message: words joined as a list, quoted items or a sequence") {
  const std::vector<std::string> words = {"甲", "乙", "丙"};
  CHECK(join_words("zh-CN", words, Joiner::list) == "甲、乙、丙");
  CHECK(join_words("zh-CN", words, Joiner::quoted_items) == "“甲”；“乙”；“丙”");
  CHECK(join_words("zh-CN", words, Joiner::sequence) == "甲→乙→丙");
  CHECK(join_words("en", {"a", "b"}, Joiner::list) == "a, b");
  CHECK(join_words("en", {"a", "b"}, Joiner::quoted_items) == "\"a\"; \"b\"");
  CHECK(join_words("en", {"a", "b"}, Joiner::sequence) == "a -> b");
  CHECK(join_words("zh-CN", {"甲"}, Joiner::quoted_items) == "“甲”");
  CHECK(join_words("zh-CN", {}, Joiner::list) == "");
  // An unknown language falls back to zh-CN.
  CHECK(join_words("fr", {"a", "b"}, Joiner::list) == "a、b");
}

}  // namespace fzcheck::detail
