// fzcheck annotate FILE.docx|DIR... [-o OUT]: reviewed copies of Word reports, with every finding
// as a comment and the certain corrections as tracked changes.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "cli.hpp"
#include "fzcheck/atomic_write.hpp"
#include "fzcheck/docx_review.hpp"

namespace fzcheck::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReviewedSuffix = ".reviewed.docx";

bool is_docx_name(const std::string& file) {
  return lower_extension(file) == ".docx";
}

// "report.docx" → "report.reviewed.docx", in `dir` when given, else beside the input.
fs::path reviewed_name(const std::string& file, const std::string& dir) {
  fs::path path(file);
  fs::path name = path.stem().string() + std::string(kReviewedSuffix);
  return dir.empty() ? path.parent_path() / name : fs::path(dir) / name;
}

std::string now_utc() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// The options of `annotate`, as given.
struct AnnotateArgs {
  std::string output, type, min_severity = "info", author = "fzcheck";
  bool no_track = false, no_changes = false, quiet = false;
  ReadFlags read_flags;
  RuleFlags rule_flags;
};

po::options_description annotate_options(AnnotateArgs& a) {
  po::options_description options;
  add_help(options);
  auto add = options.add_options();
  add("output,o", po::value(&a.output)->value_name("OUT"), "help_annotate_output");
  add("no-track", po::bool_switch(&a.no_track), "help_no_track");
  add("no-changes", po::bool_switch(&a.no_changes), "help_no_changes");
  add("min-severity", po::value(&a.min_severity)->default_value("info")->value_name("LEVEL"),
      "help_min_severity");
  add("quiet,q", po::bool_switch(&a.quiet), "help_quiet");
  add("author", po::value(&a.author)->default_value("fzcheck")->value_name("NAME"), "help_author");
  add("type", po::value(&a.type)->value_name("TYPE"), "help_type_fix");
  a.rule_flags.add_to(options, "help_disable_check", "help_only_check");
  a.read_flags.add_to(options);
  return options;
}

}  // namespace

void describe_annotate(const OptionsUse& use) {
  AnnotateArgs a;
  use(annotate_options(a));
}

int run_annotate(const std::vector<std::string>& args) {
  AnnotateArgs a;
  const po::options_description options = annotate_options(a);
  std::vector<std::string> files;
  auto vm = parse(args, "help_annotate_usage", options, files);
  if (!vm) return kExitOk;  // --help
  const std::string& output = a.output;
  const std::string& type = a.type;
  const std::string& author = a.author;
  std::string& min_severity = a.min_severity;
  const bool no_track = a.no_track, no_changes = a.no_changes, quiet = a.quiet;
  ReadFlags& read_flags = a.read_flags;
  RuleFlags& rule_flags = a.rule_flags;
  rule_flags.inputs = files;
  if (files.empty()) throw UsageError(tr("cli_no_input_files"));
  if (no_track && no_changes) throw UsageError(tr("cli_annotate_exclusive"));
  if (quiet) min_severity = "warning";
  auto min = parse_severity(min_severity);
  if (!min) throw UsageError(must_be("--min-severity", {"info", "warning", "error"}, min_severity));
  const ReadOptions read_options = read_flags.to_options();

  // Folders give their .docx files, except copies this command wrote earlier.
  Inputs inputs = expand_inputs(files, false);
  std::vector<std::string> docx;
  for (const std::string& file : inputs.files) {
    bool from_folder = std::find(files.begin(), files.end(), file) == files.end();
    if (from_folder && (!is_docx_name(file) || file.ends_with(kReviewedSuffix))) {
      std::string ext = lower_extension(file);
      ++inputs.skipped[ext.empty() ? std::string("-") : ext];
      continue;
    }
    docx.push_back(file);
  }
  if (docx.empty()) {
    print_skipped(inputs);
    throw UsageError(tr("cli_annotate_no_docx"));
  }
  std::error_code ec;
  bool to_folder = !output.empty() &&
                   (docx.size() > 1 || files.size() > 1 || fs::is_directory(files.front(), ec) ||
                    fs::is_directory(output, ec) || output.ends_with('/'));
  if (to_folder) {
    fs::create_directories(output, ec);
    if (ec) {
      print_error(
          ui_error(ErrorCode::io, "cli_cannot_create_folder", {{"reason", ec.message()}}, output));
      return kExitUsage;
    }
  }

  RuleSet rules = rule_flags.load();
  CheckOptions check_options = rule_flags.choices(rules);
  check_options.document_type = checked_type(rules, type);
  DocxReviewOptions review_options;
  review_options.author = author;
  review_options.language = cli_language();
  review_options.date = now_utc();
  review_options.changes = no_changes ? DocxReviewOptions::Changes::none
                           : no_track ? DocxReviewOptions::Changes::direct
                                      : DocxReviewOptions::Changes::tracked;

  int status = kExitOk;
  for (const std::string& file : docx) {
    if (file == "-" || !is_docx_name(file)) {
      print_error(ui_error(ErrorCode::unsupported_format, "error_annotate_not_docx", {}, file));
      status = kExitUsage;
      continue;
    }
    auto doc = read_input(file, read_flags, read_options);
    auto bytes = doc ? read_accepted_file(file, read_options) : Result<std::string>(doc.errors());
    if (!bytes) {
      print_error(bytes.error());
      status = kExitUsage;
      continue;
    }
    Report report = check(*doc, rules, check_options);
    std::erase_if(report.findings, [&](const Finding& f) { return f.severity < *min; });
    auto review = review_docx(*bytes, file, report.findings, review_options, read_options);
    if (!review) {
      print_error(review.error());
      status = kExitUsage;
      continue;
    }
    fs::path target = output.empty() || to_folder ? reviewed_name(file, output) : fs::path(output);
    if (fs::equivalent(file, target, ec)) {
      print_error(ui_error(ErrorCode::usage, "error_annotate_replaces_input", {}, file));
      status = kExitUsage;
      continue;
    }
    if (auto error = write_file_atomically(target, review->bytes)) {
      print_error(*error);
      status = kExitUsage;
      continue;
    }
    const std::string notes =
        review->not_changed.empty()
            ? std::string()
            : tr("cli_annotate_left", {{"count", std::to_string(review->not_changed.size())}});
    std::cerr << tr("cli_annotated", {{"file", file},
                                      {"target", target.string()},
                                      {"comments", std::to_string(review->comments)},
                                      {"changes", std::to_string(review->changed.size())},
                                      {"notes", notes}})
              << '\n';
  }
  print_skipped(inputs);
  return status;
}

}  // namespace fzcheck::cli
