// The packs compiled into the library (see cmake/EmbedRules.cmake).
#include <map>

#include "rules/builtin_files.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

namespace detail {

std::vector<PackSource> builtin_packs() {
  std::map<std::string_view, std::string_view> trees;
  for (std::size_t i = 0; i < kBuiltinTreesCount; ++i) {
    trees.emplace(kBuiltinTrees[i].path,
                  std::string_view(reinterpret_cast<const char*>(kBuiltinTrees[i].data),
                                   kBuiltinTrees[i].size));
  }
  auto tree_of = [&](const std::string& path) {
    auto it = trees.find(path);
    return it == trees.end() ? std::string_view() : it->second;
  };
  std::map<std::string, PackSource> packs;
  std::map<std::string, std::map<std::string, PackSource::Rule>> rules;
  for (std::size_t i = 0; i < kBuiltinFileCount; ++i) {
    const EmbeddedFile& f = kBuiltinFiles[i];
    std::string path = f.path;
    std::string text(reinterpret_cast<const char*>(f.data), f.size);
    std::size_t slash = path.find('/');
    if (slash == std::string::npos) continue;
    std::string pack = path.substr(0, slash);
    std::string rest = path.substr(slash + 1);
    PackSource& source = packs[pack];
    source.builtin = true;
    source.origin = "builtin:" + pack;
    if (rest == "pack.yaml") {
      source.pack_file = "builtin:" + path;
      source.pack_yaml = std::move(text);
      source.pack_tree = tree_of(path);
      continue;
    }
    std::size_t slash2 = rest.find('/');
    if (slash2 == std::string::npos) continue;  // the pack's own README
    std::string rule = rest.substr(0, slash2);
    std::string file = rest.substr(slash2 + 1);
    PackSource::Rule& r = rules[pack][rule];
    r.dir_name = rule;
    if (file == "rule.yaml") {
      r.rule_file = "builtin:" + path;
      r.rule_yaml = std::move(text);
      r.rule_tree = tree_of(path);
    } else if (file == "README.md") {
      r.readme = std::move(text);
    }
  }
  std::vector<PackSource> out;
  for (auto& [id, source] : packs) {
    for (auto& [name, rule] : rules[id]) {
      if (!rule.rule_file.empty()) source.rules.push_back(std::move(rule));
    }
    out.push_back(std::move(source));
  }
  return out;
}

std::set<std::string> builtin_pack_ids() {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < kBuiltinFileCount; ++i) {
    std::string_view path = kBuiltinFiles[i].path;
    std::size_t slash = path.find('/');
    if (slash != std::string_view::npos) ids.emplace(path.substr(0, slash));
  }
  return ids;
}

}  // namespace detail

}  // namespace fzcheck
