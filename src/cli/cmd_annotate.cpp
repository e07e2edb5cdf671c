// fzcheck annotate FILE.docx|DIR... [-o OUT]: reviewed copies of Word reports, with every finding
// as a comment and the certain corrections as tracked changes.
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli.hpp"
#include "fzcheck/atomic_write.hpp"
#include "fzcheck/docx_review.hpp"
#include "fzcheck/i18n.hpp"

namespace fzcheck::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReviewedSuffix = ".reviewed.docx";

bool is_docx_name(const std::string& file) {
  std::string ext = fs::path(file).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".docx";
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

}  // namespace

int run_annotate(const std::vector<std::string>& args) {
  po::options_description options(
      "fzcheck annotate FILE.docx|DIR... [-o OUT]\n\n"
      "Writes a reviewed copy of each Word report: every finding as a comment (author fzcheck,\n"
      "with the suggestion and the basis) anchored at the text it concerns, and every certain\n"
      "correction as a tracked change to accept or reject in Word or WPS. The input is never\n"
      "changed. Without -o the copy is written beside the input as NAME.reviewed.docx.\n\nOptions");
  std::string output, type, min_severity = "info", author = "fzcheck", language = "zh-CN";
  bool no_track = false, no_changes = false, quiet = false;
  ReadFlags read_flags;
  RuleFlags rule_flags;
  options.add_options()("help,h", "show this help")(
      "output,o", po::value(&output),
      "the copy's file name (one input), or a folder for the copies (several inputs or a folder)")(
      "no-track", po::bool_switch(&no_track),
      "make the corrections in the text instead of as tracked changes")(
      "no-changes", po::bool_switch(&no_changes),
      "comments only: leave the text as it is (corrections are in the comments)")(
      "min-severity", po::value(&min_severity)->default_value("info"),
      "leave out findings below: info, warning or error")(
      "quiet,q", po::bool_switch(&quiet), "leave out notes (info): --min-severity warning")(
      "author", po::value(&author)->default_value("fzcheck"),
      "the author's name on the comments and changes")(
      "type", po::value(&type),
      "take every file for this document type (see 'fzcheck rules types')")(
      "lang", po::value(&language)->default_value("zh-CN"),
      "language of the words in the comments: zh-CN or en");
  rule_flags.add_to(options, "do not run this rule (repeatable)",
                    "run only this rule (repeatable)");
  read_flags.add_to(options);
  std::vector<std::string> files;
  auto vm = parse(args, options, files);
  if (!vm) return kExitOk;  // --help
  if (files.empty()) throw UsageError("no input files");
  if (no_track && no_changes) throw UsageError("--no-track and --no-changes exclude each other");
  if (!ui_language_known(language))
    throw UsageError("--lang must be zh-CN or en, not '" + language + "'");
  if (quiet) min_severity = "warning";
  auto min = parse_severity(min_severity);
  if (!min)
    throw UsageError("--min-severity must be info, warning or error, not '" + min_severity + "'");
  const ReadOptions read_options = read_flags.to_options();

  // Folders give their .docx files, except copies this command wrote earlier.
  Inputs inputs = expand_inputs(files, false);
  std::vector<std::string> docx;
  for (const std::string& file : inputs.files) {
    bool from_folder = std::find(files.begin(), files.end(), file) == files.end();
    if (from_folder && (!is_docx_name(file) || file.ends_with(kReviewedSuffix))) {
      std::string ext = fs::path(file).extension().string();
      ++inputs.skipped[ext.empty() ? std::string("-") : ext];
      continue;
    }
    docx.push_back(file);
  }
  if (docx.empty()) {
    print_skipped(inputs, language);
    throw UsageError("the folders hold no .docx file");
  }
  std::error_code ec;
  bool to_folder = !output.empty() &&
                   (docx.size() > 1 || files.size() > 1 || fs::is_directory(files.front(), ec) ||
                    fs::is_directory(output, ec) || output.ends_with('/'));
  if (to_folder) {
    fs::create_directories(output, ec);
    if (ec) {
      print_error(Error{ErrorCode::io, ec.message(), output, {}});
      return kExitUsage;
    }
  }

  RuleSet rules = rule_flags.load();
  CheckOptions check_options = rule_flags.choices(rules);
  check_options.document_type = checked_type(rules, type);
  DocxReviewOptions review_options;
  review_options.author = author;
  review_options.language = language;
  review_options.date = now_utc();
  review_options.changes = no_changes ? DocxReviewOptions::Changes::none
                           : no_track ? DocxReviewOptions::Changes::direct
                                      : DocxReviewOptions::Changes::tracked;

  int status = kExitOk;
  for (const std::string& file : docx) {
    if (file == "-" || !is_docx_name(file)) {
      print_error(Error{ErrorCode::unsupported_format,
                        "annotate writes Word files and reads only .docx; for other files use "
                        "'fzcheck check --format html'",
                        file,
                        {}});
      status = kExitUsage;
      continue;
    }
    auto doc = read_input(file, read_flags, read_options);
    auto bytes = doc ? read_accepted_file(file) : Result<std::string>(doc.errors());
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
      print_error(
          Error{ErrorCode::usage, "the copy would replace the input; give another -o", file, {}});
      status = kExitUsage;
      continue;
    }
    if (auto error = write_file_atomically(target, review->bytes)) {
      print_error(*error);
      status = kExitUsage;
      continue;
    }
    fmt::print(std::cerr, "{} → {}: {} comment(s), {} tracked change(s){}\n", file, target.string(),
               review->comments, review->changed.size(),
               review->not_changed.empty() ? std::string()
                                           : fmt::format(", {} correction(s) left to the comments",
                                                         review->not_changed.size()));
  }
  print_skipped(inputs, language);
  return status;
}

}  // namespace fzcheck::cli
