// The interface words of i18n/*.yaml, compiled in: lookup, placeholders and fallbacks.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "fzcheck/i18n.hpp"
#include "i18n/catalogue_files.hpp"
#include "i18n/message.hpp"
#include "support.hpp"

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

namespace {

// The compiled-in catalogues: language → key → text.
std::map<std::string, std::map<std::string, std::string>> catalogues() {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (std::size_t i = 0; i < kUiFileCount; ++i) {
    std::string name = kUiFiles[i].path;
    YAML::Node root =
        YAML::Load(std::string(reinterpret_cast<const char*>(kUiFiles[i].data), kUiFiles[i].size));
    auto& words = out[name.substr(0, name.rfind('.'))];
    for (auto it = root.begin(); it != root.end(); ++it)
      words[it->first.Scalar()] = it->second.Scalar();
  }
  return out;
}

// Every C++ file of src/, with its path.
std::vector<std::pair<std::string, std::string>> sources() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(test::source_path("src"))) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".cpp" || ext == ".hpp")
      out.emplace_back(entry.path().string(), test::read_file(entry.path()));
  }
  return out;
}

}  // namespace

TEST_CASE("ui text: every catalogue has the same keys, with the same placeholders") {
  const auto all = catalogues();
  REQUIRE(all.count("zh-CN"));
  REQUIRE(all.count("en"));
  // No structured bindings: CAPTURE captures what it names, which clang 14 refuses for a binding.
  for (const auto& mine_entry : all) {
    const std::string& language = mine_entry.first;
    for (const auto& other_entry : all) {
      const std::string& other = other_entry.first;
      const auto& other_words = other_entry.second;
      if (other == language) continue;
      for (const auto& word : mine_entry.second) {
        const std::string& key = word.first;
        const std::string& text = word.second;
        CAPTURE(language);
        CAPTURE(other);
        CAPTURE(key);
        auto it = other_words.find(key);
        CHECK(it != other_words.end());  // a key of `language` that `other` lacks
        if (it == other_words.end()) continue;
        auto mine = MessageTemplate::placeholders(text);
        auto theirs = MessageTemplate::placeholders(it->second);
        CHECK(std::set<std::string>(mine.begin(), mine.end()) ==
              std::set<std::string>(theirs.begin(), theirs.end()));
      }
    }
  }
}

TEST_CASE("ui text: every key the sources use is in the catalogues") {
  const auto all = catalogues();
  // A string literal that is a key by its prefix, or the key argument of tr(), ui_text() and
  // ui_error(), or a --help text given to RuleFlags::add_to.
  const std::regex key_patterns[] = {
      std::regex(R"re("((?:cli|help|error)_[a-z0-9_]+)")re"),
      std::regex(R"re(tr\(\s*"([a-z0-9_]+)")re"),
      std::regex(R"re(ui_text\([^,()]+,\s*"([a-z0-9_]+)")re"),
      std::regex(R"re(ui_error\([^,()]+,\s*"([a-z0-9_]+)")re"),
  };
  std::size_t found = 0;
  for (const auto& source : sources()) {
    const std::string& path = source.first;
    const std::string& text = source.second;
    for (const std::regex& pattern : key_patterns) {
      for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
        const std::string key = (*it)[1];
        ++found;
        for (const auto& catalogue : all) {
          const std::string& language = catalogue.first;
          CAPTURE(path);
          CAPTURE(key);
          CAPTURE(language);
          CHECK(catalogue.second.count(key) == 1);
        }
      }
    }
  }
  CHECK(found > 150);  // the scan sees the sources
  // And the other way: no key of the tool or of an error is left unused.
  std::string all_sources;
  for (const auto& [path, text] : sources()) all_sources += text;
  for (const auto& word : all.at("en")) {
    const std::string& key = word.first;
    if (!key.starts_with("cli_") && !key.starts_with("help_") && !key.starts_with("error_"))
      continue;
    CAPTURE(key);
    CHECK(all_sources.find('"' + key + '"') != std::string::npos);
  }
}

TEST_CASE("ui text: the command-line tool has no Chinese of its own (it is in i18n/*.yaml)") {
  for (const auto& source : sources()) {
    const std::string& path = source.first;
    const std::string& text = source.second;
    if (path.find("/src/cli/") == std::string::npos) continue;
    CAPTURE(path);
    // UTF-8 lead bytes of U+2E80..U+9FFF (CJK) and U+FF00..U+FFEF (full-width forms).
    bool cjk = false;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
      cjk |= (b0 >= 0xE2 && b0 <= 0xE9 && (b0 > 0xE2 || b1 >= 0xBA)) ||
             (b0 == 0xEF && b1 >= 0xBC && b1 <= 0xBF);
    }
    CHECK_FALSE(cjk);
  }
}

TEST_CASE("error text: the key's text in the language, else the English message") {
  Error keyed = ui_error(ErrorCode::not_found, "error_no_such_file", {}, "a.txt");
  CHECK(keyed.message == "no such file");
  CHECK(keyed.key == "error_no_such_file");
  CHECK(keyed.to_string() == "a.txt: no such file");
  CHECK(error_text(keyed, "zh-CN") == "a.txt: 文件不存在");
  CHECK(error_text(keyed, "en") == "a.txt: no such file");
  CHECK(error_message(keyed, "zh-CN") == "文件不存在");
  Error placed =
      ui_error(ErrorCode::encoding, "error_xml_malformed",
               {{"part", "word/document.xml"}, {"reason", "bad"}, {"line", "3"}}, "r.docx", {3, 7});
  CHECK(placed.message == "the part word/document.xml is not well-formed XML: bad (line 3)");
  CHECK(error_text(placed, "zh-CN") ==
        "r.docx:3:7: 部件 word/document.xml 不是格式正确的 XML：bad（第 3 行）");
  // No key, or a key no catalogue has: the English message.
  Error plain{ErrorCode::rule_schema, "unknown key 'x'", "rule.yaml", {2, 1}};
  CHECK(error_text(plain, "zh-CN") == "rule.yaml:2:1: unknown key 'x'");
  Error unknown = plain;
  unknown.key = "error_nothing_like_this";
  CHECK(error_text(unknown, "zh-CN") == "rule.yaml:2:1: unknown key 'x'");
  // An unknown language falls back to zh-CN, as ui_text does.
  CHECK(error_message(keyed, "fr") == "文件不存在");
}

}  // namespace fzcheck::detail
