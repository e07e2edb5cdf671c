// fzcheck fix FILE (-o OUT | --diff | --in-place): the certain corrections, applied to a copy.
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli.hpp"
#include "fzcheck/atomic_write.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/docx_review.hpp"
#include "fzcheck/fix.hpp"

namespace fzcheck::cli {

namespace {

// A .docx with the corrections as tracked changes (or made in the text). `fixed.applied` becomes
// the ones written; `left` counts those Word holds in no plain text (list numbers, fields).
Result<std::string> docx_fixed(const std::string& file, const std::vector<Finding>& findings,
                               bool no_track, const ReadOptions& read_options, FixResult& fixed,
                               std::size_t& left) {
  auto bytes = read_accepted_file(file);
  if (!bytes) return bytes.errors();
  DocxReviewOptions options;
  options.comments = false;
  options.changes =
      no_track ? DocxReviewOptions::Changes::direct : DocxReviewOptions::Changes::tracked;
  auto review = review_docx(*bytes, file, findings, options, read_options);
  if (!review) return review.errors();
  fixed.applied = std::move(review->changed);
  // not_changed holds the skipped and refused ones too: the same apply_fixes settled them.
  left = review->not_changed.size() - fixed.skipped.size() - fixed.refused.size();
  return std::move(review->bytes);
}

}  // namespace

int run_fix(const std::vector<std::string>& args) {
  po::options_description options(
      "fzcheck fix FILE -o OUT | fzcheck fix --diff FILE... | fzcheck fix --in-place FILE...\n\n"
      "Applies the findings that carry a certain correction and writes a corrected copy in the\n"
      "file's own encoding and line endings; in a .docx the corrections are tracked changes\n"
      "(--no-track: made in the text). The input is never changed unless --in-place is given,\n"
      "and files are always written atomically (temporary file, then rename).\n\nOptions");
  std::string output;
  bool diff = false, in_place = false, no_track = false;
  std::string type;
  ReadFlags read_flags;
  RuleFlags rule_flags;
  options.add_options()("help,h", "show this help")("output,o", po::value(&output),
                                                    "write the corrected copy here")(
      "diff", po::bool_switch(&diff), "print a unified diff of the corrections instead of writing")(
      "in-place", po::bool_switch(&in_place), "replace the input file itself (atomically)")(
      "no-track", po::bool_switch(&no_track),
      ".docx: make the corrections in the text instead of as tracked changes")(
      "type", po::value(&type),
      "take every file for this document type (see 'fzcheck rules types')");
  rule_flags.add_to(options, "do not apply this rule's fixes (repeatable)",
                    "apply only this rule's fixes (repeatable)");
  read_flags.add_to(options);
  std::vector<std::string> files;
  auto vm = parse(args, options, files);
  if (!vm) return kExitOk;  // --help
  int modes = !output.empty() + diff + in_place;
  if (modes != 1)
    throw UsageError(
        "say what to do with the corrections: -o OUT, --diff or --in-place (one of them)");
  if (files.empty()) throw UsageError("no input files");
  if (!output.empty() && files.size() != 1) throw UsageError("-o OUT takes exactly one input file");
  if (!output.empty()) {
    std::error_code ec;
    if (std::filesystem::equivalent(files.front(), output, ec)) {
      throw UsageError("-o names the input file itself; use --in-place to replace the input");
    }
  }
  RuleSet rules = rule_flags.load();
  CheckOptions check_options = rule_flags.choices(rules);
  check_options.document_type = checked_type(rules, type);
  ReadOptions read_options = read_flags.to_options();

  int status = kExitOk;
  for (const std::string& file : files) {
    auto doc = read_input(file, read_flags, read_options);
    if (!doc) {
      print_error(doc.error());
      status = kExitUsage;
      continue;
    }
    Report report = check(*doc, rules, check_options);
    FixResult fixed = apply_fixes(*doc, report.findings);
    const bool word = doc->format == InputFormat::docx;
    std::size_t left = 0;
    if (diff) {
      std::cout << unified_diff(*doc, fixed.text, file);
    } else {
      auto bytes = word ? docx_fixed(file, report.findings, no_track, read_options, fixed, left)
                        : encode_like_source(*doc, fixed.text);
      if (!bytes) {
        print_error(bytes.error());
        status = kExitUsage;
        continue;
      }
      std::string target = in_place ? file : output;
      if (auto error = write_file_atomically(target, *bytes)) {
        print_error(*error);
        status = kExitUsage;
        continue;
      }
    }
    std::string note;
    if (!fixed.skipped.empty()) {
      note += fmt::format(", {} left for another run (they overlap an applied one)",
                          fixed.skipped.size());
    }
    if (left > 0) {
      note +=
          fmt::format(", {} not applied (Word generates that text: list numbers, fields)", left);
    }
    if (!fixed.refused.empty()) {
      note +=
          fmt::format(", {} not applied (they would change the line breaks)", fixed.refused.size());
    }
    fmt::print(std::cerr, "{}: {} fix(es) applied{}{}\n", file, fixed.applied.size(),
               word && !diff && !no_track ? " as tracked changes" : "", note);
  }
  return status;
}

}  // namespace fzcheck::cli
