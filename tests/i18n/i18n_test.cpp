// The interface words of i18n/*.yaml, compiled in: lookup, placeholders and fallbacks.
#include <doctest/doctest.h>

#include "fzcheck/i18n.hpp"

namespace fzcheck::detail {

TEST_CASE("ui text: words in zh-CN and en with placeholders filled in") {
  CHECK(ui_text("zh-CN", "suggestion", {{"replacement", "法治"}}) == "建议改为：“法治”");
  CHECK(ui_text("en", "suggestion", {{"replacement", "法治"}}) == "suggestion: \"法治\"");
  CHECK(ui_text("zh-CN", "basis", {{"source", "《规定》"}}) == "依据：《规定》");
  CHECK(ui_text("en", "basis", {{"source", "GB/T 9704"}}) == "basis: GB/T 9704");
  CHECK(ui_text("zh-CN", "summary",
                {{"files", "2"}, {"errors", "1"}, {"warnings", "0"}, {"infos", "3"}}) ==
        "共检查 2 个文件：1 个错误，0 个警告，3 条提示");
  CHECK(ui_text("en", "summary",
                {{"files", "2"}, {"errors", "1"}, {"warnings", "0"}, {"infos", "3"}}) ==
        "2 files checked: 1 errors, 0 warnings, 3 notes");
  CHECK(ui_text("zh-CN", "unreadable", {{"count", "1"}}) == "1 个文件无法读取");
  CHECK(ui_text("zh-CN", "list_separator") == "、");
  CHECK(ui_text("en", "item_separator") == "; ");
  CHECK(ui_text("zh-CN", "sequence_arrow") == "→");
}

TEST_CASE("ui text: unknown languages fall back to zh-CN, unknown keys to the key") {
  CHECK(ui_text("fr", "basis", {{"source", "x"}}) == "依据：x");
  CHECK(ui_text("", "list_separator") == "、");
  CHECK(ui_text("en", "no_such_word") == "no_such_word");
  // A missing value leaves its placeholder as written.
  CHECK(ui_text("en", "basis") == "basis: {source}");
}

TEST_CASE("ui text: which languages exist") {
  CHECK(ui_language_known("zh-CN"));
  CHECK(ui_language_known("en"));
  CHECK_FALSE(ui_language_known("fr"));
  CHECK_FALSE(ui_language_known("zh"));
  CHECK_FALSE(ui_language_known(""));
}

}  // namespace fzcheck::detail
