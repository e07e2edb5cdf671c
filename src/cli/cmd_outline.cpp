// fzcheck outline FILE|DIR|-...: the parsed structure of each file (folders walked as by check).
#include <iostream>

#include "cli.hpp"
#include "fzcheck/outline.hpp"
#include "fzcheck/report.hpp"

namespace fzcheck::cli {

namespace {

// The options of `outline`, as given.
struct OutlineArgs {
  std::string format = "text";
  ReadFlags read_flags;
};

po::options_description outline_options(OutlineArgs& a) {
  po::options_description options;
  add_help(options);
  options.add_options()("format,f",
                        po::value(&a.format)->default_value("text")->value_name("FORMAT"),
                        "help_format_outline");
  a.read_flags.add_to(options);
  return options;
}

}  // namespace

void describe_outline(const OptionsUse& use) {
  OutlineArgs a;
  use(outline_options(a));
}

int run_outline(const std::vector<std::string>& args) {
  OutlineArgs a;
  const po::options_description options = outline_options(a);
  std::vector<std::string> files;
  auto vm = parse(args, "help_outline_usage", options, files);
  if (!vm) return kExitOk;  // --help
  const std::string& format = a.format;
  const ReadFlags& read_flags = a.read_flags;
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
