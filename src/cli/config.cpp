// --config FILE: settings an office keeps for all its checks (docs/cli.md, "Configuration file").
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "cli/cli.hpp"
#include "rules/yaml_fields.hpp"

namespace fzcheck::cli {

Config load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot read the configuration file {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  detail::ErrorSink errors;
  Config config;
  auto file = detail::YamlFile::parse(path, text.str(), errors);
  if (file && !file->root().IsMap() && !file->root().IsNull()) {
    errors.add(ErrorCode::rule_schema, path, file->position(file->root().Mark()),
               "the configuration must be a mapping of settings (rules, disable, only, severity, "
               "fail_on)");
  } else if (file && file->root().IsMap()) {
    detail::Fields f(file, file->root(), errors, "configuration");
    std::filesystem::path base = std::filesystem::path(path).parent_path();
    for (const std::string& pack : f.strings("rules"))
      config.packs.push_back((base / pack).string());
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
      for (auto it = file->root()["severity"].begin(); it != file->root()["severity"].end(); ++it) {
        std::string rule = it->first.Scalar();
        if (auto s = detail::severity_field(*severities, rule)) config.severity[rule] = *s;
      }
    }
    f.finish();
  }
  if (!errors.empty()) {
    for (const Error& e : errors.errors()) std::cerr << e.to_string() << '\n';
    throw RulesError(
        fmt::format("{} problem(s) in the configuration file; nothing was checked", errors.size()));
  }
  return config;
}

void Config::apply(const RuleSet& rules, CheckOptions& options, const std::string& path) const {
  choose_rules(rules, options, disable, only, path);
  for (const auto& [id, level] : severity) {
    if (!rules.find(id))
      throw UsageError(
          fmt::format("{}: there is no rule '{}' (see 'fzcheck rules list')", path, id));
    options.severity_overrides[id] = level;
  }
}

}  // namespace fzcheck::cli
