// The basis a rule shows its users (`fzcheck rules explain`) is a public document a reviewer can
// check:
// - no rule rests on a superseded document: neither its `source` nor the basis in its README (the
//   依据 row of the README's table and every section whose heading names 依据) cites one, and no
//   pack's description or README does. The superseded documents are those that rule
//   fazhi-report/document-outdated flags in reports, read from its rule.yaml (`terms` are titles,
//   `patterns` regular expressions): one list for both. That rule names them on purpose and is
//   exempt.
// - no README under rules/ or examples/packs/, and no `source`, refers to internal notes (the word
//   "catalogue" in any case): a user cannot look them up.
#include <doctest/doctest.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

namespace fzcheck {

namespace {

namespace fs = std::filesystem;

const char* const kListingRule = "fazhi-report/document-outdated";

// One superseded document, as document-outdated finds it: a title or a regular expression.
class Superseded {
 public:
  static Superseded title(const std::string& text) { return Superseded(text, nullptr); }
  static Superseded pattern(const std::string& regex) {
    UErrorCode status = U_ZERO_ERROR;
    std::shared_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(regex), 0, status));
    REQUIRE_MESSAGE(U_SUCCESS(status), "document-outdated pattern does not compile: ", regex);
    return Superseded(regex, std::move(compiled));
  }
  // The first place `text` names the document, as written there ("" when it does not).
  std::string found_in(const std::string& text) const {
    if (!regex_) return text.find(name_) != std::string::npos ? name_ : std::string();
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::unique_ptr<icu::RegexMatcher> m(regex_->matcher(u, status));
    if (U_FAILURE(status) || !m->find(status) || U_FAILURE(status)) return {};
    std::string found;
    m->group(status).toUTF8String(found);
    return found;
  }

 private:
  Superseded(std::string name, std::shared_ptr<icu::RegexPattern> regex)
      : name_(std::move(name)), regex_(std::move(regex)) {}
  std::string name_;
  std::shared_ptr<icu::RegexPattern> regex_;  // none for a title
};

// The documents document-outdated flags, from its rule.yaml.
std::vector<Superseded> superseded_list(const fs::path& rule_yaml) {
  const YAML::Node root = YAML::LoadFile(rule_yaml.string());
  std::vector<Superseded> out;
  for (const YAML::Node& term : root["terms"]) {
    out.push_back(
        Superseded::title(term.IsMap() ? term["find"].as<std::string>() : term.as<std::string>()));
  }
  for (const YAML::Node& pattern : root["patterns"]) {
    out.push_back(Superseded::pattern(pattern.IsMap() ? pattern["match"].as<std::string>()
                                                      : pattern.as<std::string>()));
  }
  return out;
}

// What a README gives as the basis: the 依据 row of its table and the sections whose "## "
// heading names 依据, each up to the next "## " heading.
std::string readme_basis(const std::string& readme) {
  const std::string basis = "依据";
  std::istringstream in(readme);
  std::string out;
  bool in_basis_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) in_basis_section = line.find(basis) != std::string::npos;
    if (in_basis_section || line.starts_with("| " + basis + " |")) out += line + "\n";
  }
  return out;
}

// The superseded documents that `text` names, as it writes them.
std::vector<std::string> cited(const std::string& text, const std::vector<Superseded>& list) {
  std::vector<std::string> out;
  for (const Superseded& s : list) {
    std::string found = s.found_in(text);
    if (!found.empty()) out.push_back(std::move(found));
  }
  return out;
}

bool mentions_internal_notes(const std::string& text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("catalogue") != std::string::npos;
}

std::string yaml_string(const fs::path& file, const char* key) {
  const YAML::Node node = YAML::LoadFile(file.string())[key];
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

// The packs (folders with a pack.yaml) of rules/ and examples/packs/.
std::vector<fs::path> packs() {
  std::vector<fs::path> out;
  for (const char* root : {"rules", "examples/packs"}) {
    for (const auto& entry : fs::directory_iterator(test::source_path(root))) {
      if (fs::is_regular_file(entry.path() / "pack.yaml")) out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "<pack>/<rule>" for a rule folder.
std::string rule_name(const fs::path& rule_dir) {
  return rule_dir.parent_path().filename().string() + "/" + rule_dir.filename().string();
}

}  // namespace

TEST_CASE("no rule rests on a superseded document, in its source or its README's basis") {
  const auto list =
      superseded_list(test::source_path("rules/" + std::string(kListingRule) + "/rule.yaml"));
  REQUIRE(list.size() >= 4);
  std::size_t rules = 0;
  for (const fs::path& pack : packs()) {
    const std::string pack_name = pack.filename().string();
    for (const std::string& doc : cited(yaml_string(pack / "pack.yaml", "description"), list))
      FAIL_CHECK("pack ", pack_name, ": its description cites ", doc, ", which is superseded");
    if (fs::is_regular_file(pack / "README.md")) {
      for (const std::string& doc : cited(test::read_file(pack / "README.md"), list))
        FAIL_CHECK("pack ", pack_name, ": README.md cites ", doc, ", which is superseded");
    }
    for (const auto& entry : fs::directory_iterator(pack)) {
      const fs::path dir = entry.path();
      if (!fs::is_regular_file(dir / "rule.yaml")) continue;
      ++rules;
      const std::string name = rule_name(dir);
      if (name == kListingRule) continue;  // it lists them to flag them in reports
      for (const std::string& doc : cited(yaml_string(dir / "rule.yaml", "source"), list)) {
        FAIL_CHECK("rule ", name, ": its source cites ", doc,
                   ", which is superseded: cite the document in force (or say that the rule "
                   "rests on a writing convention)");
      }
      if (!fs::is_regular_file(dir / "README.md")) continue;
      for (const std::string& doc : cited(readme_basis(test::read_file(dir / "README.md")), list)) {
        FAIL_CHECK("rule ", name, ": the basis in README.md (the 依据 row or section) cites ", doc,
                   ", which is superseded");
      }
    }
  }
  CHECK(rules >= 60);
}

TEST_CASE("no README under rules/ or examples/packs/ and no source refers to internal notes") {
  std::size_t readmes = 0;
  for (const char* root : {"rules", "examples/packs"}) {
    for (const auto& entry : fs::recursive_directory_iterator(test::source_path(root))) {
      const fs::path& path = entry.path();
      if (path.filename() == "README.md") {
        ++readmes;
        if (mentions_internal_notes(test::read_file(path)))
          FAIL_CHECK(path.string(),
                     " refers to \"catalogue\", which its readers do not have: "
                     "cite the public document, or give the reasoning");
      } else if (path.filename() == "rule.yaml") {
        if (mentions_internal_notes(yaml_string(path, "source")))
          FAIL_CHECK(path.string(), ": its source refers to \"catalogue\"");
      }
    }
  }
  CHECK(readmes >= 60);
}

TEST_CASE("the checks of the sources find what they look for, and only there") {
  const std::vector<Superseded> list = {Superseded::title("《旧办法》"),
                                        Superseded::pattern("GB/T\\s*1\\s*[-—]\\s*1999")};
  SUBCASE("the basis of a README is the 依据 row and the 依据 sections") {
    const std::string readme =
        "# r\n\n| 项目 | 内容 |\n|---|---|\n| 依据 | 《新条例》第九条 |\n\n"
        "## 检查什么\n\n《旧办法》的写法。\n\n## 为什么：依据\n\n据 GB/T 1-1999 第3条。\n\n"
        "## 示例\n\n《旧办法》\n";
    const std::string basis = readme_basis(readme);
    CHECK(basis.find("| 依据 | 《新条例》第九条 |") != std::string::npos);
    CHECK(basis.find("GB/T 1-1999") != std::string::npos);
    CHECK(basis.find("检查什么") == std::string::npos);
    CHECK(basis.find("示例") == std::string::npos);
    CHECK(cited(basis, list) == std::vector<std::string>{"GB/T 1-1999"});
  }
  SUBCASE("titles and patterns are found, in UTF-8 text") {
    CHECK(cited("依据《旧办法》第二十三条", list) == std::vector<std::string>{"《旧办法》"});
    CHECK(cited("GB/T 1—1999", list).size() == 1);
    CHECK(cited("《新条例》；GB/T 1—2012", list).empty());
  }
  SUBCASE("internal notes in any case") {
    CHECK(mentions_internal_notes("见 Catalogue §6.1"));
    CHECK(mentions_internal_notes("与 catalogue §10 的关系"));
    CHECK_FALSE(mentions_internal_notes("《党政机关公文处理工作条例》第九条"));
  }
}

}  // namespace fzcheck
