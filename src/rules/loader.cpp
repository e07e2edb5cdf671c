// YAML rule packs → RuleSet: every problem in every file reported at once, with positions.
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "checks/registry.hpp"
#include "fzcheck/i18n.hpp"
#include "rules/ruleset_impl.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace detail {

namespace {

constexpr std::uintmax_t kMaxRuleFileBytes = 1 << 20;
constexpr int kMaxFlowNesting = 64;

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return id.find("--") == std::string::npos;
}

// yaml-cpp recurses once per level of [ or { nesting; refuse absurd nesting before parsing.
std::optional<Position> too_deep(const std::string& text) {
  int depth = 0;
  char quote = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 0;
  for (char c : text) {
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      quote = 0;
      continue;
    }
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxFlowNesting) return Position{line, column};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

std::shared_ptr<const YamlFile> parse_yaml(const std::string& name, const std::string& text,
                                           ErrorSink& errors) {
  if (auto at = too_deep(text)) {
    errors.add(ErrorCode::rule_syntax, name, *at,
               fmt::format("brackets nested more than {} deep; a rule file never needs that",
                           kMaxFlowNesting));
    return nullptr;
  }
  return YamlFile::parse(name, text, errors);
}

std::optional<std::string> read_small_file(const std::filesystem::path& path, ErrorSink& errors) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    errors.add(ErrorCode::io, path.string(), {}, fmt::format("cannot read it: {}", ec.message()));
    return std::nullopt;
  }
  if (size > kMaxRuleFileBytes) {
    errors.add(ErrorCode::too_large, path.string(), {},
               fmt::format("a rule file of {} bytes is too large (the limit is {})", size,
                           kMaxRuleFileBytes));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.add(ErrorCode::io, path.string(), {}, "cannot open it");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void read_pack_dir(const std::filesystem::path& dir, std::vector<PackSource>& out,
                   ErrorSink& errors) {
  PackSource pack;
  pack.origin = dir.string();
  pack.pack_file = (dir / "pack.yaml").string();
  auto text = read_small_file(dir / "pack.yaml", errors);
  if (!text) return;
  pack.pack_yaml = std::move(*text);
  std::vector<std::filesystem::path> rule_dirs;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_directory() && entry.path().filename().string().front() != '.')
      rule_dirs.push_back(entry.path());
  }
  std::sort(rule_dirs.begin(), rule_dirs.end());
  for (const auto& rule_dir : rule_dirs) {
    auto rule_file = rule_dir / "rule.yaml";
    if (!std::filesystem::exists(rule_file)) {
      if (std::filesystem::exists(rule_dir / "rule.yml")) {
        errors.add(ErrorCode::rule_schema, (rule_dir / "rule.yml").string(), {},
                   "a rule file must be named rule.yaml, not rule.yml");
      }
      continue;  // documentation or other folders
    }
    PackSource::Rule rule;
    rule.dir_name = rule_dir.filename().string();
    rule.rule_file = rule_file.string();
    auto yaml = read_small_file(rule_file, errors);
    if (!yaml) continue;
    rule.rule_yaml = std::move(*yaml);
    if (std::filesystem::exists(rule_dir / "README.md")) {
      rule.readme = read_small_file(rule_dir / "README.md", errors).value_or("");
    }
    pack.rules.push_back(std::move(rule));
  }
  out.push_back(std::move(pack));
}

struct Loaded {
  RuleInfo info;
  std::unique_ptr<Check> check;
  std::size_t pack = 0;
};

std::string first_sentence(const std::string& text) {
  std::size_t cut = text.find(utf8::encode(cjk::kIdeographicFullStop));
  return cut == std::string::npos ? text : text.substr(0, cut);
}

// A pack.yaml read up to what needs the pack's build context (its document types).
struct PackHeader {
  PackInfo info;
  std::shared_ptr<Fields> fields;  // null for a single rule file or a broken pack.yaml
};

PackHeader read_pack_info(const PackSource& source, ErrorSink& errors) {
  PackHeader header;
  PackInfo& pack = header.info;
  pack.origin = source.origin;
  if (source.pack_file.empty()) {  // a single rule file
    pack.id = source.rules.empty() ? "rules" : source.rules.front().dir_name;
    pack.title = pack.id;
    return header;
  }
  auto file = parse_yaml(source.pack_file, source.pack_yaml, errors);
  if (!file) return header;
  header.fields = std::make_shared<Fields>(file, file->root(), errors, "pack");
  Fields& f = *header.fields;
  if (!file->root().IsMap()) {
    f.error_at(f.pos(), "pack.yaml must be a mapping with at least 'id' and 'title'");
    header.fields.reset();
    return header;
  }
  pack.id = f.string("id", true).value_or("");
  pack.title = f.string("title", true).value_or("");
  pack.version = f.string("version").value_or("");
  pack.description = f.string("description").value_or("");
  pack.language = f.string("language").value_or("zh-CN");
  if (!ui_language_known(pack.language)) {
    f.error("language", fmt::format("unknown language '{}': use zh-CN or en", pack.language));
  }
  if (!pack.id.empty() && !valid_id(pack.id)) {
    f.error("id", fmt::format("pack id '{}' must be lower-case letters, digits and single hyphens",
                              pack.id));
  }
  return header;
}

}  // namespace

void sort_errors(std::vector<Error>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return std::tie(a.file, a.pos.line, a.pos.column) < std::tie(b.file, b.pos.line, b.pos.column);
  });
}

void read_packs(const std::filesystem::path& path, std::vector<PackSource>& out,
                ErrorSink& errors) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    errors.add(ErrorCode::not_found, path.string(), {}, "no such file or directory");
    return;
  }
  if (std::filesystem::is_regular_file(status)) {
    if (path.filename() == "pack.yaml") {
      read_pack_dir(path.parent_path().empty() ? "." : path.parent_path(), out, errors);
      return;
    }
    // A single rule file: a pack of one rule, named after the file's folder.
    PackSource pack;
    pack.origin = path.string();
    auto text = read_small_file(path, errors);
    if (!text) return;
    PackSource::Rule rule;
    rule.dir_name = path.parent_path().filename().string();
    rule.rule_file = path.string();
    rule.rule_yaml = std::move(*text);
    pack.rules.push_back(std::move(rule));
    out.push_back(std::move(pack));
    return;
  }
  if (std::filesystem::exists(path / "pack.yaml")) {
    read_pack_dir(path, out, errors);
    return;
  }
  std::vector<std::filesystem::path> packs;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "pack.yaml"))
      packs.push_back(entry.path());
  }
  std::sort(packs.begin(), packs.end());
  if (packs.empty()) {
    errors.add(
        ErrorCode::rule_schema, path.string(), {},
        "no pack.yaml here or in its sub-folders: a rule pack is a folder with pack.yaml and one "
        "folder per rule (see docs/rule-authors.md)");
  }
  for (const auto& p : packs) read_pack_dir(p, out, errors);
}

Result<RuleSet> compile_packs(std::vector<PackSource> sources) {
  ErrorSink errors;
  auto impl = std::make_shared<RuleSet::Impl>();
  std::map<std::string, std::string> rule_origin;  // id → file:line
  std::vector<Loaded> loaded;
  std::vector<BuildContext::PartUse> part_uses;
  std::vector<TypeUse> type_uses;
  std::vector<TypeUse> superseded;  // rule ids named by `supersedes`, checked once all are loaded
  std::vector<TypeUse> summary_rules;  // rule ids named by pack.yaml `summary`, checked likewise

  // First every pack.yaml: a loaded pack with the id of a built-in pack replaces it.
  std::vector<PackHeader> infos;
  for (const PackSource& source : sources) infos.push_back(read_pack_info(source, errors));
  std::vector<bool> keep(sources.size(), true);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (std::size_t j = i + 1; j < sources.size(); ++j) {
      if (infos[i].info.id.empty() || infos[i].info.id != infos[j].info.id || !keep[i] || !keep[j])
        continue;
      bool i_builtin = sources[i].origin.starts_with("builtin:");
      bool j_builtin = sources[j].origin.starts_with("builtin:");
      if (i_builtin && !j_builtin) {
        keep[i] = false;
      } else {
        errors.add(
            ErrorCode::rule_schema, sources[j].pack_file, {},
            fmt::format("pack id '{}' is also used by {}", infos[j].info.id, sources[i].origin));
      }
    }
  }

  for (std::size_t index = 0; index < sources.size(); ++index) {
    if (!keep[index]) continue;
    const PackSource& source = sources[index];
    PackInfo pack = infos[index].info;
    std::vector<PartDef> pack_parts;
    BuildContext ctx(impl->patterns, pack_parts, pack.id,
                     pack.language.empty() ? "zh-CN" : pack.language);
    if (Fields* f = infos[index].fields.get()) {
      read_document_types(*f, ctx, pack, type_uses, impl->types);
      read_summary_columns(*f, pack, summary_rules);
      f->finish();
    }
    const std::size_t pack_index = impl->packs.size();
    for (const PackSource::Rule& rule : source.rules) {
      auto file = parse_yaml(rule.rule_file, rule.rule_yaml, errors);
      if (!file) continue;
      Fields f(file, file->root(), errors, "rule");
      if (!file->root().IsMap()) {
        f.error_at(f.pos(),
                   "a rule file must be a mapping with id, kind, severity, message and source");
        continue;
      }
      RuleCommon common;
      common.id = f.string("id", true).value_or("");
      if (!common.id.empty()) {
        if (!valid_id(common.id)) {
          f.error("id",
                  fmt::format("rule id '{}' must be lower-case letters, digits and single hyphens",
                              common.id));
        } else if (!source.pack_file.empty() && common.id != rule.dir_name) {
          f.error("id", fmt::format("rule id '{}' differs from its folder name '{}'", common.id,
                                    rule.dir_name));
        }
        auto [it, inserted] =
            rule_origin.emplace(common.id, fmt::format("{}:{}", rule.rule_file, f.pos("id").line));
        if (!inserted)
          f.error("id", fmt::format("duplicate rule id '{}' (also defined at {})", common.id,
                                    it->second));
      }
      auto kind_name = f.string("kind", true);
      auto severity = severity_field(f, "severity", true);
      common.message = f.string("message", true).value_or("");
      common.source = f.string("source", true).value_or("");
      if (f.has("source") && common.source.empty())
        f.error("source", "'source' must name the legal or standards basis");
      auto summary = f.string("summary");
      std::vector<Item> supersedes = f.scalars("supersedes");
      if (severity) common.severity = *severity;
      const KindEntry* kind = nullptr;
      if (kind_name) {
        kind = find_kind(*kind_name);
        if (!kind) {
          std::set<std::string> names;
          for (const auto& k : rule_kinds()) names.emplace(k.name);
          std::string message = fmt::format("unknown kind '{}'", *kind_name);
          if (auto guess = did_you_mean(*kind_name, names))
            message += fmt::format(" (did you mean '{}'?)", *guess);
          std::string all;
          for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
          f.error("kind", message + "; the kinds are: " + all);
        }
      }
      std::unique_ptr<Check> check;
      if (kind) {
        common.kind = std::string(kind->name);
        if (!kind->default_scope.empty()) {
          auto scope = ctx.scope(f, "scope", std::string(kind->default_scope));
          if (scope) common.scope = *scope;
        } else if (f.has("scope")) {
          f.error("scope",
                  fmt::format("a {} rule takes no 'scope': it always looks at the whole document's "
                              "structure",
                              kind->name));
        }
        RuleSpec spec{f, ctx, common};
        std::size_t before = errors.size();
        check = kind->make(spec);
        if (errors.size() > before) check.reset();
      }
      // Without a known kind, its keys cannot be told from unknown ones: report likely typos only.
      f.finish(!kind);
      if (!check) continue;
      RuleInfo info;
      info.id = common.id;
      info.pack = pack.id;
      info.kind = common.kind;
      info.severity = common.severity;
      info.message = common.message;
      info.source = common.source;
      info.scope = common.scope.spelled;
      info.summary = summary.value_or(first_sentence(common.message));
      info.readme = rule.readme;
      info.origin = rule.rule_file;
      for (const Item& item : supersedes) {
        // "pack:rule" names a rule of another pack, which need not be loaded.
        std::size_t colon = item.scalar.find(':');
        info.supersedes.push_back(colon == std::string::npos ? item.scalar
                                                             : item.scalar.substr(colon + 1));
        superseded.push_back({item.scalar, rule.rule_file, item.pos});
      }
      loaded.push_back({std::move(info), std::move(check), pack_index});
    }
    for (PartDef& part : pack_parts) impl->parts.push_back(std::move(part));
    for (const auto& use : ctx.part_uses()) part_uses.push_back(use);
    impl->packs.push_back(std::move(pack));
  }

  for (const auto& use : part_uses) {
    bool declared = std::any_of(impl->parts.begin(), impl->parts.end(),
                                [&](const PartDef& p) { return p.id == use.part; });
    if (!declared) {
      const std::string& pack = use.part.pack;
      std::string known;
      for (const PartDef& p : impl->parts) {
        if (p.id.pack == pack) known += (known.empty() ? "" : ", ") + p.id.part;
      }
      errors.add(
          ErrorCode::rule_schema, use.file, use.pos,
          fmt::format("unknown part '{}' in scope 'section:{}': the required-section rules "
                      "of pack '{}' declare {}",
                      use.part.part, use.part.part, pack, known.empty() ? "no parts" : known));
    }
  }
  check_document_types(impl->types, type_uses, errors);
  for (const TypeUse& use : superseded) {
    std::size_t colon = use.type.find(':');
    std::string rule = colon == std::string::npos ? use.type : use.type.substr(colon + 1);
    bool pack_loaded = colon == std::string::npos ||
                       std::any_of(impl->packs.begin(), impl->packs.end(), [&](const PackInfo& p) {
                         return p.id == use.type.substr(0, colon);
                       });
    if (pack_loaded && !rule_origin.count(rule)) {
      errors.add(ErrorCode::rule_schema, use.file, use.pos,
                 fmt::format("unknown rule '{}' in 'supersedes'{}", use.type,
                             colon == std::string::npos
                                 ? " (a rule of another pack is written as pack:rule)"
                                 : ""));
    }
  }
  for (const TypeUse& use : summary_rules) {
    if (!rule_origin.count(use.type))
      errors.add(ErrorCode::rule_schema, use.file, use.pos,
                 fmt::format("unknown rule '{}' in 'summary'", use.type));
  }
  if (!errors.empty()) {
    sort_errors(errors.errors());
    return std::move(errors.errors());
  }
  std::stable_sort(impl->parts.begin(), impl->parts.end(),
                   [](const PartDef& a, const PartDef& b) { return a.priority < b.priority; });
  impl->patterns.build();
  for (const TypeDef& t : impl->types.types)
    impl->type_infos.push_back({t.id, t.name, t.pack, false});
  if (const auto& f = impl->types.fallback)
    impl->type_infos.push_back({f->id, f->name, f->pack, true});
  for (Loaded& l : loaded) {
    impl->rules.push_back(std::move(l.info));
    impl->checks.push_back(std::move(l.check));
    impl->check_pack.push_back(l.pack);
  }
  return RuleSet(std::move(impl));
}

}  // namespace detail

}  // namespace fzcheck
