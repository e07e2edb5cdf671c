// Reporters: findings as compiler-style text, one line per finding, or JSON. They live in the
// library so that embedders get the same output as the command-line tool. Every reporter writes
// to a std::ostream.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "fzcheck/api.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/rules.hpp"

namespace FZCHECK_API fzcheck {

struct TextOptions {
  bool color = false;              // ANSI colours for severities
  bool show_context = true;        // the source line with the finding underlined
  bool show_source = true;         // the legal or standards basis of each finding
  bool show_suggestion = true;     // the suggested correction of each finding
  bool show_type = true;           // a first line with the document type it was checked as
  std::string language = "zh-CN";  // of the interface words (fzcheck/i18n.hpp): "zh-CN" or "en"
};

// "错误", "警告", "提示" (or "error" …): a severity in the interface language.
std::string severity_text(Severity severity, std::string_view language);

// "文件类型：法治政府建设年度报告（依据标题中的“法治政府建设”）": the type a document was checked
// as, and why, in the interface language.
std::string document_type_text(const DocumentType& type, std::string_view language);

// A first line with the document type (TextOptions::show_type), then for each finding
// file:line:col: severity: message [rule-id] (for a .docx, file:第N段（“heading”下）), the source
// line with the span underlined (CJK characters count two columns), the suggested replacement and
// the rule's basis.
void write_text(std::ostream& out, const Report& report, const Document& doc,
                const TextOptions& options = {});

// file:line:col:rule:severity — one finding a line, the format of fixture .expected files.
void write_line(std::ostream& out, const Report& report);

// One file's findings as a JSON object, the element of the "files" array of
// `fzcheck check --format json` (docs/check-json.md). `indent` < 0 gives a single line.
void write_json(std::ostream& out, const Report& report, int indent = 2);

// {"file": ..., "error": {"code", "message", "line"}} on one line: a file that could not be read,
// as it stands in the "files" array and in NDJSON output.
void write_error_json(std::ostream& out, const std::string& file, const Error& error);

// {"files": [ ... ]}: the JSON of several files (findings or outlines, and files that could not
// be read), written one file at a time as each is ready. finish() closes the document.
class JsonFilesWriter {
 public:
  explicit JsonFilesWriter(std::ostream& out) : out_(out) {}
  void add(const Report& report);         // one file's findings (write_json)
  void add_outline(const Document& doc);  // one file's outline (write_outline_json)
  void add_error(const std::string& file, const Error& error);
  // An object already written by write_json or write_outline_json (on another thread, say).
  void add_json(const std::string& object);
  void finish();

 private:
  std::ostream& out_;
  std::size_t count_ = 0;
};

// The rules of a rule set as a JSON array (id, pack, kind, severity, scope, summary, source).
void write_rules_json(std::ostream& out, const RuleSet& rules);

}  // namespace fzcheck
