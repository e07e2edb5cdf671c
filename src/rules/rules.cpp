// RuleSet: loading packs from disk or the built-in ones, and what a loaded set holds.
#include "fzcheck/rules.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "checks/registry.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

std::vector<KindInfo> rule_kinds() {
  std::vector<KindInfo> out;
  for (const detail::KindEntry& k : detail::rule_kinds())
    out.push_back({std::string(k.name), std::string(k.summary), std::string(k.default_scope)});
  return out;
}

namespace {

// The packs compiled; with the problems of reading them (`errors`) and of compiling them in one
// sorted list when there are any.
Result<RuleSet> compile_reporting(std::vector<detail::PackSource> packs, detail::ErrorSink& errors,
                                  const RuleLoadOptions& options) {
  auto compiled = detail::compile_packs(std::move(packs), options);
  if (errors.empty()) return compiled;
  std::vector<Error>& all = errors.errors();
  if (!compiled) all.insert(all.end(), compiled.errors().begin(), compiled.errors().end());
  detail::sort_errors(all);
  return std::move(all);
}

}  // namespace

Result<RuleSet> RuleSet::load(const std::vector<std::filesystem::path>& paths, bool include_builtin,
                              const RuleLoadOptions& options) {
  detail::ErrorSink errors;
  std::vector<detail::PackSource> packs;
  if (include_builtin) packs = detail::builtin_packs();
  for (const auto& path : paths) detail::read_packs(path, packs, errors, options.max_file_bytes);
  return compile_reporting(std::move(packs), errors, options);
}

Result<RuleSet> RuleSet::load_with_extended_builtins(const std::filesystem::path& path,
                                                     const RuleLoadOptions& options) {
  detail::ErrorSink errors;
  std::vector<detail::PackSource> own;
  detail::read_packs(path, own, errors, options.max_file_bytes);
  std::set<std::string> present;
  std::vector<std::string> wanted;
  for (const detail::PackSource& p : own) {
    detail::PackLinks links = detail::pack_links(p);
    present.insert(links.id);
    wanted.insert(wanted.end(), links.extends.begin(), links.extends.end());
  }
  // The built-in packs extended, and those they extend in turn, in their usual order.
  std::vector<detail::PackSource> builtin = detail::builtin_packs();
  std::vector<bool> take(builtin.size(), false);
  for (bool added = true; added;) {
    added = false;
    for (std::size_t i = 0; i < builtin.size(); ++i) {
      detail::PackLinks links = detail::pack_links(builtin[i]);
      if (take[i] || present.count(links.id) ||
          std::find(wanted.begin(), wanted.end(), links.id) == wanted.end())
        continue;
      take[i] = added = true;
      wanted.insert(wanted.end(), links.extends.begin(), links.extends.end());
    }
  }
  std::vector<detail::PackSource> packs;
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    if (take[i]) packs.push_back(std::move(builtin[i]));
  }
  for (detail::PackSource& p : own) packs.push_back(std::move(p));
  return compile_reporting(std::move(packs), errors, options);
}

const std::vector<PackInfo>& RuleSet::packs() const noexcept {
  return impl_->packs;
}
const std::vector<DocumentTypeInfo>& RuleSet::document_types() const noexcept {
  return impl_->type_infos;
}

const std::vector<RuleInfo>& RuleSet::rules() const noexcept {
  return impl_->rules;
}

std::vector<PartInfo> RuleSet::parts() const {
  std::vector<PartInfo> out;
  for (const detail::PartDef& p : impl_->parts) out.push_back({p.id.pack, p.id.part, p.name});
  return out;
}

const RuleInfo* RuleSet::find(std::string_view id) const noexcept {
  for (const RuleInfo& r : impl_->rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const RuleSet& RuleSet::builtin() {
  // Never destroyed: a process that ends need not take the rule set apart first (about a
  // millisecond of a one-report run). The pointer stays reachable, so leak checkers are content.
  static const RuleSet& set = *new RuleSet([] {
    auto loaded = detail::compile_packs(detail::builtin_packs());
    if (!loaded.ok()) {
      std::string all;
      for (const Error& e : loaded.errors()) all += e.to_string() + "\n";
      throw std::runtime_error("the built-in rules do not load (a bug in this build):\n" + all);
    }
    return std::move(loaded).value();
  }());
  return set;
}

}  // namespace fzcheck
