// JSON: one file's findings, the {"files": [...]} document of several files, and the rule list.
#include <sstream>

#include <nlohmann/json.hpp>

#include "fzcheck/outline.hpp"
#include "fzcheck/report.hpp"

namespace fzcheck {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void write_json(std::ostream& out, const Report& report, int indent) {
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
    j["fingerprint"] = f.fingerprint;
    findings.push_back(std::move(j));
  }
  Json j;
  j["file"] = report.file;
  const DocumentType& type = report.type;
  j["document_type"] = {{"id", type.id},
                        {"name", type.name},
                        {"basis", to_string(type.basis)},
                        {"evidence", type.evidence},
                        {"genre", type.genre.empty() ? Json(nullptr) : Json(type.genre)}};
  if (type.basis == DocumentType::Basis::body) j["document_type"]["count"] = type.count;
  j["packs"] = report.packs;
  j["year"] = report.year ? Json(report.year) : Json(nullptr);
  if (!report.previous.empty()) j["previous"] = report.previous;
  Json parts = Json::array();
  for (const PartStatus& p : report.parts) {
    parts.push_back({{"pack", p.pack},
                     {"part", p.id},
                     {"name", p.name},
                     {"found", to_string(p.how)},
                     {"line", p.line ? Json(p.line) : Json(nullptr)}});
  }
  j["parts"] = std::move(parts);
  j["findings"] = std::move(findings);
  j["summary"] = {{"error", report.count(Severity::error)},
                  {"warning", report.count(Severity::warning)},
                  {"info", report.count(Severity::info)}};
  if (report.baseline) {
    j["baseline"] = {
        {"file", report.baseline->file.empty() ? Json(nullptr) : Json(report.baseline->file)},
        {"known", report.baseline->known.size()}};
  }
  out << dump(j, indent);
}

void JsonFilesWriter::add_json(const std::string& json) {
  out_ << (count_++ == 0 ? "{\n  \"files\": [\n    " : ",\n    ");
  for (char c : json) {  // nested two levels deep
    out_ << c;
    if (c == '\n') out_ << "    ";
  }
  out_.flush();
}

void JsonFilesWriter::add(const Report& report) {
  std::ostringstream s;
  write_json(s, report, 2);
  add_json(s.str());
}

void JsonFilesWriter::add_outline(const Document& doc) {
  std::ostringstream s;
  write_outline_json(s, doc, 2);
  add_json(s.str());
}

void write_error_json(std::ostream& out, const std::string& file, const Error& error) {
  Json j;
  j["file"] = file;
  j["error"] = {{"code", to_string(error.code)}, {"message", error.message}};
  if (error.pos.line > 0) j["error"]["line"] = error.pos.line;
  out << dump(j, -1);
}

void JsonFilesWriter::add_error(const std::string& file, const Error& error) {
  std::ostringstream s;
  write_error_json(s, file, error);
  add_json(s.str());
}

void JsonFilesWriter::finish() {
  out_ << (count_ == 0 ? "{\n  \"files\": []\n}\n" : "\n  ]\n}\n");
  out_.flush();
}

void write_rules_json(std::ostream& out, const RuleSet& rules) {
  Json list = Json::array();
  for (const RuleInfo& r : rules.rules()) {
    Json rule = {{"id", r.id},        {"pack", r.pack},
                 {"kind", r.kind},    {"severity", to_string(r.severity)},
                 {"scope", r.scope},  {"summary", r.summary},
                 {"source", r.source}};
    if (r.from_year || r.until_year) {
      Json years = Json::object();
      if (r.from_year) years["from"] = *r.from_year;
      if (r.until_year) years["until"] = *r.until_year;
      rule["years"] = std::move(years);
    }
    if (const auto& o = r.overridden) {
      // Changed by a pack that extends its pack: severity and message above are the effective
      // ones, these the rule file's.
      Json changed = {{"by", o->pack}, {"at", o->origin}, {"disabled", o->disabled}};
      if (o->severity) changed["written_severity"] = to_string(o->written_severity);
      if (o->message) changed["written_message"] = o->written_message;
      rule["overridden"] = std::move(changed);
    }
    list.push_back(std::move(rule));
  }
  out << list.dump(2) << '\n';
}

}  // namespace fzcheck
