// The batch table: one row per report, for an office that checks thirty reports at once. A row
// says what the report is (file, title, organ, year, type), where each required part is (✓, 缺,
// 内含), what the packs' own columns say (pack.yaml `summary`: causes given, 三项制度 …), the
// counts by severity and the worst finding. Words come from the interface catalogues
// (fzcheck/i18n.hpp) and the packs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/finding.hpp"
#include "fzcheck/rules.hpp"

namespace FZCHECK_API fzcheck {

struct SummaryRow {
  std::string file;
  std::string title;                  // the report's title, if it has one
  std::string organ;                  // its signature (落款), if it has one
  int year = 0;                       // the year it reports on; 0 when unknown
  std::string type;                   // the name of the document type it was checked as
  std::vector<std::string> cells;     // one per column of SummaryTable::columns()
  std::size_t counts[3] = {0, 0, 0};  // info, warning, error
  std::string worst;                  // the first of its most severe findings, with its place
  Severity worst_severity = Severity::info;
  std::string error;  // why the file could not be read; the other fields are then empty
};

class SummaryTable {
 public:
  explicit SummaryTable(const RuleSet& rules, std::string language = "zh-CN");
  // The headings of the packs' columns (pack.yaml `summary`): where each required part is, and
  // what some rules found; a pack that names no part column gets one for each of its parts.
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  // Every heading of a row, in order: file, title, organ, year, type, columns(), counts, worst.
  std::vector<std::string> header() const;
  // The row of a report. The packs' columns read every finding, the known ones of a baseline
  // too (Report::baseline); the counts and the worst finding are those of Report::findings.
  SummaryRow row(const Report& report, const Document& doc) const;
  SummaryRow error_row(const std::string& file, const Error& error) const;
  // A row's cells in the order of header().
  std::vector<std::string> cells(const SummaryRow& row) const;

 private:
  std::string severity_label(Severity s) const;
  std::string language_;
  std::vector<std::pair<std::string, SummaryColumn>> pack_columns_;  // pack id, column
  std::vector<std::string> columns_;
};

// The table as CSV for Excel and WPS: a UTF-8 byte-order mark, CRLF line ends, fields quoted
// where they need it. The header is written first; rows as they are added.
class SummaryCsvWriter {
 public:
  SummaryCsvWriter(std::ostream& out, const RuleSet& rules, std::string language = "zh-CN");
  void add(const Report& report, const Document& doc);
  void add_error(const std::string& file, const Error& error);
  // A row made elsewhere (on another thread, say).
  void add_row(const SummaryRow& row);

 private:
  void write(const std::vector<std::string>& fields);
  std::ostream& out_;
  SummaryTable table_;
};

}  // namespace fzcheck
