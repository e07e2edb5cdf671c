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

constexpr const char* kRulesUsage =
    "usage: fzcheck rules list [--rules DIR]... [--no-default-rules] [--format text|json]\n"
    "       fzcheck rules explain ID [--rules DIR]...\n"
    "       fzcheck rules kinds\n"
    "       fzcheck rules types [--rules DIR]...\n"
    "       fzcheck rules test DIR [--rule ID]...\n";

// What a pack that extends a rule's pack changed about it (pack.yaml `overrides`): "disabled",
// "severity info → warning", "message"; "" when nothing.
std::string override_changes(const RuleInfo& r) {
  if (!r.overridden) return {};
  const RuleOverride& o = *r.overridden;
  if (o.disabled) return "disabled";
  std::string what;
  if (o.severity)
    what = fmt::format("severity {} → {}", to_string(o.written_severity), to_string(r.severity));
  if (o.message) what += std::string(what.empty() ? "" : ", ") + "message";
  return what;
}

// The same with the pack that made the changes, for the rule list.
std::string override_note(const RuleInfo& r) {
  if (!r.overridden) return {};
  if (r.disabled()) return "disabled by " + r.overridden->pack;
  std::string what = override_changes(r);
  return fmt::format("overridden by {}{}{}", r.overridden->pack, what.empty() ? "" : ": ", what);
}

// "pack  title  (origin)", with the packs it extends.
std::string pack_line(const PackInfo& p) {
  std::string extends;
  for (const std::string& e : p.extends) extends += (extends.empty() ? "" : ", ") + e;
  return fmt::format("{}  {}  ({}{}{})", p.id, p.title, p.origin,
                     extends.empty() ? "" : "; extends ", extends);
}

// Parses the options of a command that reads the rule packs (--help and the rule flags are added
// to `options`) and loads the packs; nothing after --help. Arguments that are not options go to
// `ids`, of which there must be `want`.
std::optional<RuleSet> parse_and_load(const std::vector<std::string>& args,
                                      po::options_description& options,
                                      std::vector<std::string>& ids, std::size_t want,
                                      const char* wrong_count) {
  RuleFlags rule_flags;
  options.add_options()("help,h", "show this help");
  rule_flags.add_to(options);
  if (!parse(args, options, ids)) return std::nullopt;  // --help
  if (ids.size() != want) {
    throw UsageError(want == 0 ? "unexpected argument '" + ids.front() + "'"
                               : std::string(wrong_count));
  }
  return rule_flags.load();
}

int list(const std::vector<std::string>& args) {
  po::options_description options("fzcheck rules list [options]\n\nOptions");
  std::string format = "text";
  options.add_options()("format,f", po::value(&format)->default_value("text"),
                        "text, json or markdown (the table of docs/rules.md)");
  std::vector<std::string> extra;
  auto loaded = parse_and_load(args, options, extra, 0, "");
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
        if (r.overridden) severity += " (" + override_note(r) + ")";
        fmt::print(std::cout, "| [{}](../rules/{}/{}/README.md) | {} | {} | {} | {} |\n", r.id,
                   p.id, r.id, severity, r.kind, r.summary, r.source);
      }
      std::cout << '\n';
    }
    return kExitOk;
  }
  if (format != "text")
    throw UsageError("--format must be text, json or markdown, not '" + format + "'");
  for (const PackInfo& p : rules.packs()) {
    fmt::print(std::cout, "{}\n", pack_line(p));
    for (const RuleInfo& r : rules.rules()) {
      if (r.pack != p.id) continue;
      std::string note = override_note(r);
      fmt::print(std::cout, "  {:<24} {:<8} {:<17} {}{}\n", r.id,
                 r.disabled() ? "off" : to_string(r.severity), r.kind, r.summary,
                 note.empty() ? "" : "  [" + note + "]");
    }
  }
  return kExitOk;
}

int explain(const std::vector<std::string>& args) {
  po::options_description options("fzcheck rules explain ID [options]\n\nOptions");
  std::vector<std::string> ids;
  auto rules = parse_and_load(args, options, ids, 1, "give exactly one rule id");
  if (!rules) return kExitOk;
  const RuleInfo* r = rules->find(ids.front());
  if (!r)
    throw UsageError(fmt::format("there is no rule '{}' (see 'fzcheck rules list')", ids.front()));
  fmt::print(std::cout, "{}  ({} rule of pack {}, {})\n\n", r->id, r->kind, r->pack,
             r->disabled() ? "disabled" : to_string(r->severity));
  fmt::print(std::cout, "summary:  {}\n", r->summary);
  if (r->overridden) {
    std::string what = override_changes(*r);
    fmt::print(std::cout, "override: {}by pack {} ({})\n", what.empty() ? "" : what + ", ",
               r->overridden->pack, r->overridden->origin);
    if (r->overridden->message)
      fmt::print(std::cout, "          the rule file's message: {}\n",
                 r->overridden->written_message);
  }
  if (!r->scope.empty()) fmt::print(std::cout, "scope:    {}\n", r->scope);
  fmt::print(std::cout, "message:  {}\nsource:   {}\nfile:     {}\n", r->message, r->source,
             r->origin);
  if (!r->readme.empty())
    fmt::print(std::cout, "\n{}{}", r->readme, r->readme.back() == '\n' ? "" : "\n");
  return kExitOk;
}

int kinds(const std::vector<std::string>& args) {
  if (!args.empty() && args.front() != "--help" && args.front() != "-h") {
    throw UsageError("'rules kinds' takes no arguments");
  }
  for (const KindInfo& k : rule_kinds()) {
    fmt::print(std::cout, "  {:<18} {} (default scope: {})\n", k.name, k.summary, k.default_scope);
  }
  std::cout << "\nSee docs/rule-authors.md for the keys of each kind.\n";
  return kExitOk;
}

int types(const std::vector<std::string>& args) {
  po::options_description options("fzcheck rules types [options]\n\nOptions");
  std::vector<std::string> extra;
  auto rules = parse_and_load(args, options, extra, 0, "");
  if (!rules) return kExitOk;
  for (const DocumentTypeInfo& t : rules->document_types()) {
    std::string packs;
    for (const PackInfo& p : rules->packs()) {
      const auto& a = p.applies_to;
      if (a.empty() || std::find(a.begin(), a.end(), t.id) != a.end())
        packs += (packs.empty() ? "" : ", ") + p.id;
    }
    fmt::print(std::cout, "  {:<24} {}{}  (declared by {}; checked by {})\n", t.id, t.name,
               t.fallback ? ", when no other type fits" : "", t.pack, packs);
  }
  return kExitOk;
}

int test(const std::vector<std::string>& args) {
  po::options_description options("fzcheck rules test DIR [options]\n\nOptions");
  std::vector<std::string> only;
  options.add_options()("help,h", "show this help")("rule", po::value(&only)->composing(),
                                                    "test only this rule (repeatable)");
  std::vector<std::string> dirs;
  auto vm = parse(args, options, dirs);
  if (!vm) return kExitOk;  // --help
  if (dirs.size() != 1) throw UsageError("give exactly one pack directory");
  auto results = test_rules(dirs.front(), only);
  if (!results) {
    for (const Error& e : results.errors()) std::cerr << e.to_string() << '\n';
    return kExitUsage;
  }
  std::size_t failed = 0;
  for (const RuleTestResult& r : *results) {
    fmt::print(std::cout, "{}  {}  ({} pass, {} fail fixtures)\n", r.ok() ? "ok  " : "FAIL", r.rule,
               r.pass_fixtures, r.fail_fixtures);
    for (const std::string& p : r.problems) fmt::print(std::cout, "      {}\n", p);
    failed += !r.ok();
  }
  fmt::print(std::cout, "{} rule(s) tested, {} failed\n", results->size(), failed);
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

int run_rules(const std::vector<std::string>& args) {
  if (args.empty() || args.front() == "--help" || args.front() == "-h") {
    std::cout << kRulesUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args.front() == "list") return list(rest);
  if (args.front() == "explain") return explain(rest);
  if (args.front() == "kinds") return kinds(rest);
  if (args.front() == "types") return types(rest);
  if (args.front() == "test") return test(rest);
  throw UsageError("unknown 'rules' command '" + args.front() + "'\n" + kRulesUsage);
}

}  // namespace fzcheck::cli
