// fzcheck outline FILE|DIR|-...: the parsed structure of each file (folders walked as by check).
#include <iostream>

#include "cli.hpp"
#include "fzcheck/outline.hpp"
#include "fzcheck/report.hpp"

namespace fzcheck::cli {

int run_outline(const std::vector<std::string>& args) {
  po::options_description options;
  std::string format = "text";
  ReadFlags read_flags;
  options.add_options()("help,h", tr("help_help").c_str())(
      "format,f", po::value(&format)->default_value("text"), tr("help_format_outline").c_str());
  read_flags.add_to(options);
  std::vector<std::string> files;
  auto vm = parse(args, "help_outline_usage", options, files);
  if (!vm) return kExitOk;  // --help
  if (format != "text" && format != "json")
    throw UsageError(must_be("--format", {"text", "json"}, format));
  if (files.empty()) throw UsageError(tr("cli_no_input_files"));
  ReadOptions read_options = read_flags.to_options();
  const Inputs inputs = expand_inputs(files, read_flags.convert);
  files = inputs.files;
  print_skipped(inputs);
  if (files.empty()) throw UsageError(tr("cli_nothing_readable"));

  int status = kExitOk;
  JsonFilesWriter json(std::cout);
  bool printed = false;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto doc = read_input(files[i], read_flags, read_options);
    if (!doc) {
      print_error(doc.error());
      status = kExitUsage;
      if (format == "json") json.add_error(files[i], doc.error());
    } else if (format == "json") {
      json.add_outline(*doc);
    } else {
      if (printed) std::cout << '\n';
      write_outline_text(std::cout, *doc);
      printed = true;
    }
  }
  if (format == "json") json.finish();
  return status;
}

}  // namespace fzcheck::cli
