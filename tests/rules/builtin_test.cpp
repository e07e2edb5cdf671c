// The packs compiled into the library: the same files as rules/ on disk (without fixtures),
// loaded once, and complete.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <set>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "i18n/catalogue_files.hpp"
#include "rule_pack.hpp"
#include "rules/builtin_files.hpp"
#include "rules/ruleset_impl.hpp"
#include "support.hpp"

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

TEST_CASE("builtin: the packs loaded from their compiled trees equal the packs parsed from YAML") {
  std::vector<detail::PackSource> from_yaml = detail::builtin_packs();
  std::size_t trees = 0;
  for (detail::PackSource& pack : from_yaml) {
    trees += !pack.pack_tree.empty();
    pack.pack_tree = {};
    for (detail::PackSource::Rule& rule : pack.rules) {
      trees += !rule.rule_tree.empty();
      rule.rule_tree = {};
    }
  }
  CHECK(trees == detail::kBuiltinTreesCount);  // every built-in file had its tree
  auto parsed = detail::compile_packs(std::move(from_yaml));
  REQUIRE(parsed.ok());
  const RuleSet& compiled = RuleSet::builtin();
  REQUIRE(parsed->rules().size() == compiled.rules().size());
  for (std::size_t i = 0; i < compiled.rules().size(); ++i) {
    const RuleInfo& a = parsed->rules()[i];
    const RuleInfo& b = compiled.rules()[i];
    CAPTURE(b.id);
    CHECK(a.id == b.id);
    CHECK(a.pack == b.pack);
    CHECK(a.kind == b.kind);
    CHECK(a.severity == b.severity);
    CHECK(a.message == b.message);
    CHECK(a.source == b.source);
    CHECK(a.scope == b.scope);
    CHECK(a.summary == b.summary);
    CHECK(a.supersedes == b.supersedes);
    CHECK(a.from_year == b.from_year);
    CHECK(a.until_year == b.until_year);
  }
  REQUIRE(parsed->packs().size() == compiled.packs().size());
  for (std::size_t i = 0; i < compiled.packs().size(); ++i) {
    CHECK(parsed->packs()[i].id == compiled.packs()[i].id);
    CHECK(parsed->packs()[i].applies_to == compiled.packs()[i].applies_to);
  }
  // The same findings, at the same places, on the sample reports.
  for (const std::string& name : test::sample_names()) {
    CAPTURE(name);
    auto doc = read_document(test::source_path("examples/reports/" + name + ".txt"));
    REQUIRE(doc.ok());
    Report a = check(*doc, *parsed);
    Report b = check(*doc, compiled);
    REQUIRE(a.findings.size() == b.findings.size());
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
      CHECK(a.findings[i].rule_id == b.findings[i].rule_id);
      CHECK(a.findings[i].begin.line == b.findings[i].begin.line);
      CHECK(a.findings[i].begin.column == b.findings[i].begin.column);
      CHECK(a.findings[i].message == b.findings[i].message);
    }
  }
}

TEST_CASE("builtin: every regex compiles, those compiled on their first use too") {
  const detail::PatternSet& patterns = RuleSet::builtin().impl().patterns;
  CHECK(patterns.lazy_regexes() > 10);
  std::size_t regexes = 0;
  for (detail::PatternId id = 0; id < patterns.size(); ++id) {
    if (const re2::RE2* re = patterns.regex(id)) {
      ++regexes;
      CAPTURE(re->pattern());
      CHECK(re->ok());
    }
  }
  CHECK(regexes > 50);
}

TEST_CASE("builtin: the regexes' atoms lose no match on the corpus, the samples and the fixtures") {
  // scan() runs a regex only on the paragraphs that hold its atoms (read from its syntax): on
  // every real document at hand it must find what RE2 finds on every paragraph.
  const detail::PatternSet& patterns = RuleSet::builtin().impl().patterns;
  std::vector<fs::path> files;
  for (const char* folder : {"tests/corpus", "examples/reports", "rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(test::source_path(folder))) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
  }
  REQUIRE(files.size() > 100);
  std::size_t compared = 0, matches = 0;
  for (const fs::path& file : files) {
    auto doc = read_document(file);
    if (!doc.ok()) continue;
    const detail::MatchIndex index = patterns.scan(*doc);
    for (detail::PatternId id = 0; id < patterns.size(); ++id) {
      if (!patterns.is_regex(id) || patterns.where(id) != detail::Where::everywhere) continue;
      const re2::RE2& re = *patterns.regex(id);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> expected, found;
      for (const Paragraph& p : doc->paragraphs) {
        const std::string_view para(doc->text.data() + p.span.begin, p.span.size());
        re2::StringPiece m;
        std::size_t pos = 0;
        while (pos <= para.size() && re.Match(re2::StringPiece(para.data(), para.size()), pos,
                                              para.size(), re2::RE2::UNANCHORED, &m, 1)) {
          const auto b = static_cast<std::uint32_t>(m.data() - para.data());
          const auto e = static_cast<std::uint32_t>(b + m.size());
          expected.emplace_back(p.span.begin + b, p.span.begin + e);
          if (e > b) {
            pos = e;
          } else {  // an empty match: one code point further
            if (e >= para.size()) break;
            pos = e + 1;
            while (pos < para.size() && (static_cast<unsigned char>(para[pos]) & 0xC0) == 0x80)
              ++pos;
          }
        }
      }
      for (const detail::Match& m : index.all(id)) found.emplace_back(m.begin, m.end);
      CAPTURE(file);
      CAPTURE(re.pattern());
      CHECK(found == expected);
      matches += expected.size();
      ++compared;
    }
  }
  CHECK(compared > 1000);
  CHECK(matches > 1000);
}

TEST_CASE("builtin: capturing groups are counted without compiling, as RE2 counts them") {
  const detail::PatternSet& patterns = RuleSet::builtin().impl().patterns;
  for (detail::PatternId id = 0; id < patterns.size(); ++id) {
    if (!patterns.is_regex(id)) continue;
    CAPTURE(patterns.regex(id)->pattern());
    CHECK(patterns.capturing_groups(id) == patterns.regex(id)->NumberOfCapturingGroups());
  }
}

}  // namespace fzcheck
