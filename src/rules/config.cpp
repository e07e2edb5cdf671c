#include "fzcheck/config.hpp"

#include <set>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "readers/file.hpp"
#include "rules/ruleset_impl.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck {

Result<Config> load_config(const std::filesystem::path& file) {
  const std::string path = file.string();
  // A regular file of at most 1 MiB: a FIFO or /dev/zero is refused, not read for ever.
  auto text = detail::read_setting_file(file);
  if (!text) return text.errors();
  detail::ErrorSink errors;
  Config config;
  config.file = file;
  auto yaml = detail::parse_yaml(path, *text, errors);
  if (yaml && !yaml->root().is_map() && !yaml->root().is_null()) {
    errors.add(ErrorCode::rule_schema, path, yaml->root().pos,
               "the configuration must be a mapping of settings (rules, no_default_rules, "
               "disable, only, severity, fail_on, allow, policy)");
  } else if (yaml && yaml->root().is_map()) {
    detail::Fields f(yaml, yaml->root(), errors, "configuration");
    const std::filesystem::path base = file.parent_path();
    for (const std::string& pack : f.strings("rules")) config.packs.push_back(base / pack);
    config.no_default_rules = f.boolean("no_default_rules").value_or(false);
    for (auto [key, target] : {std::pair{"disable", &config.disable}, {"only", &config.only}}) {
      for (const detail::Item& item : f.scalars(key)) {
        target->push_back(item.scalar);
        config.rule_ids.emplace_back(item.scalar, item.pos);
      }
    }
    if (auto fail_on = f.string("fail_on")) {
      if (*fail_on != "never" && !parse_severity(*fail_on)) {
        f.error("fail_on",
                fmt::format("'fail_on' must be error, warning, info or never, not '{}'", *fail_on));
      }
      config.fail_on = *fail_on;
    }
    if (auto severities = f.map("severity")) {
      const detail::YamlNode& node = *yaml->root().find("severity");
      for (std::size_t i = 0; i < node.children.size(); i += 2) {
        const std::string& rule = node.children[i].scalar;
        config.rule_ids.emplace_back(rule, node.children[i].pos);
        if (auto s = detail::severity_field(*severities, rule)) config.severity[rule] = *s;
      }
    }
    // allow: [terms] for every rule, or {rule: [terms]} per rule.
    if (f.has("allow")) {
      const detail::YamlNode& node = *yaml->root().find("allow");
      if (node.is_map()) {
        auto by_rule = f.map("allow");
        for (std::size_t i = 0; i < node.children.size(); i += 2) {
          const std::string& rule = node.children[i].scalar;
          config.rule_ids.emplace_back(rule, node.children[i].pos);
          config.allow_by_rule[rule] = by_rule->strings(rule);
        }
      } else {
        config.allow = f.strings("allow");
      }
    }
    if (auto policy = f.map("policy")) {
      for (auto [key, target] :
           {std::pair{"submit_by", &config.submit_by}, {"publish_by", &config.publish_by}}) {
        if (auto text = policy->string(key)) {
          *target = parse_month_day(*text);
          if (!*target) {
            policy->error(key, fmt::format("'{}' must be a month and day as MM-DD (for example "
                                           "03-01), not '{}'",
                                           key, *text));
          }
        }
      }
      if (auto inside = policy->string("parts_inside")) {
        if (*inside != "ok" && *inside != "note") {
          policy->error("parts_inside",
                        fmt::format("'parts_inside' must be ok or note, not '{}'", *inside));
        }
        config.parts_inside_ok = *inside == "ok";
      }
    }
    f.finish();
  }
  if (!errors.empty()) {
    detail::sort_errors(errors.errors());
    return std::move(errors.errors());
  }
  return config;
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(path, ec);
  if (ec) return std::nullopt;
  if (!std::filesystem::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    for (const char* name : kConfigFileNames) {
      std::filesystem::path candidate = dir / name;
      if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
}

std::vector<Error> apply_config(const Config& config, const RuleSet& rules, CheckOptions& options) {
  std::vector<Error> errors;
  std::set<std::string> reported;
  auto check_id = [&](const std::string& id) {
    if (rules.find(id) || !reported.insert(id).second) return;
    // Where the file names it, when it was read from a file.
    Position pos;
    for (const auto& [named, at] : config.rule_ids) {
      if (named == id) {
        pos = at;
        break;
      }
    }
    errors.push_back(
        {ErrorCode::usage, fmt::format("there is no rule '{}'", id), config.file.string(), pos});
  };
  for (const auto* list : {&config.disable, &config.only}) {
    for (const std::string& id : *list) check_id(id);
  }
  for (const auto& [id, level] : config.severity) check_id(id);
  for (const auto& [id, terms] : config.allow_by_rule) check_id(id);
  if (!errors.empty()) return errors;
  options.disabled.insert(config.disable.begin(), config.disable.end());
  options.only.insert(config.only.begin(), config.only.end());
  for (const auto& [id, level] : config.severity) options.severity_overrides[id] = level;
  options.allowed_terms.insert(options.allowed_terms.end(), config.allow.begin(),
                               config.allow.end());
  for (const auto& [id, terms] : config.allow_by_rule) {
    auto& list = options.allowed_terms_by_rule[id];
    list.insert(list.end(), terms.begin(), terms.end());
  }
  if (config.submit_by) options.submit_by = config.submit_by;
  if (config.publish_by) options.publish_by = config.publish_by;
  options.parts_inside_ok = options.parts_inside_ok || config.parts_inside_ok;
  return errors;
}

}  // namespace fzcheck
