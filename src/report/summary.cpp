// The batch table (one row per report) and its CSV form.
#include "fzcheck/summary.hpp"

#include <algorithm>

#include "fzcheck/i18n.hpp"

namespace fzcheck {

namespace {

std::string part_cell(PartStatus::How how, const std::string& language) {
  switch (how) {
    case PartStatus::How::heading:
    case PartStatus::How::thematic:
      return ui_text(language, "cell_part_own");
    case PartStatus::How::subheading:
    case PartStatus::How::paragraph:
    case PartStatus::How::sentence:
      return ui_text(language, "cell_part_inside");
    case PartStatus::How::missing:
      return ui_text(language, "cell_part_missing");
    case PartStatus::How::unknown:
      return ui_text(language, "cell_part_unknown");
  }
  return {};
}

// A CSV field: quoted when it holds a separator, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

SummaryTable::SummaryTable(const RuleSet& rules, std::string language)
    : language_(std::move(language)) {
  const std::vector<PartInfo> parts = rules.parts();
  for (const PackInfo& pack : rules.packs()) {
    std::vector<SummaryColumn> wanted = pack.summary;
    // A pack that names none of its parts gets them all, first, in the order they are tried.
    if (std::none_of(wanted.begin(), wanted.end(),
                     [](const SummaryColumn& c) { return c.rule.empty(); })) {
      std::vector<SummaryColumn> all;
      for (const PartInfo& p : parts) {
        if (p.pack == pack.id) all.push_back({{}, {}, p.id, p.pack, {}, {}});
      }
      wanted.insert(wanted.begin(), all.begin(), all.end());
    }
    for (SummaryColumn& c : wanted) {
      if (c.part_pack.empty()) c.part_pack = pack.id;
      // A rule that a pack extending this one disabled judges nothing: every cell is empty.
      if (const RuleInfo* r = c.rule.empty() ? nullptr : rules.find(c.rule); r && r->disabled()) {
        c.pass = ui_text(language_, "cell_not_applicable");
        for (std::string& cell : c.cells) cell = c.pass;
      }
      if (c.rule.empty()) {
        auto p = std::find_if(parts.begin(), parts.end(), [&](const PartInfo& info) {
          return info.pack == c.part_pack && info.id == c.part;
        });
        c.title = p == parts.end() ? c.part : p->name;
      }
      columns_.push_back(c.title);
      pack_columns_.emplace_back(pack.id, std::move(c));
    }
  }
}

std::vector<std::string> SummaryTable::header() const {
  std::vector<std::string> out;
  for (const char* key :
       {"column_file", "column_title", "column_organ", "column_year", "column_type"})
    out.push_back(ui_text(language_, key));
  out.insert(out.end(), columns_.begin(), columns_.end());
  for (Severity s : {Severity::error, Severity::warning, Severity::info})
    out.push_back(severity_label(s));
  out.push_back(ui_text(language_, "column_worst"));
  return out;
}

std::string SummaryTable::severity_label(Severity s) const {
  return ui_text(language_, std::string("severity_") + to_string(s));
}

SummaryRow SummaryTable::row(const Report& report, const Document& doc) const {
  SummaryRow row;
  row.file = report.file;
  if (doc.title) row.title = doc.title->text;
  if (doc.signature) row.organ = doc.signature->text;
  row.year = report.year;
  row.type = report.type.name;
  const std::string none = ui_text(language_, "cell_not_applicable");
  // Not a structured binding: clang before 16 refuses a lambda that captures one.
  for (const auto& pack_column : pack_columns_) {
    const std::string& pack = pack_column.first;
    const SummaryColumn& column = pack_column.second;
    if (std::find(report.packs.begin(), report.packs.end(), pack) == report.packs.end()) {
      row.cells.push_back(none);
      continue;
    }
    auto part = std::find_if(report.parts.begin(), report.parts.end(), [&](const PartStatus& s) {
      return s.pack == column.part_pack && s.id == column.part;
    });
    if (column.rule.empty()) {
      row.cells.push_back(part == report.parts.end() ? none : part_cell(part->how, language_));
      continue;
    }
    if (!column.part.empty() &&
        (part == report.parts.end() || part->how == PartStatus::How::missing ||
         part->how == PartStatus::How::unknown)) {
      row.cells.push_back(none);
      continue;
    }
    // What the report says, whether a baseline already had it or not.
    const Finding* worst = nullptr;
    auto consider = [&](const std::vector<Finding>& findings) {
      for (const Finding& f : findings) {
        if (f.rule_id == column.rule && (!worst || f.severity > worst->severity)) worst = &f;
      }
    };
    consider(report.findings);
    if (report.baseline) consider(report.baseline->known);
    if (!worst) {
      row.cells.push_back(column.pass);
    } else {
      const std::string& cell = column.cells[static_cast<std::size_t>(worst->severity)];
      row.cells.push_back(cell.empty() ? severity_label(worst->severity) : cell);
    }
  }
  const Finding* worst = nullptr;
  for (const Finding& f : report.findings) {
    ++row.counts[static_cast<int>(f.severity)];
    if (!worst || f.severity > worst->severity) worst = &f;
  }
  if (worst) {
    row.worst_severity = worst->severity;
    row.worst =
        ui_text(language_, doc.format == InputFormat::docx ? "worst_in_paragraph" : "worst_on_line",
                {{"line", std::to_string(worst->begin.line)}, {"message", worst->message}});
  }
  return row;
}

SummaryRow SummaryTable::error_row(const std::string& file, const Error& error) const {
  SummaryRow row;
  row.file = file;
  row.error = ui_text(language_, "cell_unreadable", {{"message", error_message(error, language_)}});
  return row;
}

std::vector<std::string> SummaryTable::cells(const SummaryRow& row) const {
  std::vector<std::string> out = {row.file, row.title, row.organ,
                                  row.year ? std::to_string(row.year) : std::string(), row.type};
  if (!row.error.empty()) {
    out.resize(out.size() + columns_.size() + 3);
    out.push_back(row.error);
    return out;
  }
  out.insert(out.end(), row.cells.begin(), row.cells.end());
  for (Severity s : {Severity::error, Severity::warning, Severity::info})
    out.push_back(std::to_string(row.counts[static_cast<int>(s)]));
  out.push_back(row.worst);
  return out;
}

SummaryCsvWriter::SummaryCsvWriter(std::ostream& out, const RuleSet& rules, std::string language)
    : out_(out), table_(rules, std::move(language)) {
  out_ << "\xEF\xBB\xBF";
  write(table_.header());
}

void SummaryCsvWriter::add(const Report& report, const Document& doc) {
  add_row(table_.row(report, doc));
}

void SummaryCsvWriter::add_error(const std::string& file, const Error& error) {
  add_row(table_.error_row(file, error));
}

void SummaryCsvWriter::add_row(const SummaryRow& row) {
  write(table_.cells(row));
}

void SummaryCsvWriter::write(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out_ << (i ? "," : "") << csv_field(fields[i]);
  out_ << "\r\n";
}

}  // namespace fzcheck
