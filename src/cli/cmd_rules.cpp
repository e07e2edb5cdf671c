// fzcheck rules list | explain ID | kinds | test DIR: the rule catalogue and the fixture harness.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli.hpp"
#include "fzcheck/report.hpp"
#include "fzcheck/rule_tests.hpp"

namespace fzcheck::cli {

namespace {

// What a pack that extends a rule's pack changed about it (pack.yaml `overrides`), in `lang`:
// disabled, the severity, the message; "" when nothing.
std::string override_changes(const RuleInfo& r, const std::string& lang) {
  if (!r.overridden) return {};
  const RuleOverride& o = *r.overridden;
  if (o.disabled) return ui_text(lang, "cli_override_disabled");
  std::string what;
  if (o.severity) {
    what = ui_text(lang, "cli_override_severity",
                   {{"from", severity_text(o.written_severity, lang)},
                    {"to", severity_text(r.severity, lang)}});
  }
  if (o.message) {
    what += (what.empty() ? "" : ui_text(lang, "list_separator")) +
            ui_text(lang, "cli_override_message");
  }
  return what;
}

// The report years a rule runs for (`years`), in `lang`: "" when every year.
std::string years_text(const RuleInfo& r, const std::string& lang) {
  if (r.from_year && r.until_year) {
    return ui_text(
        lang, "cli_years_range",
        {{"from", std::to_string(*r.from_year)}, {"until", std::to_string(*r.until_year)}});
  }
  if (r.from_year) return ui_text(lang, "cli_years_from", {{"from", std::to_string(*r.from_year)}});
  if (r.until_year)
    return ui_text(lang, "cli_years_until", {{"until", std::to_string(*r.until_year)}});
  return {};
}

// The same with the pack that made the changes, for the rule list.
std::string override_note(const RuleInfo& r, const std::string& lang) {
  if (!r.overridden) return {};
  if (r.disabled()) {
    return ui_text(lang, "cli_override_note_disabled", {{"pack", r.overridden->pack}});
  }
  return ui_text(lang, "cli_override_note",
                 {{"pack", r.overridden->pack}, {"what", override_changes(r, lang)}});
}

// "pack  title  (origin)", with the packs it extends.
std::string pack_line(const PackInfo& p) {
  std::string extends;
  for (const std::string& e : p.extends) extends += (extends.empty() ? "" : ", ") + e;
  return fmt::format("{}  {}  ({}{})", p.id, p.title, p.origin,
                     extends.empty() ? "" : tr("cli_pack_extends", {{"packs", extends}}));
}

// The options of a command that reads the rule packs: --help and the rule flags.
po::options_description pack_options(RuleFlags& rule_flags) {
  po::options_description options;
  add_help(options);
  rule_flags.add_to(options);
  return options;
}

// The options of `rules list`.
struct ListArgs {
  std::string format = "text";
  RuleFlags rule_flags;
};

po::options_description list_options(ListArgs& a) {
  po::options_description options;
  add_help(options);
  options.add_options()("format,f",
                        po::value(&a.format)->default_value("text")->value_name("FORMAT"),
                        "help_format_rules");
  a.rule_flags.add_to(options);
  return options;
}

// The options of `rules test`: the rules to test (--rule).
po::options_description test_options(std::vector<std::string>& only) {
  po::options_description options;
  add_help(options);
  options.add_options()("rule", po::value(&only)->composing()->value_name("ID"), "help_rule_test");
  return options;
}

// Parses `args` against `options` (bound to `rule_flags`) and loads the packs; nothing after
// --help. Arguments that are not options go to `ids`, of which there must be `want` (else the
// usage error `wrong_count`).
std::optional<RuleSet> parse_and_load(const std::vector<std::string>& args, const char* usage_key,
                                      const po::options_description& options, RuleFlags& rule_flags,
                                      std::vector<std::string>& ids, std::size_t want,
                                      const char* wrong_count = nullptr) {
  if (!parse(args, usage_key, options, ids)) return std::nullopt;  // --help
  if (ids.size() != want) {
    throw UsageError(want == 0 ? tr("cli_unexpected_argument", {{"value", ids.front()}})
                               : tr(wrong_count));
  }
  return rule_flags.load();
}

int list(const std::vector<std::string>& args) {
  ListArgs a;
  const po::options_description options = list_options(a);
  const std::string& format = a.format;
  std::vector<std::string> extra;
  auto loaded = parse_and_load(args, "help_rules_list_usage", options, a.rule_flags, extra, 0);
  if (!loaded) return kExitOk;
  const RuleSet& rules = *loaded;
  if (format == "json") {
    write_rules_json(std::cout, rules);
    return kExitOk;
  }
  if (format == "markdown") {
    // The rule reference of docs/rules.md (a test keeps that file equal to this output).
    for (const PackInfo& p : rules.packs()) {
      fmt::print(std::cout,
                 "## {} — {}\n\n{}\n\n| rule | severity | kind | checks | basis "
                 "|\n|---|---|---|---|---|\n",
                 p.id, p.title, p.description);
      for (const RuleInfo& r : rules.rules()) {
        if (r.pack != p.id) continue;
        std::string severity = r.disabled() ? "off" : to_string(r.severity);
        if (r.overridden) severity += " (" + override_note(r, "en") + ")";  // English, as the docs
        if (std::string years = years_text(r, "en"); !years.empty()) severity += " (" + years + ")";
        fmt::print(std::cout, "| [{}](../rules/{}/{}/README.md) | {} | {} | {} | {} |\n", r.id,
                   p.id, r.id, severity, r.kind, r.summary, r.source);
      }
      std::cout << '\n';
    }
    return kExitOk;
  }
  if (format != "text") throw UsageError(must_be("--format", {"text", "json", "markdown"}, format));
  for (const PackInfo& p : rules.packs()) {
    fmt::print(std::cout, "{}\n", pack_line(p));
    for (const RuleInfo& r : rules.rules()) {
      if (r.pack != p.id) continue;
      std::string note = override_note(r, cli_language());
      fmt::print(std::cout, "  {:<24} {:<8} {:<17} {}{}\n", r.id,
                 r.disabled() ? "off" : to_string(r.severity), r.kind, r.summary,
                 note.empty() ? "" : "  [" + note + "]");
    }
  }
  return kExitOk;
}

int explain(const std::vector<std::string>& args) {
  RuleFlags rule_flags;
  const po::options_description options = pack_options(rule_flags);
  std::vector<std::string> ids;
  auto rules = parse_and_load(args, "help_rules_explain_usage", options, rule_flags, ids, 1,
                              "cli_one_rule_id");
  if (!rules) return kExitOk;
  const RuleInfo* r = rules->find(ids.front());
  if (!r) throw UsageError(tr("cli_no_such_rule", {{"id", ids.front()}}));
  std::cout << tr("cli_explain_head",
                  {{"id", r->id},
                   {"kind", r->kind},
                   {"pack", r->pack},
                   {"severity", r->disabled() ? tr("cli_override_disabled")
                                              : severity_text(r->severity, cli_language())}})
            << '\n';
  // The basis first: what a reviewer asks before anything else is where the rule comes from.
  std::cout << tr("cli_explain_source", {{"text", r->source}}) << "\n\n";
  std::cout << tr("cli_explain_summary", {{"text", r->summary}}) << '\n';
  if (r->overridden) {
    std::cout << tr("cli_explain_override", {{"what", override_changes(*r, cli_language())},
                                             {"pack", r->overridden->pack},
                                             {"origin", r->overridden->origin}})
              << '\n';
    if (r->overridden->message) {
      std::cout << tr("cli_explain_written_message", {{"text", r->overridden->written_message}})
                << '\n';
    }
  }
  if (!r->scope.empty()) std::cout << tr("cli_explain_scope", {{"text", r->scope}}) << '\n';
  if (std::string years = years_text(*r, cli_language()); !years.empty())
    std::cout << tr("cli_explain_years", {{"text", years}}) << '\n';
  std::cout << tr("cli_explain_message", {{"text", r->message}}) << '\n'
            << tr("cli_explain_file", {{"text", r->origin}}) << '\n';
  if (!r->readme.empty())
    fmt::print(std::cout, "\n{}{}", r->readme, r->readme.back() == '\n' ? "" : "\n");
  return kExitOk;
}

int kinds(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() != "--help" && args.front() != "-h")
    throw UsageError(tr("cli_kinds_no_arguments"));
  for (const KindInfo& k : rule_kinds()) {
    fmt::print(std::cout, "  {:<18} {}{}\n", k.name, k.summary,
               tr("cli_kind_default_scope", {{"scope", k.default_scope}}));
  }
  std::cout << '\n' << tr("cli_kinds_see_docs") << '\n';
  return kExitOk;
}

int types(const std::vector<std::string>& args) {
  RuleFlags rule_flags;
  const po::options_description options = pack_options(rule_flags);
  std::vector<std::string> extra;
  auto rules = parse_and_load(args, "help_rules_types_usage", options, rule_flags, extra, 0);
  if (!rules) return kExitOk;
  for (const DocumentTypeInfo& t : rules->document_types()) {
    std::string packs;
    for (const PackInfo& p : rules->packs()) {
      const auto& a = p.applies_to;
      if (a.empty() || std::find(a.begin(), a.end(), t.id) != a.end())
        packs += (packs.empty() ? "" : tr("list_separator")) + p.id;
    }
    fmt::print(std::cout, "  {:<24} {}{}{}\n", t.id, t.name,
               t.fallback ? tr("cli_type_fallback") : "",
               tr("cli_type_packs", {{"pack", t.pack}, {"packs", packs}}));
  }
  return kExitOk;
}

int test(const std::vector<std::string>& args) {
  std::vector<std::string> only;
  const po::options_description options = test_options(only);
  std::vector<std::string> dirs;
  auto vm = parse(args, "help_rules_test_usage", options, dirs);
  if (!vm) return kExitOk;  // --help
  if (dirs.size() != 1) throw UsageError(tr("cli_one_pack_folder"));
  // A rule's own file or folder: the pack around it, that rule only.
  std::filesystem::path target = dirs.front();
  std::error_code ec;
  if (std::filesystem::is_regular_file(target, ec)) target = target.parent_path();
  if (!std::filesystem::exists(target / "pack.yaml", ec) &&
      std::filesystem::exists(target / "rule.yaml", ec)) {
    std::filesystem::path rule = std::filesystem::absolute(target, ec).lexically_normal();
    if (rule.has_filename() == false) rule = rule.parent_path();
    if (!std::filesystem::exists(rule.parent_path() / "pack.yaml", ec)) {
      throw UsageError(tr("cli_rule_outside_pack", {{"path", dirs.front()}}));
    }
    only = {rule.filename().string()};
    target = rule.parent_path();
  }
  auto results = test_rules(target, only);
  if (!results) {
    for (const Error& e : results.errors()) std::cerr << tr(e) << '\n';
    return kExitUsage;
  }
  std::size_t failed = 0;
  for (const RuleTestResult& r : *results) {
    std::cout << tr("cli_test_line", {{"status", tr(r.ok() ? "cli_test_ok" : "cli_test_fail")},
                                      {"rule", r.rule},
                                      {"pass", std::to_string(r.pass_fixtures)},
                                      {"fail", std::to_string(r.fail_fixtures)}})
              << '\n';
    for (const std::string& p : r.problems) fmt::print(std::cout, "      {}\n", p);
    failed += !r.ok();
  }
  std::cout << tr("cli_test_summary",
                  {{"count", std::to_string(results->size())}, {"failed", std::to_string(failed)}})
            << '\n';
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

void describe_rules_list(const OptionsUse& use) {
  ListArgs a;
  use(list_options(a));
}

void describe_rules_explain(const OptionsUse& use) {
  RuleFlags rule_flags;
  use(pack_options(rule_flags));
}

void describe_rules_types(const OptionsUse& use) {
  RuleFlags rule_flags;
  use(pack_options(rule_flags));
}

void describe_rules_test(const OptionsUse& use) {
  std::vector<std::string> only;
  use(test_options(only));
}

int run_rules(const std::vector<std::string>& args) {
  if (args.empty() || args.front() == "--help" || args.front() == "-h") {
    std::cout << tr("help_rules_usage") << '\n';
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args.front() == "list") return list(rest);
  if (args.front() == "explain") return explain(rest);
  if (args.front() == "kinds") return kinds(rest);
  if (args.front() == "types") return types(rest);
  if (args.front() == "test") return test(rest);
  throw UsageError(tr("cli_unknown_rules_command", {{"command", args.front()}}) + '\n' +
                   tr("help_rules_usage"));
}

}  // namespace fzcheck::cli
