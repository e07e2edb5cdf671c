// The printable HTML page of one report: header, verdict, list of findings, the text with the
// findings marked. Every word comes from the interface catalogues or from the report itself.
#include "fzcheck/html_report.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "fzcheck/i18n.hpp"
#include "fzcheck/report.hpp"
#include "fzcheck/summary.hpp"
#include "text/ascii.hpp"

namespace fzcheck {

namespace {

// Text for an HTML element or a quoted attribute.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Black-and-white legible: a severity is a word in the list and a line style in the text; the
// colours only help on screen (and in colour prints).
constexpr const char* kStyle = R"css(
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 6mm; font-size: 11pt; line-height: 1.6;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
h1 { font-size: 17pt; margin: 0 0 .3em; line-height: 1.35; }
h2 { font-size: 13.5pt; margin: 1.2em 0 .5em; padding-bottom: .15em; border-bottom: 1.5px solid #000;
  break-after: avoid; page-break-after: avoid; }
header p { margin: .1em 0; }
.counts { margin: .3em 0 .6em; }
.count { display: inline-block; margin-right: 1.5em; font-weight: bold; }
table.parts { border-collapse: collapse; margin: .4em 0; min-width: 60%; }
table.parts th, table.parts td { border: 1px solid #000; padding: .15em .6em; text-align: left;
  vertical-align: top; }
table.parts thead th { background: #eee; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { margin: 0 0 .55em; padding: .3em .5em .3em .7em; border-left: 4px solid #000;
  break-inside: avoid; page-break-inside: avoid; }
li.finding p { margin: .1em 0; }
li.sev-error { border-left-style: solid; }
li.sev-warning { border-left-style: dashed; }
li.sev-info { border-left-style: dotted; }
.num { font-weight: bold; margin-right: .3em; }
.sev { font-weight: bold; }
li.sev-error .sev { color: #b00000; }
li.sev-warning .sev { color: #8a5a00; }
.place { color: #333; }
.see { font-size: 9pt; margin-left: .6em; color: #000; }
.message { font-weight: bold; }
.rule { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.basis, .rule { color: #333; font-size: 9.5pt; }
.legend { font-size: 9.5pt; color: #333; }
.doc { padding-left: 3.2em; }
.doc > * { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; margin: .25em 0; }
.doc .ln { position: absolute; left: -3.2em; width: 2.6em; text-align: right; font-size: 8pt;
  font-weight: normal; color: #555; font-family: "DejaVu Sans", sans-serif; line-height: 2; }
.doc .title { text-align: center; font-weight: bold; font-size: 14pt; }
.doc .h { font-size: 11pt; font-weight: bold; }
.doc .lvl-2 { padding-left: 1.5em; } .doc .lvl-3 { padding-left: 3em; }
.doc .lvl-4 { padding-left: 4.5em; } .doc .lvl-5 { padding-left: 6em; }
.doc .signature, .doc .date { text-align: right; }
mark, .mark { color: inherit; background: none; padding: 0 .05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sev-error mark, mark.sev-error, .mark.sev-error { background: #ffd6d6; border-bottom: 2px solid #000; }
mark.sev-warning, .mark.sev-warning { background: #ffedb3; border-bottom: 2px dashed #000; }
mark.sev-info, .mark.sev-info { background: #dce8ff; border-bottom: 2px dotted #000; }
sup.ref { font-size: 7.5pt; font-weight: bold; font-family: "DejaVu Sans", sans-serif; }
sup.ref a { color: #000; text-decoration: none; }
sup.point::before { content: "\2038"; }
sup.point { padding: 0 .1em; border: 1px solid #000; border-radius: 2px; }
footer { margin-top: 2em; font-size: 8.5pt; color: #555; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .see { display: none; }
}
)css";

// What the index page adds to kStyle: the batch table, wide, in small type.
constexpr const char* kIndexStyle = R"css(
body { max-width: 277mm; }
table.index { border-collapse: collapse; margin: .4em 0; width: 100%; font-size: 9pt; }
table.index th, table.index td { border: 1px solid #000; padding: .15em .4em; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
table.index thead th { background: #eee; }
table.index td:nth-child(-n+2) { min-width: 3em; }
table.index tr { break-inside: avoid; page-break-inside: avoid; }
tr.row-error td { font-weight: bold; }
tr.row-error td.mark-cell { border-left: 4px solid #000; color: #b00000; }
tr.row-unreadable td { font-style: italic; }
tr.row-unreadable td.mark-cell { border-left: 4px dashed #000; }
@media print { @page { size: A4 landscape; } }
)css";

const char* severity_class(Severity s) {
  switch (s) {
    case Severity::error:
      return "sev-error";
    case Severity::warning:
      return "sev-warning";
    case Severity::info:
      return "sev-info";
  }
  return "sev-info";
}

// Where a finding is, in words: line and column, or for a .docx the paragraph.
std::string place(const Finding& f, const Document& doc, const std::string& language) {
  if (f.begin.line == 0) return ui_text(language, "html_place_document");
  const std::string line = std::to_string(f.begin.line);
  if (doc.format == InputFormat::docx) {
    return f.heading.empty() ? ui_text(language, "paragraph_at", {{"paragraph", line}})
                             : ui_text(language, "paragraph_under",
                                       {{"paragraph", line}, {"heading", f.heading}});
  }
  std::string out = ui_text(language, "html_place_line",
                            {{"line", line}, {"column", std::to_string(f.begin.column)}});
  if (!f.heading.empty()) out += ui_text(language, "html_under", {{"heading", f.heading}});
  return out;
}

// A finding as it is drawn in the text: clipped to each paragraph it touches.
struct Shown {
  const Finding* finding = nullptr;
  std::size_t number = 0;  // 1-based, as in the list
  std::uint32_t begin = 0, end = 0;
  bool point = false;      // drawn as a marker (nothing to underline)
  std::uint32_t last = 0;  // the last paragraph it has text in (its number goes there)
  bool opened = false;     // its <mark> is written; later pieces are spans
};

// Every paragraph's pieces: findings that have text in it, and markers placed in it.
struct Layout {
  std::vector<std::vector<std::size_t>> pieces;  // per paragraph: indices of `shown`
  std::vector<std::vector<std::size_t>> points;
};

Layout lay_out(std::vector<Shown>& shown, const Document& doc) {
  Layout layout;
  const std::size_t n = doc.paragraphs.size();
  layout.pieces.resize(n);
  layout.points.resize(n);
  if (n == 0) return layout;
  const auto limit = static_cast<std::uint32_t>(doc.text.size());
  for (std::size_t k = 0; k < shown.size(); ++k) {
    Shown& s = shown[k];
    s.begin = std::min(s.finding->begin_offset, limit);
    s.end = std::clamp(s.finding->end_offset, s.begin, limit);
    bool any = false;
    if (s.end > s.begin) {
      for (std::uint32_t i = doc.paragraph_at(s.begin); i < n; ++i) {
        const Span p = doc.paragraphs[i].span;
        if (p.begin >= s.end) break;
        if (std::max(p.begin, s.begin) < std::min(p.end, s.end)) {
          layout.pieces[i].push_back(k);
          s.last = i;
          any = true;
        }
      }
    }
    if (!any) {  // something missing, or a span with no visible text (a line break)
      s.point = true;
      const std::uint32_t i = doc.paragraph_at(s.begin);
      s.begin = s.end =
          std::clamp(s.begin, doc.paragraphs[i].span.begin, doc.paragraphs[i].span.end);
      s.last = i;
      layout.points[i].push_back(k);
    }
  }
  return layout;
}

class Writer {
 public:
  Writer(std::ostream& out, const Report& report, const Document& doc, const RuleSet& rules,
         const HtmlOptions& options)
      : out_(out),
        report_(report),
        doc_(doc),
        rules_(rules),
        lang_(options.language),
        min_severity_(options.min_severity) {
    for (const Finding& f : report.findings) {
      if (f.severity < options.min_severity) continue;
      Shown s;
      s.finding = &f;
      s.number = shown_.size() + 1;
      shown_.push_back(s);
    }
    layout_ = lay_out(shown_, doc);
  }

  void write() {
    const std::string title = doc_.title ? doc_.title->text : std::string();
    out_ << "<!DOCTYPE html>\n<html lang=\"" << escape(lang_) << "\">\n<head>\n"
         << "<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << escape(ui_text(lang_, "html_page_title", {{"file", report_.file}}))
         << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    out_ << "<header>\n<h1>" << escape(title.empty() ? ui_text(lang_, "html_untitled") : title)
         << "</h1>\n"
         << "<p class=\"file\">" << escape(ui_text(lang_, "html_file", {{"file", report_.file}}))
         << "</p>\n";
    const std::string type = document_type_text(report_.type, lang_);
    if (!type.empty()) out_ << "<p class=\"type\">" << escape(type) << "</p>\n";
    out_ << "</header>\n";
    write_verdict();
    write_findings();
    write_text();
    out_ << "<footer>" << escape(ui_text(lang_, "html_footer")) << "</footer>\n</body>\n</html>\n";
  }

 private:
  void write_verdict() {
    out_ << "<section class=\"verdict\">\n<h2>" << escape(ui_text(lang_, "html_verdict"))
         << "</h2>\n<p class=\"counts\">";
    std::size_t counts[3] = {0, 0, 0};
    for (const Shown& s : shown_) ++counts[static_cast<int>(s.finding->severity)];
    for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
      out_ << "<span class=\"count " << severity_class(sev) << "\">"
           << escape(ui_text(lang_, "html_count",
                             {{"severity", severity_text(sev, lang_)},
                              {"count", std::to_string(counts[static_cast<int>(sev)])}}))
           << "</span>";
    }
    out_ << "</p>\n";
    if (shown_.empty())
      out_ << "<p class=\"none\">" << escape(ui_text(lang_, "html_no_findings")) << "</p>\n";
    if (report_.baseline) {
      const auto known =
          std::count_if(report_.baseline->known.begin(), report_.baseline->known.end(),
                        [&](const Finding& f) { return f.severity >= min_severity_; });
      out_ << "<p class=\"known\">"
           << escape(ui_text(lang_, "html_known", {{"count", std::to_string(known)}})) << "</p>\n";
    }
    const SummaryTable table(rules_, lang_);
    const SummaryRow row = table.row(report_, doc_);
    const std::size_t n = std::min(table.columns().size(), row.cells.size());
    if (n > 0) {
      out_ << "<table class=\"parts\">\n<caption>" << escape(ui_text(lang_, "html_parts"))
           << "</caption>\n<thead><tr><th>" << escape(ui_text(lang_, "html_column_item"))
           << "</th><th>" << escape(ui_text(lang_, "html_column_status"))
           << "</th></tr></thead>\n<tbody>\n";
      for (std::size_t i = 0; i < n; ++i) {
        out_ << "<tr><th>" << escape(table.columns()[i]) << "</th><td>" << escape(row.cells[i])
             << "</td></tr>\n";
      }
      out_ << "</tbody>\n</table>\n";
    }
    out_ << "</section>\n";
  }

  void write_findings() {
    out_ << "<section class=\"findings-section\">\n<h2>"
         << escape(ui_text(lang_, "html_findings", {{"count", std::to_string(shown_.size())}}))
         << "</h2>\n";
    if (shown_.empty()) {
      out_ << "</section>\n";
      return;
    }
    out_ << "<ol class=\"findings\">\n";
    const bool has_text = !doc_.paragraphs.empty();
    for (const Shown& s : shown_) {
      const Finding& f = *s.finding;
      out_ << "<li class=\"finding " << severity_class(f.severity) << "\" id=\"f" << s.number
           << "\">\n<p class=\"head\"><span class=\"num\">" << s.number
           << ".</span><span class=\"sev\">"
           << escape(ui_text(lang_, "html_severity_tag",
                             {{"severity", severity_text(f.severity, lang_)}}))
           << "</span> <span class=\"place\">" << escape(place(f, doc_, lang_)) << "</span>";
      if (has_text)
        out_ << "<a class=\"see\" href=\"#m" << s.number << "\">"
             << escape(ui_text(lang_, "html_see_text")) << "</a>";
      out_ << "</p>\n<p class=\"message\">" << escape(f.message) << "</p>\n";
      if (f.replacement) {
        out_ << "<p class=\"suggestion\">"
             << escape(f.replacement->empty()
                           ? ui_text(lang_, "suggestion_delete")
                           : ui_text(lang_, "suggestion", {{"replacement", *f.replacement}}))
             << "</p>\n";
      }
      out_ << "<p class=\"rule\">" << escape(ui_text(lang_, "html_rule", {{"rule", f.rule_id}}))
           << "</p>\n";
      if (!f.source.empty())
        out_ << "<p class=\"basis\">" << escape(ui_text(lang_, "basis", {{"source", f.source}}))
             << "</p>\n";
      out_ << "</li>\n";
    }
    out_ << "</ol>\n</section>\n";
  }

  void write_text() {
    if (doc_.paragraphs.empty()) return;
    out_ << "<section class=\"text-section\">\n<h2>" << escape(ui_text(lang_, "html_text"))
         << "</h2>\n";
    if (!shown_.empty())
      out_ << "<p class=\"legend\">" << escape(ui_text(lang_, "html_legend")) << "</p>\n";
    out_ << "<div class=\"doc\">\n";
    for (std::uint32_t i = 0; i < doc_.paragraphs.size(); ++i) write_paragraph(i);
    out_ << "</div>\n</section>\n";
  }

  // The heading level of a heading paragraph (1 for a top-level part).
  std::uint32_t level_of(std::uint32_t index) const {
    const std::int32_t s = doc_.paragraphs[index].section;
    if (s >= 0 && static_cast<std::size_t>(s) < doc_.sections.size() &&
        doc_.sections[s].paragraph == index)
      return doc_.sections[s].level;
    for (const Section& section : doc_.sections) {
      if (section.paragraph == index) return section.level;
    }
    return 1;
  }

  void write_paragraph(std::uint32_t index) {
    const Paragraph& p = doc_.paragraphs[index];
    const std::vector<std::size_t>& pieces = layout_.pieces[index];
    const std::vector<std::size_t>& points = layout_.points[index];
    if (p.role == ParagraphRole::blank && pieces.empty() && points.empty()) return;
    std::string tag = "p";
    std::string cls = to_string(p.role);
    if (p.role == ParagraphRole::heading) {
      const std::uint32_t level = std::clamp<std::uint32_t>(level_of(index), 1, 5);
      tag = level == 1 ? "h3" : level == 2 ? "h4" : "h5";
      cls = "h lvl-" + std::to_string(level);
    }
    out_ << '<' << tag << " class=\"" << cls << "\"><span class=\"ln\">"
         << doc_.locate(p.span.begin).line << "</span>";
    // Every place where a piece starts or ends, or a marker stands, cuts the text into segments;
    // each segment is wrapped in one element per finding covering it, so nesting is always right.
    std::vector<std::uint32_t> cuts = {p.span.begin, p.span.end};
    for (std::size_t k : pieces) {
      cuts.push_back(std::max(shown_[k].begin, p.span.begin));
      cuts.push_back(std::min(shown_[k].end, p.span.end));
    }
    for (std::size_t k : points) cuts.push_back(shown_[k].begin);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t c = 0; c < cuts.size(); ++c) {
      const std::uint32_t at = cuts[c];
      // Numbers of the findings that end here, then markers that stand here.
      for (std::size_t k : pieces) {
        if (shown_[k].last == index && std::min(shown_[k].end, p.span.end) == at) write_ref(k);
      }
      for (std::size_t k : points) {
        if (shown_[k].begin == at) write_point(k);
      }
      if (c + 1 == cuts.size()) break;
      const std::uint32_t to = cuts[c + 1];
      std::vector<std::size_t> covering;
      for (std::size_t k : pieces) {
        if (shown_[k].begin <= at && to <= shown_[k].end) covering.push_back(k);
      }
      std::string closing;  // the end tags of this segment, innermost first
      for (std::size_t k : covering) {
        Shown& s = shown_[k];
        if (!s.opened) {
          s.opened = true;
          out_ << "<mark id=\"m" << s.number << "\" class=\"" << severity_class(s.finding->severity)
               << "\" title=\"" << escape(marker_title(s)) << "\">";
          closing.insert(0, "</mark>");
        } else {
          out_ << "<span class=\"mark " << severity_class(s.finding->severity) << "\">";
          closing.insert(0, "</span>");
        }
      }
      out_ << escape(doc_.str(Span{at, to})) << closing;
    }
    out_ << "</" << tag << ">\n";
  }

  std::string marker_title(const Shown& s) const {
    return ui_text(lang_, "html_marker_title",
                   {{"severity", severity_text(s.finding->severity, lang_)},
                    {"number", std::to_string(s.number)}});
  }

  void write_ref(std::size_t k) {
    const Shown& s = shown_[k];
    out_ << "<sup class=\"ref\"><a href=\"#f" << s.number << "\">" << s.number << "</a></sup>";
  }

  void write_point(std::size_t k) {
    const Shown& s = shown_[k];
    const bool spanned = s.finding->end_offset > s.finding->begin_offset;
    if (spanned) {  // a span with no visible text still gets its (empty) <mark>
      out_ << "<mark id=\"m" << s.number << "\" class=\"" << severity_class(s.finding->severity)
           << "\" title=\"" << escape(marker_title(s)) << "\"></mark>";
    }
    out_ << "<sup class=\"ref point " << severity_class(s.finding->severity) << "\"";
    if (!spanned) out_ << " id=\"m" << s.number << "\" title=\"" << escape(marker_title(s)) << "\"";
    out_ << "><a href=\"#f" << s.number << "\">" << s.number << "</a></sup>";
  }

  std::ostream& out_;
  const Report& report_;
  const Document& doc_;
  const RuleSet& rules_;
  std::string lang_;
  Severity min_severity_;
  std::vector<Shown> shown_;
  Layout layout_;
};

}  // namespace

void write_html(std::ostream& out, const Report& report, const Document& doc, const RuleSet& rules,
                const HtmlOptions& options) {
  Writer(out, report, doc, rules, options).write();
}

HtmlIndexWriter::HtmlIndexWriter(const RuleSet& rules, HtmlOptions options)
    : table_(rules, options.language), options_(std::move(options)) {}

void HtmlIndexWriter::add(const SummaryRow& row, const std::string& page_href) {
  rows_.emplace_back(row, page_href);
}

void HtmlIndexWriter::write(std::ostream& out) const {
  const std::string& lang = options_.language;
  const std::string files = std::to_string(rows_.size());
  std::size_t totals[3] = {0, 0, 0};
  std::size_t unreadable = 0;
  for (const auto& [row, href] : rows_) {
    if (!row.error.empty()) ++unreadable;
    for (int s = 0; s < 3; ++s) totals[s] += row.counts[s];
  }
  out << "<!DOCTYPE html>\n<html lang=\"" << escape(lang) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape(ui_text(lang, "html_index_title", {{"files", files}}))
      << "</title>\n<style>" << kStyle << kIndexStyle << "</style>\n</head>\n<body>\n"
      << "<header>\n<h1>" << escape(ui_text(lang, "html_index_title", {{"files", files}}))
      << "</h1>\n</header>\n<section class=\"verdict\">\n<h2>"
      << escape(ui_text(lang, "html_verdict")) << "</h2>\n<p class=\"counts\">"
      << "<span class=\"count files\">"
      << escape(ui_text(lang, "html_index_files", {{"count", files}})) << "</span>";
  for (Severity sev : {Severity::error, Severity::warning, Severity::info}) {
    if (sev < options_.min_severity) continue;
    out << "<span class=\"count " << severity_class(sev) << "\">"
        << escape(ui_text(lang, "html_count",
                          {{"severity", severity_text(sev, lang)},
                           {"count", std::to_string(totals[static_cast<int>(sev)])}}))
        << "</span>";
  }
  if (unreadable > 0)
    out << "<span class=\"count unreadable\">"
        << escape(ui_text(lang, "html_index_unreadable", {{"count", std::to_string(unreadable)}}))
        << "</span>";
  out << "</p>\n</section>\n<section class=\"files-section\">\n<h2>"
      << escape(ui_text(lang, "html_index_table")) << "</h2>\n<table class=\"index\">\n<thead><tr>"
      << "<th>" << escape(ui_text(lang, "html_index_column_mark")) << "</th>";
  for (const std::string& heading : table_.header()) out << "<th>" << escape(heading) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& [row, href] : rows_) {
    const bool failed = !row.error.empty();
    const bool errors = !failed && row.counts[static_cast<int>(Severity::error)] > 0;
    const char* cls = failed ? "row-unreadable" : errors ? "row-error" : "row-ok";
    const char* word = failed   ? "html_index_mark_unreadable"
                       : errors ? "html_index_mark_error"
                                : "html_index_mark_ok";
    out << "<tr class=\"" << cls << "\"><td class=\"mark-cell\">" << escape(ui_text(lang, word))
        << "</td>";
    const std::vector<std::string> cells = table_.cells(row);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out << "<td>";
      if (i == 0 && !href.empty())
        out << "<a href=\"" << escape(ascii::percent_encode_path(href)) << "\">" << escape(cells[i])
            << "</a>";
      else
        out << escape(cells[i]);
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n<footer>" << escape(ui_text(lang, "html_footer"))
      << "</footer>\n</body>\n</html>\n";
}

}  // namespace fzcheck
