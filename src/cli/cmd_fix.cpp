// fzcheck fix FILE (-o OUT | --diff | --in-place): the certain corrections, applied to a copy.
#include <iostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli.hpp"
#include "fzcheck/atomic_write.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/fix.hpp"

namespace fzcheck::cli {

int run_fix(const std::vector<std::string>& args) {
  po::options_description options(
      "fzcheck fix FILE -o OUT | fzcheck fix --diff FILE... | fzcheck fix --in-place FILE...\n\n"
      "Applies the findings that carry a certain correction and writes a corrected copy in the\n"
      "file's own encoding and line endings. The input is never changed unless --in-place is "
      "given,\n"
      "and files are always written atomically (temporary file, then rename).\n\nOptions");
  std::string output;
  bool diff = false, in_place = false;
  std::string type;
  ReadFlags read_flags;
  RuleFlags rule_flags;
  options.add_options()("help,h", "show this help")("output,o", po::value(&output),
                                                    "write the corrected copy here")(
      "diff", po::bool_switch(&diff), "print a unified diff of the corrections instead of writing")(
      "in-place", po::bool_switch(&in_place), "replace the input file itself (atomically)")(
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
    if (diff) {
      std::cout << unified_diff(*doc, fixed.text, file);
    } else {
      auto bytes = encode_like_source(*doc, fixed.text);
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
    if (!fixed.refused.empty()) {
      note +=
          fmt::format(", {} not applied (they would change the line breaks)", fixed.refused.size());
    }
    fmt::print(std::cerr, "{}: {} fix(es) applied{}\n", file, fixed.applied.size(), note);
  }
  return status;
}

}  // namespace fzcheck::cli
