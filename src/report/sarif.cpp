// SARIF 2.1.0: one log, one run, every rule of the rule set, the results of several files
// (docs/sarif.md).
#include "fzcheck/sarif.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "fzcheck/i18n.hpp"
#include "text/ascii.hpp"

#ifndef FZCHECK_VERSION
#error "FZCHECK_VERSION must be defined for the library (CMakeLists.txt)"
#endif

namespace fzcheck {

namespace {

using Json = nlohmann::ordered_json;

const char* level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

// The region of a finding: SARIF's end column is the one after the last character, as is
// Finding::end. Null for a finding without a position.
Json region_of(const Finding& f) {
  if (f.begin.line == 0) return nullptr;
  const std::uint32_t start_column = f.begin.column == 0 ? 1 : f.begin.column;
  std::uint32_t end_line = f.end.line;
  std::uint32_t end_column = f.end.column;
  if (end_line < f.begin.line || (end_line == f.begin.line && end_column < start_column)) {
    end_line = f.begin.line;  // an empty span, or an end before the beginning
    end_column = start_column;
  }
  Json region = {{"startLine", f.begin.line},
                 {"startColumn", start_column},
                 {"endLine", end_line},
                 {"endColumn", end_column == 0 ? 1 : end_column}};
  if (!f.excerpt.empty()) region["snippet"] = {{"text", f.excerpt}};
  return region;
}

// An array of one element (braces alone would be read as an object or a pair).
Json one(Json element) {
  Json array = Json::array();
  array.push_back(std::move(element));
  return array;
}

}  // namespace

struct SarifWriter::State {
  RuleSet rules;
  std::string language;
  std::map<std::string, std::size_t> rule_index;      // rule id → index in driver.rules
  std::map<std::string, std::size_t> artifact_index;  // file → index in run.artifacts
  Json artifacts = Json::array();
  Json results = Json::array();
  Json notifications = Json::array();
  bool finished = false;

  State(const RuleSet& r, std::string lang) : rules(r), language(std::move(lang)) {}

  // The artifactLocation of `file`, adding the file to run.artifacts the first time.
  Json location_of(const std::string& file) {
    auto [it, added] = artifact_index.try_emplace(file, artifacts.size());
    Json location;
    location["uri"] = ascii::percent_encode_path(file);
    if (added) {
      Json artifact;
      artifact["location"] = location;
      artifacts.push_back(std::move(artifact));
    }
    location["index"] = it->second;
    return location;
  }

  Json fix_of(const Finding& f, const Json& location, const Json& region) const {
    Json deleted = region;
    deleted.erase("snippet");
    const std::string description =
        f.replacement->empty() ? ui_text(language, "suggestion_delete")
                               : ui_text(language, "suggestion", {{"replacement", *f.replacement}});
    Json replacement;
    replacement["deletedRegion"] = std::move(deleted);
    replacement["insertedContent"] = {{"text", *f.replacement}};
    Json change;
    change["artifactLocation"] = location;
    change["replacements"] = one(std::move(replacement));
    Json fix;
    fix["description"] = {{"text", description}};
    fix["artifactChanges"] = one(std::move(change));
    return fix;
  }

  Json driver() const {
    Json list = Json::array();
    for (const RuleInfo& r : rules.rules()) {
      Json rule;
      rule["id"] = r.id;
      rule["name"] = r.id;
      if (!r.summary.empty()) rule["shortDescription"] = {{"text", r.summary}};
      if (!r.source.empty()) rule["help"] = {{"text", r.source}};
      rule["defaultConfiguration"] = {{"level", level(r.severity)}};
      rule["properties"] = {{"pack", r.pack}, {"kind", r.kind}};
      if (!r.source.empty()) rule["properties"]["source"] = r.source;
      list.push_back(std::move(rule));
    }
    return {{"name", "fzcheck"}, {"version", FZCHECK_VERSION}, {"rules", std::move(list)}};
  }
};

SarifWriter::SarifWriter(std::ostream& out, const RuleSet& rules, std::string language)
    : out_(out), state_(std::make_unique<State>(rules, std::move(language))) {
  const auto& list = rules.rules();
  for (std::size_t i = 0; i < list.size(); ++i) state_->rule_index.try_emplace(list[i].id, i);
}

SarifWriter::~SarifWriter() = default;

void SarifWriter::add(const Report& report) {
  State& s = *state_;
  const Json location = s.location_of(report.file);
  Json& artifact = s.artifacts[location["index"].get<std::size_t>()];
  if (!report.type.id.empty()) artifact["properties"]["documentType"] = report.type.id;
  if (report.baseline) artifact["properties"]["knownFindings"] = report.baseline->known.size();
  for (const Finding& f : report.findings) {
    Json result;
    result["ruleId"] = f.rule_id;
    if (auto it = s.rule_index.find(f.rule_id); it != s.rule_index.end()) {
      result["ruleIndex"] = it->second;
    }
    result["level"] = level(f.severity);
    result["message"] = {{"text", f.message}};
    Json physical = {{"artifactLocation", location}};
    const Json region = region_of(f);
    if (!region.is_null()) physical["region"] = region;
    Json where;
    where["physicalLocation"] = std::move(physical);
    result["locations"] = one(std::move(where));
    if (f.replacement && !region.is_null()) {
      result["fixes"] = one(s.fix_of(f, location, region));
    }
    if (!f.fingerprint.empty()) result["partialFingerprints"] = {{"fzcheck/v1", f.fingerprint}};
    // Compared with a baseline, every result left is one it did not have.
    if (report.baseline) result["baselineState"] = "new";
    if (!f.heading.empty()) result["properties"] = {{"heading", f.heading}};
    s.results.push_back(std::move(result));
  }
}

void SarifWriter::add_error(const std::string& file, const Error& error) {
  State& s = *state_;
  Json physical = {{"artifactLocation", s.location_of(file)}};
  if (error.pos.line > 0) {
    physical["region"] = {{"startLine", error.pos.line}};
    if (error.pos.column > 0) physical["region"]["startColumn"] = error.pos.column;
  }
  Json notification;
  notification["level"] = "error";
  notification["message"] = {
      {"text", error.message.empty() ? std::string(to_string(error.code)) : error.message}};
  Json where;
  where["physicalLocation"] = std::move(physical);
  notification["locations"] = one(std::move(where));
  notification["properties"] = {{"code", to_string(error.code)}};
  s.notifications.push_back(std::move(notification));
}

void SarifWriter::finish() {
  State& s = *state_;
  if (s.finished) return;
  s.finished = true;
  Json invocation = {{"executionSuccessful", s.notifications.empty()}};
  if (!s.notifications.empty()) {
    invocation["toolExecutionNotifications"] = std::move(s.notifications);
  }
  Json run;
  run["tool"] = {{"driver", s.driver()}};
  run["invocations"] = one(std::move(invocation));
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = std::move(s.artifacts);
  run["results"] = std::move(s.results);
  run["properties"] = {{"language", s.language}};
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = one(std::move(run));
  out_ << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  out_.flush();
}

}  // namespace fzcheck
