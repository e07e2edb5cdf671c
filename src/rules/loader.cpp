// YAML rule packs → RuleSet: every problem in every file reported at once, with positions.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "checks/registry.hpp"
#include "fzcheck/i18n.hpp"
#include "readers/file.hpp"
#include "rules/ruleset_impl.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck {

namespace detail {

namespace {

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

// A file of a pack: regular, at most `limit` bytes (a FIFO or a device is refused without being
// opened for a blocking read).
std::optional<std::string> read_small_file(const std::filesystem::path& path, ErrorSink& errors,
                                           std::uint64_t limit) {
  auto bytes = read_regular_file(path, limit, "error_setting_file_too_large");
  if (!bytes) {
    for (const Error& e : bytes.errors()) errors.errors().push_back(e);
    return std::nullopt;
  }
  return std::move(*bytes);
}

void read_pack_dir(const std::filesystem::path& dir, std::vector<PackSource>& out,
                   ErrorSink& errors, std::uint64_t limit) {
  PackSource pack;
  pack.origin = dir.string();
  pack.pack_file = (dir / "pack.yaml").string();
  auto text = read_small_file(dir / "pack.yaml", errors, limit);
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
    auto yaml = read_small_file(rule_file, errors, limit);
    if (!yaml) continue;
    rule.rule_yaml = std::move(*yaml);
    if (std::filesystem::exists(rule_dir / "README.md")) {
      rule.readme = read_small_file(rule_dir / "README.md", errors, limit).value_or("");
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

// `years: {from: 2021, until: 2024}`: the report years a rule runs for, both ends included; one
// end may be left out, not both.
void read_years(Fields& f, RuleCommon& common) {
  std::shared_ptr<Fields> years = f.map("years");
  if (!years) return;
  auto from = years->integer("from", 1949, 2999);
  auto until = years->integer("until", 1949, 2999);
  if (!years->has("from") && !years->has("until")) {
    f.error("years", "'years' needs 'from', 'until' or both (the first and last report year)");
    return;
  }
  if (from && until && *from > *until) {
    years->error("until", fmt::format("'until' ({}) is before 'from' ({})", *until, *from));
    return;
  }
  if (from) common.from_year = static_cast<int>(*from);
  if (until) common.until_year = static_cast<int>(*until);
}

// One item of pack.yaml `overrides`: a rule of a pack this pack extends, changed by id.
struct OverrideSpec {
  std::string rule;  // as written: "deadline" or "fazhi-report:deadline"
  std::string file;
  Position pos;  // of `rule`
  std::optional<Severity> severity;
  std::shared_ptr<Fields> message;  // the override's mapping, when it replaces the message
  std::string message_text;
  std::optional<bool> disable;
  bool matched = false;  // a loaded rule has that id
};

// A pack.yaml read up to what needs the pack's build context (its document types).
struct PackHeader {
  PackInfo info;
  std::shared_ptr<Fields> fields;  // null for a single rule file or a broken pack.yaml
  std::vector<Item> extends;       // as written, with positions
  bool has_applies_to = false;
  std::vector<OverrideSpec> overrides;
};

// pack.yaml `overrides`: [{rule: ID, severity: …}, {rule: ID, message: …}, {rule: ID, disable:
// true}].
void read_overrides(Fields& f, PackHeader& header) {
  for (const Item& item : f.list("overrides")) {
    if (!item.fields) {
      f.error_at(item.pos,
                 "each override is a mapping: {rule: ID, severity: …}, {rule: ID, message: …} or "
                 "{rule: ID, disable: true}");
      continue;
    }
    Fields& o = *item.fields;
    OverrideSpec spec;
    spec.rule = o.string("rule", true).value_or("");
    spec.file = f.file();
    spec.pos = o.pos("rule");
    spec.severity = severity_field(o, "severity");
    if (auto message = o.string("message")) {
      spec.message_text = *message;
      spec.message = item.fields;
    }
    spec.disable = o.boolean("disable");
    const bool changes = o.has("severity") || o.has("message");
    bool valid = (!o.has("severity") || spec.severity) && (!o.has("disable") || spec.disable);
    if (!changes && !o.has("disable")) {
      o.error_at(o.pos(),
                 "an override changes the rule's 'severity' or 'message', or has "
                 "'disable: true'");
      valid = false;
    } else if (spec.disable == true && changes) {
      o.error("disable", "a disabled rule never runs: it takes no 'severity' or 'message'");
      valid = false;
    }
    if (valid && !spec.rule.empty()) header.overrides.push_back(std::move(spec));
  }
}

PackHeader read_pack_info(const PackSource& source, ErrorSink& errors) {
  PackHeader header;
  PackInfo& pack = header.info;
  pack.origin = source.origin;
  if (source.pack_file.empty()) {  // a single rule file
    pack.id = source.rules.empty() ? "rules" : source.rules.front().dir_name;
    pack.title = pack.id;
    return header;
  }
  auto file = load_yaml(source.pack_file, source.pack_yaml, source.pack_tree, errors);
  if (!file) return header;
  header.fields = std::make_shared<Fields>(file, file->root(), errors, "pack");
  Fields& f = *header.fields;
  if (!file->root().is_map()) {
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
  header.extends = f.scalars("extends");
  header.has_applies_to = f.has("applies_to");
  read_overrides(f, header);
  return header;
}

// The packs each kept pack extends, checked: loaded, not itself, no circle. `order` is the order
// to compile them in: each pack after the packs it extends, otherwise as given.
struct PackGraph {
  std::vector<std::vector<std::size_t>> bases;      // per source: the packs it extends directly
  std::vector<std::vector<std::string>> ancestors;  // per source: every pack it builds on
  std::vector<std::size_t> order;
  std::vector<std::size_t> rank;  // per source: its place in `order`
  // Packs with an `extends` that names no loaded pack: what they use of it is not reported again.
  std::set<std::string> broken;
};

PackGraph pack_graph(const std::vector<PackHeader>& infos, const std::vector<bool>& keep,
                     const std::set<std::string>& builtin_ids, ErrorSink& errors) {
  const std::size_t n = infos.size();
  PackGraph g;
  g.bases.resize(n);
  g.ancestors.resize(n);
  g.rank.assign(n, 0);
  std::map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i] && !infos[i].info.id.empty()) by_id.emplace(infos[i].info.id, i);
  }
  // Per source, per base: the item of `extends` naming it (where a circle is reported).
  std::vector<std::vector<const Item*>> named(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const PackHeader& h = infos[i];
    const std::string& file = h.fields ? h.fields->file() : std::string();
    for (const Item& item : h.extends) {
      auto it = by_id.find(item.scalar);
      if (item.scalar == h.info.id) {
        errors.add(ErrorCode::rule_schema, file, item.pos, "a pack cannot extend itself");
      } else if (it == by_id.end()) {
        std::string message =
            fmt::format("pack '{}' named in 'extends' is not loaded", item.scalar);
        if (builtin_ids.count(item.scalar))
          message += ": it is a built-in pack, and the built-in packs are not loaded";
        else
          message += ": a pack extends only packs loaded with it";
        errors.add(ErrorCode::rule_schema, file, item.pos, message);
        g.broken.insert(h.info.id);
      } else if (std::find(g.bases[i].begin(), g.bases[i].end(), it->second) != g.bases[i].end()) {
        errors.add(ErrorCode::rule_schema, file, item.pos,
                   fmt::format("pack '{}' is named twice in 'extends'", item.scalar));
      } else {
        g.bases[i].push_back(it->second);
        named[i].push_back(&item);
      }
    }
  }
  // Depth first, in the given order: a pack is placed once the packs it extends are. An edge back
  // to a pack being visited closes a circle; it is reported and dropped.
  std::vector<int> state(n, 0);  // 0 not seen, 1 being visited, 2 placed
  std::vector<std::size_t> path;
  auto visit = [&](auto&& self, std::size_t i) -> void {
    state[i] = 1;
    path.push_back(i);
    for (std::size_t k = 0; k < g.bases[i].size();) {
      std::size_t j = g.bases[i][k];
      if (state[j] == 1) {
        std::string circle;
        auto from = std::find(path.begin(), path.end(), j);
        for (auto p = from; p != path.end(); ++p) circle += infos[*p].info.id + " → ";
        circle += infos[j].info.id;
        errors.add(ErrorCode::rule_schema, infos[i].fields->file(), named[i][k]->pos,
                   fmt::format("packs extend each other in a circle: {}", circle));
        g.bases[i].erase(g.bases[i].begin() + static_cast<std::ptrdiff_t>(k));
        named[i].erase(named[i].begin() + static_cast<std::ptrdiff_t>(k));
        continue;
      }
      if (state[j] == 0) self(self, j);
      ++k;
    }
    path.pop_back();
    state[i] = 2;
    g.rank[i] = g.order.size();
    g.order.push_back(i);
    // Nearest first: each base, then what it builds on.
    for (std::size_t j : g.bases[i]) {
      std::vector<std::string> add{infos[j].info.id};
      add.insert(add.end(), g.ancestors[j].begin(), g.ancestors[j].end());
      for (const std::string& id : add) {
        if (std::find(g.ancestors[i].begin(), g.ancestors[i].end(), id) == g.ancestors[i].end())
          g.ancestors[i].push_back(id);
      }
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (keep[i] && state[i] == 0) visit(visit, i);
  }
  return g;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// The id a rule is named by in `overrides` or `supersedes` ("pack:rule" → "rule"), and the pack.
std::pair<std::string, std::string> split_rule(const std::string& spelled) {
  std::size_t colon = spelled.find(':');
  if (colon == std::string::npos) return {std::string(), spelled};
  return {spelled.substr(0, colon), spelled.substr(colon + 1)};
}

using OverrideIndex = std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>>;

// The overrides of rule `common.id` of pack `pack` (source `source`), applied to `common`: its
// severity, and its message, which the kind reads through `ctx`. Several packs may override a
// rule when each extends the one before (the most derived wins); an override by a pack that does
// not extend the rule's pack, by the rule's own pack, or by two packs that do not extend each
// other is an error.
std::optional<RuleOverride> apply_overrides(RuleCommon& common, const std::string& pack,
                                            std::size_t source, std::vector<PackHeader>& infos,
                                            const PackGraph& graph, const OverrideIndex& overrides,
                                            Fields& f, BuildContext& ctx, ErrorSink& errors) {
  auto it = overrides.find(common.id);
  if (common.id.empty() || it == overrides.end()) return std::nullopt;
  std::vector<std::pair<std::size_t, std::size_t>> applicable;
  for (auto [p, k] : it->second) {
    OverrideSpec& o = infos[p].overrides[k];
    o.matched = true;
    const std::string& by = infos[p].info.id;
    const std::string qualifier = split_rule(o.rule).first;
    if (!qualifier.empty() && qualifier != pack) {
      errors.add(ErrorCode::rule_schema, o.file, o.pos,
                 fmt::format("rule '{}' is of pack '{}', not '{}'", common.id, pack, qualifier));
    } else if (p == source) {
      errors.add(
          ErrorCode::rule_schema, o.file, o.pos,
          fmt::format("rule '{}' is this pack's own: change its rule.yaml instead", common.id));
    } else if (!contains(graph.ancestors[p], pack)) {
      errors.add(ErrorCode::rule_schema, o.file, o.pos,
                 fmt::format("rule '{}' is of pack '{}', which pack '{}' does not extend: a pack "
                             "overrides only the rules of the packs in its 'extends'",
                             common.id, pack, by));
    } else {
      applicable.emplace_back(p, k);
    }
  }
  if (applicable.empty()) return std::nullopt;
  std::stable_sort(applicable.begin(), applicable.end(), [&](const auto& a, const auto& b) {
    return graph.rank[a.first] < graph.rank[b.first];
  });
  for (std::size_t b = 1; b < applicable.size(); ++b) {
    const OverrideSpec& later = infos[applicable[b].first].overrides[applicable[b].second];
    for (std::size_t a = 0; a < b; ++a) {
      const std::size_t pa = applicable[a].first;
      const std::size_t pb = applicable[b].first;
      const OverrideSpec& earlier = infos[pa].overrides[applicable[a].second];
      if (pa == pb) {
        errors.add(ErrorCode::rule_schema, later.file, later.pos,
                   fmt::format("rule '{}' is overridden twice in this pack (also at line {})",
                               common.id, earlier.pos.line));
      } else if (!contains(graph.ancestors[pb], infos[pa].info.id)) {
        errors.add(ErrorCode::rule_schema, later.file, later.pos,
                   fmt::format("rule '{}' is also overridden by pack '{}' ({}:{}), and neither "
                               "pack extends the other: which override holds would depend on "
                               "the order they are loaded",
                               common.id, infos[pa].info.id, earlier.file, earlier.pos.line));
      }
    }
  }
  RuleOverride out;
  out.written_severity = common.severity;
  out.written_message = common.message;
  std::shared_ptr<Fields> message;
  for (auto [p, k] : applicable) {
    const OverrideSpec& o = infos[p].overrides[k];
    if (o.severity) {
      out.severity = true;
      common.severity = *o.severity;
    }
    if (o.message) {
      out.message = true;
      common.message = o.message_text;
      message = o.message;
    }
    if (o.disable) out.disabled = *o.disable;
    out.pack = infos[p].info.id;
    out.origin = fmt::format("{}:{}", o.file, o.pos.line);
  }
  if (message) ctx.override_message(&f, message);
  return out;
}

// Overrides that named no loaded rule.
void check_unused_overrides(const std::vector<PackHeader>& infos, const std::vector<bool>& keep,
                            const PackGraph& graph, const std::vector<Loaded>& loaded,
                            ErrorSink& errors) {
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (!keep[i] || graph.broken.count(infos[i].info.id)) continue;
    const std::vector<std::string>& bases = graph.ancestors[i];
    for (const OverrideSpec& o : infos[i].overrides) {
      if (o.matched) continue;
      // Not a structured binding: clang before 16 refuses a lambda that captures one.
      const auto split = split_rule(o.rule);
      const std::string& qualifier = split.first;
      const std::string& id = split.second;
      std::string message = fmt::format("unknown rule '{}' in 'overrides'", o.rule);
      const bool pack_loaded =
          qualifier.empty() || std::any_of(infos.begin(), infos.end(), [&](const PackHeader& h) {
            return h.info.id == qualifier;
          });
      if (!pack_loaded) {
        message += fmt::format(": no pack '{}' is loaded", qualifier);
      } else if (bases.empty()) {
        message +=
            ": this pack extends no pack, and an override changes a rule of a pack named "
            "in 'extends'";
      } else {
        std::set<std::string> ids;
        for (const Loaded& l : loaded) {
          if (contains(bases, l.info.pack)) ids.insert(l.info.id);
        }
        std::string names;
        for (const std::string& b : bases) names += (names.empty() ? "" : ", ") + b;
        message += fmt::format(": no pack it extends ({}) has a rule of that id", names);
        if (auto guess = did_you_mean(id, ids))
          message += fmt::format(" (did you mean '{}'?)", *guess);
      }
      errors.add(ErrorCode::rule_schema, o.file, o.pos, message);
    }
  }
}

// A part named by a rule or a summary column: declared by the pack it resolved to, and not by
// several packs the naming pack extends.
void check_part_use(const BuildContext::PartUse& use, const RuleSet::Impl& impl,
                    const PackGraph& graph, ErrorSink& errors) {
  const std::string where =
      use.where.empty() ? fmt::format("in scope 'section:{}'", use.spelled) : use.where;
  const std::string& part = use.part.part;
  if (use.ambiguous.size() > 1) {
    std::string packs;
    std::string spelled;
    for (const std::string& p : use.ambiguous) {
      packs += (packs.empty() ? "" : ", ") + p;
      spelled += fmt::format("{}'{}:{}'", spelled.empty() ? "" : " or ", p, part);
    }
    errors.add(ErrorCode::rule_schema, use.file, use.pos,
               fmt::format("part '{}' {} is declared by several packs this pack extends ({}): "
                           "write {}",
                           part, where, packs, spelled));
    return;
  }
  auto declares = [&](const std::string& pack) {
    return std::any_of(impl.parts.begin(), impl.parts.end(), [&](const PartDef& p) {
      return p.id == PartId{pack, part};
    });
  };
  if (declares(use.part.pack)) return;
  const std::string& pack = use.part.pack;
  const bool plain = use.spelled.find(':') == std::string::npos;
  if (plain && graph.broken.count(pack)) return;  // perhaps a part of the pack not loaded
  if (std::none_of(impl.packs.begin(), impl.packs.end(),
                   [&](const PackInfo& p) { return p.id == pack; })) {
    errors.add(
        ErrorCode::rule_schema, use.file, use.pos,
        fmt::format("unknown part '{}' {}: no pack '{}' is loaded", use.spelled, where, pack));
    return;
  }
  std::string known;
  for (const PartDef& p : impl.parts) {
    if (p.id.pack == pack) known += (known.empty() ? "" : ", ") + p.id.part;
  }
  std::string message =
      fmt::format("unknown part '{}' {}: the required-section rules of pack '{}' declare {}", part,
                  where, pack, known.empty() ? "no parts" : known);
  // The part of another pack, named as if it were this pack's own: say how to use it.
  if (plain) {
    for (const PackInfo& other : impl.packs) {
      if (other.id == pack || !declares(other.id)) continue;
      message += fmt::format(
          "; pack '{}' declares a part '{}': to use it, extend that pack "
          "(extends: {} in pack.yaml) or write {}:{}",
          other.id, part, other.id, other.id, part);
      break;
    }
  }
  errors.add(ErrorCode::rule_schema, use.file, use.pos, message);
}

}  // namespace

std::shared_ptr<const YamlFile> parse_yaml(const std::string& name, const std::string& text,
                                           ErrorSink& errors) {
  if (auto at = too_deep(text)) {
    errors.add(
        ErrorCode::rule_syntax, name, *at,
        fmt::format(
            "brackets nested more than {} deep; a rule or configuration file never needs that",
            kMaxFlowNesting));
    return nullptr;
  }
  return YamlFile::parse(name, text, errors);
}

std::shared_ptr<const YamlFile> load_yaml(const std::string& name, const std::string& text,
                                          std::string_view tree, ErrorSink& errors) {
  if (!tree.empty()) {
    if (auto file = YamlFile::from_compiled(name, tree)) return file;
  }
  return parse_yaml(name, text, errors);
}

void sort_errors(std::vector<Error>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return std::tie(a.file, a.pos.line, a.pos.column) < std::tie(b.file, b.pos.line, b.pos.column);
  });
}

void read_packs(const std::filesystem::path& path, std::vector<PackSource>& out, ErrorSink& errors,
                std::uint64_t max_file_bytes) {
  const std::uint64_t limit = max_file_bytes;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    errors.add(ErrorCode::not_found, path.string(), {}, "no such file or directory");
    return;
  }
  if (std::filesystem::is_regular_file(status)) {
    if (path.filename() == "pack.yaml") {
      read_pack_dir(path.parent_path().empty() ? "." : path.parent_path(), out, errors, limit);
      return;
    }
    // A single rule file: a pack of one rule, named after the file's folder.
    PackSource pack;
    pack.origin = path.string();
    auto text = read_small_file(path, errors, limit);
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
    read_pack_dir(path, out, errors, limit);
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
  for (const auto& p : packs) read_pack_dir(p, out, errors, limit);
}

PackLinks pack_links(const PackSource& pack) {
  PackLinks links;
  if (pack.pack_file.empty()) return links;
  ErrorSink ignored;  // the loader reports them
  auto file = load_yaml(pack.pack_file, pack.pack_yaml, pack.pack_tree, ignored);
  if (!file || !file->root().is_map()) return links;
  const YamlNode* id = file->root().find("id");
  if (id && id->is_scalar()) links.id = id->scalar;
  if (const YamlNode* extends = file->root().find("extends")) {
    if (extends->is_scalar()) links.extends.push_back(extends->scalar);
    if (extends->is_sequence()) {
      for (const YamlNode& item : extends->children) {
        if (item.is_scalar()) links.extends.push_back(item.scalar);
      }
    }
  }
  return links;
}

Result<RuleSet> compile_packs(std::vector<PackSource> sources, const RuleLoadOptions& options) {
  ErrorSink errors;
  auto impl = std::make_shared<RuleSet::Impl>();
  std::map<std::string, std::string> rule_origin;  // id → file:line
  std::vector<Loaded> loaded;
  std::vector<BuildContext::PartUse> part_uses;
  std::vector<TypeUse> type_uses;
  std::vector<TypeUse> superseded;  // rule ids named by `supersedes`, checked once all are loaded
  std::vector<std::pair<std::string, std::string>> supersede_edges;  // (rule, rule it supersedes),
                                                                     // parallel to `superseded`
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

  // Then the packs in the order they build on each other.
  const PackGraph graph = pack_graph(infos, keep, builtin_pack_ids(), errors);
  // Overrides by the id of the rule they change: (overriding pack's source, item).
  std::map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> overrides;
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (!keep[i]) continue;
    for (std::size_t k = 0; k < infos[i].overrides.size(); ++k)
      overrides[split_rule(infos[i].overrides[k].rule).second].emplace_back(i, k);
  }

  for (std::size_t index : graph.order) {
    const PackSource& source = sources[index];
    PackInfo pack = infos[index].info;
    std::vector<PartDef> pack_parts;
    BuildContext ctx(impl->patterns, pack_parts, pack.id,
                     pack.language.empty() ? "zh-CN" : pack.language);
    ctx.set_bases(impl->parts, graph.ancestors[index]);
    ctx.set_trusted(source.builtin);
    pack.extends.clear();
    for (std::size_t base : graph.bases[index]) pack.extends.push_back(infos[base].info.id);
    if (Fields* f = infos[index].fields.get()) {
      read_document_types(*f, ctx, pack, type_uses, impl->types);
      read_summary_columns(*f, ctx, pack, summary_rules);
      f->finish();
    }
    // Without `applies_to` of its own, a pack runs on the document types of the packs it extends
    // (on every document, when one of those does).
    if (!infos[index].has_applies_to && !pack.extends.empty()) {
      for (const std::string& base : pack.extends) {
        auto it = std::find_if(impl->packs.begin(), impl->packs.end(),
                               [&](const PackInfo& p) { return p.id == base; });
        if (it == impl->packs.end()) continue;
        if (it->applies_to.empty()) {
          pack.applies_to.clear();
          break;
        }
        for (const std::string& type : it->applies_to) {
          if (!contains(pack.applies_to, type)) pack.applies_to.push_back(type);
        }
      }
    }
    const std::size_t pack_index = impl->packs.size();
    for (const PackSource::Rule& rule : source.rules) {
      auto file = load_yaml(rule.rule_file, rule.rule_yaml, rule.rule_tree, errors);
      if (!file) continue;
      Fields f(file, file->root(), errors, "rule");
      if (!file->root().is_map()) {
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
      read_years(f, common);
      if (severity) common.severity = *severity;
      std::optional<RuleOverride> overridden =
          apply_overrides(common, pack.id, index, infos, graph, overrides, f, ctx, errors);
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
        ctx.start_rule(options.max_patterns_per_rule);
        std::size_t before = errors.size();
        check = kind->make(spec);
        if (errors.size() > before) check.reset();
      }
      ctx.override_message(nullptr, nullptr);
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
      info.from_year = common.from_year;
      info.until_year = common.until_year;
      info.overridden = std::move(overridden);
      for (const Item& item : supersedes) {
        // "pack:rule" names a rule of another pack, which need not be loaded.
        std::size_t colon = item.scalar.find(':');
        info.supersedes.push_back(colon == std::string::npos ? item.scalar
                                                             : item.scalar.substr(colon + 1));
        superseded.push_back({item.scalar, rule.rule_file, item.pos, {}});
        supersede_edges.emplace_back(info.id, info.supersedes.back());
      }
      loaded.push_back({std::move(info), std::move(check), pack_index});
    }
    for (PartDef& part : pack_parts) impl->parts.push_back(std::move(part));
    for (const auto& use : ctx.part_uses()) part_uses.push_back(use);
    impl->packs.push_back(std::move(pack));
  }

  for (const auto& use : part_uses) check_part_use(use, *impl, graph, errors);
  check_unused_overrides(infos, keep, graph, loaded, errors);
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
  // A rule that supersedes itself, directly or through others, would drop its own findings.
  std::map<std::string, std::vector<std::string>> supersedes_of;
  for (const auto& [from, to] : supersede_edges) supersedes_of[from].push_back(to);
  for (std::size_t e = 0; e < supersede_edges.size(); ++e) {
    const auto& [from, to] = supersede_edges[e];
    // The path from `to` back to `from`, if there is one (breadth first, each rule once).
    std::map<std::string, std::string> came_from{{to, ""}};
    std::vector<std::string> queue{to};
    bool found = to == from;
    for (std::size_t q = 0; q < queue.size() && !found; ++q) {
      for (const std::string& next : supersedes_of[queue[q]]) {
        if (!came_from.emplace(next, queue[q]).second) continue;
        if (next == from) {
          found = true;
          break;
        }
        queue.push_back(next);
      }
    }
    if (!found) continue;
    std::string cycle = from;
    if (to != from) {
      std::vector<std::string> path;
      for (std::string at = from; !at.empty(); at = came_from[at]) path.push_back(at);
      for (auto it = path.rbegin(); it != path.rend(); ++it) cycle += " -> " + *it;
    }
    errors.add(ErrorCode::rule_schema, superseded[e].file, superseded[e].pos,
               to == from ? fmt::format("rule '{}' supersedes itself: it would drop all of its own "
                                        "findings",
                                        from)
                          : fmt::format("rules supersede each other in a circle ({}): each would "
                                        "drop the others' findings where they overlap",
                                        cycle));
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
