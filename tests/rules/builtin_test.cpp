// The packs compiled into the library: the same files as rules/ on disk (without fixtures),
// loaded once, and complete.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "i18n/catalogue_files.hpp"
#include "rule_pack.hpp"
#include "rules/builtin_files.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

namespace fs = std::filesystem;

namespace {

// Pack folders under rules/ and, for each, its rule folders (those with rule.yaml).
std::map<std::string, std::vector<std::string>> packs_on_disk() {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& pack : fs::directory_iterator(test::source_path("rules"))) {
    if (!fs::exists(pack.path() / "pack.yaml")) continue;
    auto& rules = out[pack.path().filename().string()];
    for (const auto& rule : fs::directory_iterator(pack.path())) {
      if (fs::exists(rule.path() / "rule.yaml")) rules.push_back(rule.path().filename().string());
    }
    std::sort(rules.begin(), rules.end());
  }
  return out;
}

}  // namespace

TEST_CASE("builtin: the embedded packs are the files of rules/") {
  auto disk = packs_on_disk();
  REQUIRE(disk.count("fazhi-report") == 1);
  auto sources = detail::builtin_packs();
  REQUIRE(sources.size() == disk.size());
  for (const auto& source : sources) {
    std::string id = source.origin.substr(std::string("builtin:").size());
    CAPTURE(id);
    REQUIRE(disk.count(id) == 1);
    CHECK(source.origin == "builtin:" + id);
    CHECK(source.pack_file == "builtin:" + id + "/pack.yaml");
    // Compared without printing: the files are long.
    auto same = [](const std::string& embedded, const std::string& relative) {
      bool equal = embedded == test::read_file(test::source_path(relative));
      CHECK_MESSAGE(equal, relative << " differs from its embedded copy");
    };
    same(source.pack_yaml, "rules/" + id + "/pack.yaml");
    std::vector<std::string> names;
    for (const auto& rule : source.rules) {
      names.push_back(rule.dir_name);
      const std::string rel = "rules/" + id + "/" + rule.dir_name + "/";
      CHECK(rule.rule_file == "builtin:" + id + "/" + rule.dir_name + "/rule.yaml");
      same(rule.rule_yaml, rel + "rule.yaml");
      if (fs::exists(test::source_path(rel + "README.md"))) {
        same(rule.readme, rel + "README.md");
      } else {
        CHECK(rule.readme.empty());
      }
    }
    CHECK(names == disk[id]);  // every rule, sorted by folder name
  }
}

TEST_CASE("builtin: fixtures are not embedded, the interface words are") {
  for (std::size_t i = 0; i < detail::kBuiltinFileCount; ++i) {
    std::string path = detail::kBuiltinFiles[i].path;
    CAPTURE(path);
    CHECK(path.find("/pass/") == std::string::npos);
    CHECK(path.find("/fail/") == std::string::npos);
    CHECK(detail::kBuiltinFiles[i].size ==
          test::read_file(test::source_path("rules/" + path)).size());
  }
  CHECK(detail::kBuiltinFiles[detail::kBuiltinFileCount].path == nullptr);
  std::set<std::string> ui;
  for (std::size_t i = 0; i < detail::kUiFileCount; ++i) ui.insert(detail::kUiFiles[i].path);
  CHECK(ui.count("zh-CN.yaml") == 1);
  CHECK(ui.count("en.yaml") == 1);
}

TEST_CASE("builtin: the default rule set loads once and holds the report pack") {
  const RuleSet& rules = RuleSet::builtin();
  CHECK(&RuleSet::builtin() == &rules);
  const PackInfo* pack = nullptr;
  for (const PackInfo& p : rules.packs()) {
    if (p.id == "fazhi-report") pack = &p;
  }
  REQUIRE(pack);
  CHECK(pack->title == "法治政府建设年度报告");
  CHECK(pack->language == "zh-CN");
  CHECK(pack->origin == "builtin:fazhi-report");
  std::size_t on_disk = 0;
  for (const auto& [id, names] : packs_on_disk()) on_disk += names.size();
  CHECK(rules.rules().size() == on_disk);
  for (const char* id :
       {"part-measures", "part-shortcomings", "part-first-responsible", "part-next-year"}) {
    CAPTURE(std::string(id));
    const RuleInfo* r = rules.find(id);
    REQUIRE(r);
    CHECK(r->kind == "required-section");
    CHECK(r->severity == Severity::error);
    CHECK(r->pack == "fazhi-report");
    CHECK(r->origin == std::string("builtin:fazhi-report/") + id + "/rule.yaml");
    CHECK_FALSE(r->source.empty());
  }
  for (const RuleInfo& r : rules.rules()) {
    CAPTURE(r.id);
    CHECK(r.origin == "builtin:" + r.pack + "/" + r.id + "/rule.yaml");
  }
}

}  // namespace fzcheck
