// What a loaded RuleSet holds. Internal: the public header keeps it opaque.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checks/build_context.hpp"
#include "checks/kind.hpp"
#include "facts/document_type.hpp"
#include "facts/parts.hpp"
#include "fzcheck/rules.hpp"
#include "match/pattern_set.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck {

struct RuleSet::Impl {
  std::vector<PackInfo> packs;
  std::vector<RuleInfo> rules;
  std::vector<std::unique_ptr<detail::Check>> checks;  // parallel to `rules`
  std::vector<std::size_t> check_pack;                 // parallel to `rules`: index in `packs`
  detail::TypeTable types;
  std::vector<DocumentTypeInfo> type_infos;  // the public view of `types`
  detail::PatternSet patterns;
  std::vector<detail::PartDef> parts;  // sorted by priority
};

namespace detail {

// One pack as files, from disk or from the copy compiled into the library.
struct PackSource {
  bool builtin = false;   // one of the packs compiled into the library
  std::string origin;     // directory, or "builtin:<pack>"
  std::string pack_file;  // display name of pack.yaml
  std::string pack_yaml;
  std::string_view pack_tree;  // the compiled form of pack_yaml (built-in packs), else empty
  struct Rule {
    std::string dir_name;   // must equal the rule's id
    std::string rule_file;  // display name of rule.yaml
    std::string rule_yaml;
    std::string_view rule_tree;  // the compiled form of rule_yaml (built-in packs), else empty
    std::string readme;
  };
  std::vector<Rule> rules;
};

// Compiles packs into a RuleSet, reporting every problem.
Result<RuleSet> compile_packs(std::vector<PackSource> packs, const RuleLoadOptions& options = {});

// The packs compiled into the library.
std::vector<PackSource> builtin_packs();

// The ids of the built-in packs.
std::set<std::string> builtin_pack_ids();

// A pack's id and the packs its pack.yaml names under `extends`, read without checking anything
// else (the loader reports what is wrong); empty for a single rule file or a broken pack.yaml.
struct PackLinks {
  std::string id;
  std::vector<std::string> extends;
};
PackLinks pack_links(const PackSource& pack);

// A document type named by a pack's `applies_to`, to be checked once every pack is read.
struct TypeUse {
  std::string type;
  std::string file;
  Position pos;
  std::string pack;  // for a type written pack:type, the pack named
};

// pack.yaml's `summary`: the pack's columns of the batch table, into `pack`; the rules they name
// go to `rules`, to be checked once every rule is loaded.
void read_summary_columns(Fields& f, BuildContext& ctx, PackInfo& pack,
                          std::vector<TypeUse>& rules);

// pack.yaml's `applies_to`, `document_types` and `genres`, into `pack` and `table`.
void read_document_types(Fields& f, BuildContext& ctx, PackInfo& pack, std::vector<TypeUse>& uses,
                         TypeTable& table);
// Once every pack is read: type ids unique, one fallback at most, every `applies_to` declared;
// sorts the types by priority.
void check_document_types(TypeTable& table, const std::vector<TypeUse>& uses, ErrorSink& errors);

// Sorts errors by file, line and column (stable: problems at one place keep their order).
void sort_errors(std::vector<Error>& errors);

// Parses a rule or configuration file, refusing flow nesting that yaml-cpp would recurse into
// too deeply (every problem goes to `errors`; null on a syntax error).
std::shared_ptr<const YamlFile> parse_yaml(const std::string& name, const std::string& text,
                                           ErrorSink& errors);

// A file of a pack: its compiled tree when it has one, else its text parsed (parse_yaml).
std::shared_ptr<const YamlFile> load_yaml(const std::string& name, const std::string& text,
                                          std::string_view tree, ErrorSink& errors);

// Reads the packs at `path` (a pack directory, a directory of packs or one rule.yaml).
// Files larger than `max_file_bytes` are refused unread.
void read_packs(const std::filesystem::path& path, std::vector<PackSource>& out, ErrorSink& errors,
                std::uint64_t max_file_bytes);

}  // namespace detail
}  // namespace fzcheck
