#include "fzcheck/config.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "rules/ruleset_impl.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck {

Result<Config> load_config(const std::filesystem::path& file) {
  const std::string path = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{ErrorCode::io, "cannot read the configuration file", path, {}};
  std::ostringstream text;
  text << in.rdbuf();
  detail::ErrorSink errors;
  Config config;
  config.file = file;
  auto yaml = detail::YamlFile::parse(path, text.str(), errors);
  if (yaml && !yaml->root().IsMap() && !yaml->root().IsNull()) {
    errors.add(ErrorCode::rule_schema, path, yaml->position(yaml->root().Mark()),
               "the configuration must be a mapping of settings (rules, disable, only, severity, "
               "fail_on)");
  } else if (yaml && yaml->root().IsMap()) {
    detail::Fields f(yaml, yaml->root(), errors, "configuration");
    const std::filesystem::path base = file.parent_path();
    for (const std::string& pack : f.strings("rules")) config.packs.push_back(base / pack);
    config.no_default_rules = f.boolean("no_default_rules").value_or(false);
    config.disable = f.strings("disable");
    config.only = f.strings("only");
    if (auto fail_on = f.string("fail_on")) {
      if (*fail_on != "never" && !parse_severity(*fail_on)) {
        f.error("fail_on",
                fmt::format("'fail_on' must be error, warning, info or never, not '{}'", *fail_on));
      }
      config.fail_on = *fail_on;
    }
    if (auto severities = f.map("severity")) {
      const YAML::Node node = yaml->root()["severity"];
      for (auto it = node.begin(); it != node.end(); ++it) {
        std::string rule = it->first.Scalar();
        if (auto s = detail::severity_field(*severities, rule)) config.severity[rule] = *s;
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

std::vector<Error> apply_config(const Config& config, const RuleSet& rules, CheckOptions& options) {
  std::vector<Error> errors;
  auto known = [&](const std::string& id) {
    if (rules.find(id)) return true;
    errors.push_back(
        {ErrorCode::usage, fmt::format("there is no rule '{}'", id), config.file.string(), {}});
    return false;
  };
  for (const auto* list : {&config.disable, &config.only}) {
    for (const std::string& id : *list) known(id);
  }
  for (const auto& [id, level] : config.severity) known(id);
  if (!errors.empty()) return errors;
  options.disabled.insert(config.disable.begin(), config.disable.end());
  options.only.insert(config.only.begin(), config.only.end());
  for (const auto& [id, level] : config.severity) options.severity_overrides[id] = level;
  return errors;
}

}  // namespace fzcheck
