#include <nlohmann/json.hpp>

#include "fzcheck/report.hpp"

namespace fzcheck {

std::string report_json(const Report& report, int indent) {
  using Json = nlohmann::ordered_json;
  Json findings = Json::array();
  for (const Finding& f : report.findings) {
    Json j;
    j["rule"] = f.rule_id;
    j["severity"] = to_string(f.severity);
    j["message"] = f.message;
    j["line"] = f.begin.line;
    j["column"] = f.begin.column;
    j["end_line"] = f.end.line;
    j["end_column"] = f.end.column;
    j["excerpt"] = f.excerpt;
    j["replacement"] = f.replacement ? Json(*f.replacement) : Json(nullptr);
    j["source"] = f.source;
    j["heading"] = f.heading.empty() ? Json(nullptr) : Json(f.heading);
    findings.push_back(std::move(j));
  }
  Json j;
  j["file"] = report.file;
  j["findings"] = std::move(findings);
  j["summary"] = {{"error", report.count(Severity::error)},
                  {"warning", report.count(Severity::warning)},
                  {"info", report.count(Severity::info)}};
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace fzcheck
