// fzcheck fix FILE (-o OUT | --diff | --in-place): the certain corrections, applied to a copy.
#include <filesystem>
#include <iostream>

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
  auto bytes = read_accepted_file(file, read_options);
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

// The options of `fix`, as given.
struct FixArgs {
  std::string output;
  bool diff = false, in_place = false, no_track = false;
  std::string type;
  ReadFlags read_flags;
  RuleFlags rule_flags;
};

po::options_description fix_options(FixArgs& a) {
  po::options_description options;
  add_help(options);
  auto add = options.add_options();
  add("output,o", po::value(&a.output)->value_name("FILE"), "help_fix_output");
  add("diff", po::bool_switch(&a.diff), "help_diff");
  add("in-place", po::bool_switch(&a.in_place), "help_in_place");
  add("no-track", po::bool_switch(&a.no_track), "help_no_track");
  add("type", po::value(&a.type)->value_name("TYPE"), "help_type_fix");
  a.rule_flags.add_to(options, "help_disable_fix", "help_only_fix");
  a.read_flags.add_to(options);
  return options;
}

}  // namespace

void describe_fix(const OptionsUse& use) {
  FixArgs a;
  use(fix_options(a));
}

int run_fix(const std::vector<std::string>& args) {
  FixArgs a;
  const po::options_description options = fix_options(a);
  std::vector<std::string> files;
  auto vm = parse(args, "help_fix_usage", options, files);
  if (!vm) return kExitOk;  // --help
  const std::string& output = a.output;
  const bool diff = a.diff, in_place = a.in_place, no_track = a.no_track;
  const std::string& type = a.type;
  ReadFlags& read_flags = a.read_flags;
  RuleFlags& rule_flags = a.rule_flags;
  rule_flags.inputs = files;
  int modes = !output.empty() + diff + in_place;
  if (modes != 1) throw UsageError(tr("cli_fix_mode"));
  if (files.empty()) throw UsageError(tr("cli_no_input_files"));
  if (!output.empty() && files.size() != 1) throw UsageError(tr("cli_fix_one_input"));
  if (!output.empty()) {
    std::error_code ec;
    if (std::filesystem::equivalent(files.front(), output, ec))
      throw UsageError(tr("cli_fix_output_is_input"));
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
    std::string notes;
    if (!fixed.skipped.empty())
      notes += tr("cli_fixes_skipped", {{"count", std::to_string(fixed.skipped.size())}});
    if (left > 0) notes += tr("cli_fixes_generated", {{"count", std::to_string(left)}});
    if (!fixed.refused.empty())
      notes += tr("cli_fixes_refused", {{"count", std::to_string(fixed.refused.size())}});
    const bool tracked = word && !diff && !no_track;
    std::cerr << tr(tracked ? "cli_fixes_tracked" : "cli_fixes_applied",
                    {{"file", file},
                     {"count", std::to_string(fixed.applied.size())},
                     {"notes", notes}})
              << '\n';
  }
  return status;
}

}  // namespace fzcheck::cli
