// fzcheck check FILE|DIR|-...: findings for each file; -j N checks files in parallel, output in
// order.
// Three steps: the flags, the checking of each file (on a pool of threads), the printing.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "cli.hpp"
#include "fzcheck/atomic_write.hpp"
#include "fzcheck/baseline.hpp"
#include "fzcheck/html_report.hpp"
#include "fzcheck/i18n.hpp"
#include "fzcheck/report.hpp"
#include "fzcheck/sarif.hpp"
#include "fzcheck/summary.hpp"
#include "pool.hpp"

namespace fzcheck::cli {

namespace {

enum class Format { text, json, line, ndjson, sarif, summary, html };

struct CheckFlags {
  Format format = Format::text;
  std::optional<Severity> fail_on;         // nullopt: never
  Severity min_severity = Severity::info;  // findings below it are left out
  unsigned jobs = 1;
  TextOptions text;
  ReadFlags read;
  RuleFlags rules;
  CheckOptions check;
  std::string output;  // -o: a file written atomically at the end; empty: standard output
  std::vector<std::string> files;
  Inputs inputs;                        // the files, folders walked
  std::optional<RuleSet> rule_set;      // loaded once the flags are known to be right
  std::optional<SummaryTable> summary;  // --format summary, and html with -o DIR
  bool html_dir = false;                // --format html -o DIR: a page per file and an index
  std::string baseline_path;            // --baseline FILE: report only what it does not have
  std::optional<Baseline> baseline;     // read from it
  std::string write_baseline;           // --write-baseline FILE: every finding of this run
  bool bare_names = false;              // --bare-names: --format line names files without folders
  std::string previous_path;            // --previous FILE: last year's report of the one input
  bool no_pairing = false;              // --no-pairing: no last year's reports among the inputs
  // Last year's report of each input, an index into `files` (paired among them, docs/cli.md).
  std::vector<std::optional<std::size_t>> previous;
  ReportIdentity previous_identity;  // of --previous
  // The documents read when pairing, kept for the check (nullptr: read it again).
  std::vector<std::shared_ptr<const Document>> documents;
};

// Text of the documents read when pairing that is kept for the check; the others are read again.
constexpr std::size_t kMaxKeptText = std::size_t{64} << 20;

// Last year's report named by --previous: read as the inputs are, of their type; errors end the
// run (exit 2).
std::shared_ptr<const Document> load_previous(const CheckFlags& flags,
                                              const ReadOptions& read_options) {
  const std::string& input = flags.files.front();
  std::error_code ec;
  if (input != "-" && (std::filesystem::path(input).lexically_normal() ==
                           std::filesystem::path(flags.previous_path).lexically_normal() ||
                       std::filesystem::equivalent(input, flags.previous_path, ec)))
    throw UsageError(tr("cli_previous_is_input", {{"file", flags.previous_path}}));
  auto doc = read_input(flags.previous_path, flags.read, read_options);
  if (!doc) throw RulesError(tr("cli_previous_unreadable", {{"message", tr(doc.error())}}));
  return std::make_shared<const Document>(std::move(*doc));
}

// Pairs each input with last year's report of the same organ among the inputs (an identity pass
// over every file, on the pool). Says on standard error which reports found several candidates.
void pair_inputs(CheckFlags& flags, const ReadOptions& read_options) {
  const std::size_t n = flags.files.size();
  std::vector<ReportIdentity> identities(n);
  flags.documents.assign(n, nullptr);
  std::size_t kept = 0;  // bytes of text of the documents kept for the check
  using Read = std::pair<ReportIdentity, std::shared_ptr<const Document>>;
  run_in_order(
      n, flags.jobs,
      [&](std::size_t i) {
        if (flags.files[i] == "-") return Read{};  // standard input is read once
        auto doc = read_input(flags.files[i], flags.read, read_options);
        if (!doc) return Read{};  // the check reads it again and says why it cannot
        ReportIdentity identity = identify(*doc, *flags.rule_set, flags.check);
        return Read{std::move(identity), std::make_shared<const Document>(std::move(*doc))};
      },
      [&](std::size_t i, Read& read) {
        identities[i] = std::move(read.first);
        // Kept, up to a bound, so that the check does not read (or convert) the file again.
        if (read.second && kept + read.second->text.size() <= kMaxKeptText) {
          kept += read.second->text.size();
          flags.documents[i] = std::move(read.second);
        }
      });
  std::vector<PreviousMatch> matches = pair_previous(identities);
  flags.previous.assign(n, std::nullopt);
  for (std::size_t i = 0; i < n; ++i) {
    flags.previous[i] = matches[i].previous;
    if (matches[i].candidates.size() < 2) continue;
    std::string files;
    for (std::size_t k : matches[i].candidates) {
      if (!files.empty()) files += tr("list_separator");
      files += flags.files[k];
    }
    std::cerr << "fzcheck: "
              << tr("cli_previous_ambiguous", {{"file", flags.files[i]}, {"files", files}}) << '\n';
  }
}

// The baseline in `path`; its errors end the run (exit 2), said in the tool's language.
Baseline load_baseline(const std::string& path) {
  auto loaded = read_baseline(path);
  if (loaded) return std::move(*loaded);
  const Error& e = loaded.error();
  const bool hint = e.key == "error_baseline_not_found" || e.key == "error_baseline_not_baseline" ||
                    e.key == "error_baseline_fingerprints";
  throw RulesError(
      hint ? tr("cli_error_hint", {{"message", tr(e)}, {"hint", tr("cli_hint_write_baseline")}})
           : tr(e));
}

// The options as given, before they are checked and turned into CheckFlags.
struct CheckArgs {
  std::string format = "text";
  std::string fail_on = "error";
  std::string submitted_on, published_on, color = "auto", type;
  std::string min_severity = "info";
  bool quiet = false, brief = false;
};

// The options of `check`, bound to `flags` and `a`.
po::options_description check_options(CheckFlags& flags, CheckArgs& a) {
  po::options_description options;
  add_help(options);
  auto add = options.add_options();
  add("format,f", po::value(&a.format)->default_value("text")->value_name("FORMAT"),
      "help_format_check");
  add("output,o", po::value(&flags.output)->value_name("FILE"), "help_output");
  add("fail-on", po::value(&a.fail_on)->default_value("error")->value_name("LEVEL"),
      "help_fail_on");
  add("submitted-on", po::value(&a.submitted_on)->value_name("DATE"), "help_submitted_on");
  add("published-on", po::value(&a.published_on)->value_name("DATE"), "help_published_on");
  add("type", po::value(&a.type)->value_name("TYPE"), "help_type_check");
  // No default_value: it would be this machine's number of cores (the help text says it).
  add("jobs,j", po::value(&flags.jobs)->value_name("N"), "help_jobs");
  add("min-severity", po::value(&a.min_severity)->default_value("info")->value_name("LEVEL"),
      "help_min_severity");
  add("quiet,q", po::bool_switch(&a.quiet), "help_quiet");
  add("brief", po::bool_switch(&a.brief), "help_brief");
  add("bare-names", po::bool_switch(&flags.bare_names), "help_bare_names");
  add("color", po::value(&a.color)->default_value("auto")->value_name("WHEN"), "help_color");
  add("baseline", po::value(&flags.baseline_path)->value_name("FILE"), "help_baseline");
  add("write-baseline", po::value(&flags.write_baseline)->value_name("FILE"),
      "help_write_baseline");
  add("previous", po::value(&flags.previous_path)->value_name("FILE"), "help_previous");
  add("no-pairing", po::bool_switch(&flags.no_pairing), "help_no_pairing");
  flags.rules.add_to(options, "help_disable_check", "help_only_check");
  flags.read.add_to(options);
  return options;
}

// The flags of `check`; nullopt after --help.
std::optional<CheckFlags> parse_flags(const std::vector<std::string>& args) {
  CheckFlags flags;
  CheckArgs a;
  flags.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  const po::options_description options = check_options(flags, a);
  auto vm = parse(args, "help_check_usage", options, flags.files);
  if (!vm) return std::nullopt;
  flags.rules.inputs = flags.files;  // where .fzcheck.yaml is looked for
  static const std::pair<const char*, Format> kFormats[] = {
      {"text", Format::text},   {"json", Format::json},       {"ndjson", Format::ndjson},
      {"sarif", Format::sarif}, {"summary", Format::summary}, {"html", Format::html},
      {"line", Format::line}};
  auto known = std::find_if(std::begin(kFormats), std::end(kFormats),
                            [&](const auto& f) { return a.format == f.first; });
  if (known == std::end(kFormats)) {
    std::vector<std::string> names;
    for (const auto& f : kFormats) names.emplace_back(f.first);
    throw UsageError(must_be("--format", names, a.format));
  }
  flags.format = known->second;
  if ((*vm)["fail-on"].defaulted() && flags.rules.config().fail_on)
    a.fail_on = *flags.rules.config().fail_on;
  if (a.fail_on != "never") {
    flags.fail_on = parse_severity(a.fail_on);
    if (!flags.fail_on)
      throw UsageError(must_be("--fail-on", {"error", "warning", "info", "never"}, a.fail_on));
  }
  if (a.color != "auto" && a.color != "always" && a.color != "never")
    throw UsageError(must_be("--color", {"auto", "always", "never"}, a.color));
  if (flags.jobs == 0 || flags.jobs > 256) throw UsageError(tr("cli_jobs_range"));
  if (a.quiet) a.min_severity = "warning";
  auto min = parse_severity(a.min_severity);
  if (!min)
    throw UsageError(must_be("--min-severity", {"info", "warning", "error"}, a.min_severity));
  flags.min_severity = *min;
  if (flags.files.empty()) throw UsageError(tr("cli_no_input_files"));
  if (std::count(flags.files.begin(), flags.files.end(), "-") > 1)
    throw UsageError(tr("cli_stdin_once"));
  for (auto [text, target, flag] :
       {std::tuple{&a.submitted_on, &flags.check.submitted_on, "--submitted-on"},
        std::tuple{&a.published_on, &flags.check.published_on, "--published-on"}}) {
    if (text->empty()) continue;
    *target = parse_iso_date(*text);
    if (!*target) throw UsageError(tr("cli_bad_date", {{"option", flag}, {"value", *text}}));
  }
  if (!flags.write_baseline.empty() && !flags.output.empty()) {
    std::error_code ec;
    if (std::filesystem::path(flags.write_baseline).lexically_normal() ==
            std::filesystem::path(flags.output).lexically_normal() ||
        std::filesystem::equivalent(flags.write_baseline, flags.output, ec))
      throw UsageError(tr("cli_baseline_is_output"));
  }
  flags.read.to_options();  // refuse bad reading options before loading rules
  if (!flags.baseline_path.empty()) flags.baseline = load_baseline(flags.baseline_path);
  flags.rule_set = flags.rules.load();
  // The rules and policies chosen, with the dates given on the command line.
  CheckOptions choices = flags.rules.choices(*flags.rule_set);
  choices.submitted_on = flags.check.submitted_on;
  choices.published_on = flags.check.published_on;
  flags.check = std::move(choices);
  flags.check.document_type = checked_type(*flags.rule_set, a.type);
  if (flags.format == Format::summary) flags.summary.emplace(*flags.rule_set, cli_language());
  flags.text.color = a.color == "always" ||
                     (a.color == "auto" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  flags.text.language = cli_language();
  flags.text.show_source = flags.text.show_suggestion = !a.brief;
  flags.inputs = expand_inputs(flags.files, flags.read.convert);
  flags.files = flags.inputs.files;
  if (flags.files.empty()) {
    print_skipped(flags.inputs);
    throw UsageError(tr("cli_nothing_readable"));
  }
  if (flags.format == Format::html && !flags.output.empty()) {
    std::error_code ec;
    flags.html_dir = flags.files.size() > 1 || flags.output.ends_with('/') ||
                     std::filesystem::is_directory(flags.output, ec);
  }
  if (flags.html_dir) flags.summary.emplace(*flags.rule_set, cli_language());
  if (flags.format == Format::html && flags.files.size() > 1 && !flags.html_dir)
    throw UsageError(tr("cli_html_needs_folder"));
  if (!flags.previous_path.empty()) {
    if (flags.files.size() != 1) throw UsageError(tr("cli_previous_one_file"));
    const ReadOptions read_options = flags.read.to_options();
    flags.check.previous = load_previous(flags, read_options);
    flags.previous_identity = identify(*flags.check.previous, *flags.rule_set, flags.check);
  } else if (flags.files.size() > 1 && !flags.no_pairing) {
    pair_inputs(flags, flags.read.to_options());
  }
  return flags;
}

// One file checked: its report as the format wants it, or why it could not be read.
struct FileResult {
  std::string output;
  std::optional<Report> report;   // --format sarif
  std::optional<SummaryRow> row;  // --format summary
  std::optional<Error> error;
  std::size_t counts[3] = {0, 0, 0};     // info, warning, error
  bool failing = false;                  // a finding at or above --fail-on
  std::optional<BaselineFile> recorded;  // --write-baseline: every finding
  std::size_t known = 0;                 // --baseline: known findings left out (at --min-severity)
  bool unmatched = false;                // --baseline: it has no entry for the file
  std::string note;                      // said on standard error before its findings
};

FileResult check_file(std::size_t index, const CheckFlags& flags, const ReadOptions& read_options) {
  const std::string& file = flags.files[index];
  FileResult r;
  // A document read when pairing, else read now.
  auto document = [&](std::size_t i) -> Result<std::shared_ptr<const Document>> {
    if (!flags.documents.empty() && flags.documents[i]) return flags.documents[i];
    auto read = read_input(flags.files[i], flags.read, read_options);
    if (!read) return read.error();
    return std::make_shared<const Document>(std::move(*read));
  };
  auto read = document(index);
  if (!read) {
    r.error = read.error();
    return r;
  }
  const std::shared_ptr<const Document> doc = *read;
  std::optional<Report> paired;
  if (!flags.previous.empty() && flags.previous[index]) {
    if (auto last = document(*flags.previous[index])) {
      CheckOptions options = flags.check;
      options.previous = *last;
      paired = check(*doc, *flags.rule_set, options);
    }
  }
  Report report = paired ? std::move(*paired) : check(*doc, *flags.rule_set, flags.check);
  if (flags.check.previous) {
    // --previous: the user says it is last year's report; a report of another type is not.
    const ReportIdentity& last = flags.previous_identity;
    if (last.type != report.type.id) {
      r.error = ui_error(ErrorCode::usage, "cli_previous_other_type",
                         {{"previous", flags.previous_path},
                          {"previous_type", last.type},
                          {"type", report.type.id}},
                         file);
      return r;
    }
    if (last.year && report.year && last.year != report.year - 1)
      r.note = tr("cli_previous_not_last_year", {{"previous", flags.previous_path},
                                                 {"previous_year", std::to_string(last.year)},
                                                 {"file", file},
                                                 {"year", std::to_string(report.year)}});
  }
  if (!flags.write_baseline.empty()) r.recorded = to_baseline(report);
  if (flags.baseline) {
    apply_baseline(report, flags.baseline->find(report.file, flags.files.size() == 1));
    r.unmatched = report.baseline->file.empty();
  }
  // The batch table reads every finding (a note may fill a column), whatever is shown.
  if (flags.format == Format::summary || flags.html_dir) r.row = flags.summary->row(report, *doc);
  std::ostringstream out;
  if (flags.format == Format::html)
    write_html(out, report, *doc, *flags.rule_set, {cli_language(), flags.min_severity});
  auto below = [&](const Finding& f) { return f.severity < flags.min_severity; };
  std::erase_if(report.findings, below);
  if (report.baseline) {
    std::erase_if(report.baseline->known, below);
    r.known = report.baseline->known.size();
  }
  for (const Finding& f : report.findings) {
    ++r.counts[static_cast<int>(f.severity)];
    if (flags.fail_on && f.severity >= *flags.fail_on) r.failing = true;
  }
  switch (flags.format) {
    case Format::json:
      write_json(out, report, 2);
      break;
    case Format::ndjson:
      write_json(out, report, -1);
      out << '\n';
      break;
    case Format::sarif:
      r.report = std::move(report);
      break;
    case Format::summary:
    case Format::html:
      break;
    case Format::line:
      if (flags.bare_names) report.file = std::filesystem::path(report.file).filename().string();
      write_line(out, report);
      break;
    case Format::text:
      write_text(out, report, *doc, flags.text);
      break;
  }
  r.output = std::move(out).str();  // the buffer itself, not a copy (a report may be large)
  return r;
}

// Prints the results in the order of the files, then the summary; returns the exit status.
class Printer {
 public:
  explicit Printer(const CheckFlags& flags)
      : flags_(flags),
        out_(flags.output.empty() ? std::cout : buffer_),
        json_(out_),
        // Progress goes to stderr only when it is a terminal and the findings go elsewhere.
        progress_(flags.files.size() > 1 && ::isatty(STDERR_FILENO) && !::isatty(STDOUT_FILENO)) {
    if (flags.format == Format::sarif) sarif_.emplace(out_, *flags.rule_set, cli_language());
    if (flags.format == Format::summary) csv_.emplace(out_, *flags.rule_set, cli_language());
    if (flags.html_dir)
      index_.emplace(*flags.rule_set, HtmlOptions{cli_language(), flags.min_severity});
  }

  void print(std::size_t index, const FileResult& r) {
    const std::string& file = flags_.files[index];
    if (!r.note.empty()) std::cerr << "fzcheck: " << r.note << '\n';
    if (r.error) {
      print_error(*r.error);
      ++unreadable_;
      status_ = kExitUsage;  // an unreadable file outranks findings in the exit status
      switch (flags_.format) {
        case Format::json:
          json_.add_error(file, *r.error);
          break;
        case Format::ndjson:
          write_error_json(out_, file, *r.error);
          out_ << '\n';
          break;
        case Format::sarif:
          sarif_->add_error(file, *r.error);
          break;
        case Format::summary:
          csv_->add_error(file, *r.error);
          break;
        case Format::html:
          if (index_) index_->add(flags_.summary->error_row(file, *r.error), "");
          break;
        case Format::text:
        case Format::line:
          break;
      }
    } else {
      if (r.failing && status_ == kExitOk) status_ = kExitFindings;
      for (int s = 0; s < 3; ++s) totals_[s] += r.counts[s];
      known_ += r.known;
      if (r.unmatched) unmatched_.push_back(file == "-" ? kStdinName : file);
      if (r.recorded) written_.add(*r.recorded);
      if (flags_.format == Format::json) {
        json_.add_json(r.output);
      } else if (flags_.format == Format::sarif) {
        sarif_->add(*r.report);
      } else if (flags_.format == Format::summary) {
        csv_->add_row(*r.row);
      } else if (index_) {
        write_page(index, *r.row, r.output);
      } else {
        out_ << r.output;
      }
    }
    out_.flush();
    if (progress_) {
      std::cerr << '\r'
                << tr("progress", {{"done", std::to_string(index + 1)},
                                   {"total", std::to_string(flags_.files.size())}})
                << std::flush;
    }
  }

  int finish() {
    if (progress_) std::cerr << '\n';
    print_skipped(flags_.inputs);
    if (flags_.format == Format::json) {
      json_.finish();
    } else if (flags_.format == Format::sarif) {
      sarif_->finish();
    } else if (flags_.format == Format::text) {
      out_ << tr("summary", {{"files", std::to_string(flags_.files.size())},
                             {"errors", std::to_string(totals_[2])},
                             {"warnings", std::to_string(totals_[1])},
                             {"infos", std::to_string(totals_[0])}});
      if (unreadable_)
        out_ << tr("list_separator") << tr("unreadable", {{"count", std::to_string(unreadable_)}});
      if (flags_.baseline)
        out_ << tr("list_separator") << tr("known", {{"count", std::to_string(known_)}});
      out_ << '\n';
    }
    if (!unmatched_.empty()) {
      std::string files;
      for (const std::string& file : unmatched_) {
        if (!files.empty()) files += tr("list_separator");
        files += file;
      }
      std::cerr << "fzcheck: "
                << tr("cli_baseline_unmatched",
                      {{"baseline", flags_.baseline_path}, {"files", files}})
                << '\n';
    }
    if (!flags_.write_baseline.empty() && !write_baseline_file()) status_ = kExitUsage;
    if (index_) {
      std::ostringstream index;
      index_->write(index);
      if (auto error = write_file_atomically(std::filesystem::path(flags_.output) / "index.html",
                                             index.str())) {
        print_error(*error);
        return kExitUsage;
      }
      return status_;
    }
    // A page is not written for a report that could not be read.
    if (!flags_.output.empty() && !(flags_.format == Format::html && unreadable_)) {
      if (auto error = write_file_atomically(flags_.output, buffer_.str())) {
        print_error(*error);
        return kExitUsage;
      }
    }
    return status_;
  }

 private:
  static constexpr std::size_t kMaxStemBytes = 120;
  // --format html -o DIR: the page of file `index` as NNN-<stem>.html, and its row of the index.
  void write_page(std::size_t index, const SummaryRow& row, const std::string& page) {
    const std::string& file = flags_.files[index];
    std::string stem =
        file == "-" ? std::string("stdin") : std::filesystem::path(file).stem().string();
    // A file name has at most 255 bytes: keep the stem short, cut at a UTF-8 character boundary.
    if (stem.size() > kMaxStemBytes) {
      std::size_t cut = kMaxStemBytes;
      while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;
      stem.resize(cut);
    }
    const std::string name = fmt::format("{:03}-{}.html", index + 1, stem);
    if (auto error = write_file_atomically(std::filesystem::path(flags_.output) / name, page)) {
      print_error(*error);
      status_ = kExitUsage;
      index_->add(row, "");
      return;
    }
    index_->add(row, name);
  }

  // --write-baseline: false when it could not be written. Not written when a file could not be
  // read: its findings would be missing, and would come back as new ones next time.
  bool write_baseline_file() {
    if (unreadable_) {
      std::cerr << "fzcheck: " << tr("cli_baseline_not_written", {{"file", flags_.write_baseline}})
                << '\n';
      return true;  // the exit status is 2 already
    }
    std::ostringstream json;
    write_baseline(json, written_);
    if (auto error = write_file_atomically(flags_.write_baseline, json.str())) {
      print_error(*error);
      return false;
    }
    std::size_t findings = 0;
    for (const BaselineFile& f : written_.files) findings += f.findings.size();
    std::cerr << "fzcheck: "
              << tr("cli_baseline_written", {{"file", flags_.write_baseline},
                                             {"files", std::to_string(written_.files.size())},
                                             {"findings", std::to_string(findings)}})
              << '\n';
    return true;
  }

  const CheckFlags& flags_;
  std::ostringstream buffer_;  // the output with -o, written at the end
  std::ostream& out_;
  JsonFilesWriter json_;
  std::optional<SarifWriter> sarif_;
  std::optional<SummaryCsvWriter> csv_;
  std::optional<HtmlIndexWriter> index_;  // --format html -o DIR
  bool progress_;
  int status_ = kExitOk;
  std::size_t totals_[3] = {0, 0, 0};
  std::size_t unreadable_ = 0;
  std::size_t known_ = 0;               // --baseline: findings left out as known
  std::vector<std::string> unmatched_;  // --baseline: files it has no entry for
  Baseline written_;                    // --write-baseline
};

}  // namespace

void describe_check(const OptionsUse& use) {
  CheckFlags flags;
  CheckArgs a;
  use(check_options(flags, a));
}

int run_check(const std::vector<std::string>& args) {
  auto flags = parse_flags(args);
  if (!flags) return kExitOk;  // --help
  const ReadOptions read_options = flags->read.to_options();
  if (flags->html_dir) {
    std::error_code ec;
    std::filesystem::create_directories(flags->output, ec);
    if (ec) {
      print_error(ui_error(ErrorCode::io, "cli_cannot_create_folder", {{"reason", ec.message()}},
                           flags->output));
      return kExitUsage;
    }
  }
  Printer printer(*flags);
  run_in_order(
      flags->files.size(), flags->jobs,
      [&](std::size_t i) { return check_file(i, *flags, read_options); },
      [&](std::size_t i, const FileResult& r) { printer.print(i, r); });
  return printer.finish();
}

}  // namespace fzcheck::cli
