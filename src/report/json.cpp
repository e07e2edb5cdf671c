// JSON: one file's findings, the {"files": [...]} document of several files, and the rule list.
#include <sstream>

#include <nlohmann/json.hpp>

#include "fzcheck/outline.hpp"
#include "fzcheck/report.hpp"
#include "report/json_writer.hpp"

namespace fzcheck {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

void write_json(std::ostream& out, const Report& report, int indent) {
  // Written as it goes (no tree): this is most of `check --format json` after the checking.
  constexpr std::size_t kFlushBytes = 1 << 16;
  std::string text;
  text.reserve(kFlushBytes + 4096);
  detail::JsonWriter j(text, indent);
  j.begin_object();
  j.member("file", report.file);
  const DocumentType& type = report.type;
  j.key("document_type");
  j.begin_object();
  j.member("id", type.id);
  j.member("name", type.name);
  j.member("basis", to_string(type.basis));
  j.member("evidence", type.evidence);
  if (type.genre.empty()) {
    j.null_member("genre");
  } else {
    j.member("genre", type.genre);
  }
  if (type.basis == DocumentType::Basis::body) j.member("count", type.count);
  j.end_object();
  j.key("packs");
  j.begin_array();
  for (const std::string& pack : report.packs) j.value(pack);
  j.end_array();
  if (report.year) {
    j.member("year", report.year);
  } else {
    j.null_member("year");
  }
  if (!report.previous.empty()) j.member("previous", report.previous);
  j.key("parts");
  j.begin_array();
  for (const PartStatus& p : report.parts) {
    j.begin_object();
    j.member("pack", p.pack);
    j.member("part", p.id);
    j.member("name", p.name);
    j.member("found", to_string(p.how));
    if (p.line) {
      j.member("line", p.line);
    } else {
      j.null_member("line");
    }
    j.end_object();
  }
  j.end_array();
  j.key("findings");
  j.begin_array();
  for (const Finding& f : report.findings) {
    j.begin_object();
    j.member("rule", f.rule_id);
    j.member("severity", to_string(f.severity));
    j.member("message", f.message);
    j.member("line", f.begin.line);
    j.member("column", f.begin.column);
    j.member("end_line", f.end.line);
    j.member("end_column", f.end.column);
    j.member("excerpt", f.excerpt);
    if (f.replacement) {
      j.member("replacement", *f.replacement);
    } else {
      j.null_member("replacement");
    }
    j.member("source", f.source);
    if (f.heading.empty()) {
      j.null_member("heading");
    } else {
      j.member("heading", f.heading);
    }
    j.member("fingerprint", f.fingerprint);
    j.end_object();
    if (text.size() >= kFlushBytes) {  // a report of a large file is not held twice
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  j.end_array();
  j.key("summary");
  j.begin_object();
  j.member("error", report.count(Severity::error));
  j.member("warning", report.count(Severity::warning));
  j.member("info", report.count(Severity::info));
  j.end_object();
  if (report.baseline) {
    j.key("baseline");
    j.begin_object();
    if (report.baseline->file.empty()) {
      j.null_member("file");
    } else {
      j.member("file", report.baseline->file);
    }
    j.member("known", report.baseline->known.size());
    j.end_object();
  }
  j.end_object();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void JsonFilesWriter::add_json(const std::string& json) {
  out_ << (count_++ == 0 ? "{\n  \"files\": [\n    " : ",\n    ");
  // Nested two levels deep: four more spaces after every line break (a line break is never
  // inside a string, where it is written \n).
  std::size_t from = 0;
  for (std::size_t nl = json.find('\n'); nl != std::string::npos; nl = json.find('\n', from)) {
    out_.write(json.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out_.write("    ", 4);
    from = nl + 1;
  }
  out_.write(json.data() + from, static_cast<std::streamsize>(json.size() - from));
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
