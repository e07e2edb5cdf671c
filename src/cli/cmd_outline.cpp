// fzcheck outline FILE...: the parsed structure of each file.
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "fzcheck/outline.hpp"

namespace fzcheck::cli {

int run_outline(const std::vector<std::string>& args) {
  po::options_description options("fzcheck outline [options] FILE...\n\nOptions");
  std::string format = "text";
  ReadFlags read_flags;
  options.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "text (an indented tree) or json");
  read_flags.add_to(options);
  std::vector<std::string> files;
  auto vm = parse(args, options, files);
  if (!vm) return kExitOk;  // --help
  if (format != "text" && format != "json") {
    throw UsageError("--format must be text or json, not '" + format + "'");
  }
  if (files.empty()) throw UsageError("no input files");
  ReadOptions read_options = read_flags.to_options();

  int status = kExitOk;
  bool first = true;
  if (format == "json") std::cout << "{\n  \"files\": [";
  for (const std::string& file : files) {
    auto doc = read_input(file, read_flags, read_options);
    if (!doc) {
      print_error(doc.error());
      status = kExitUsage;
      if (format == "json") {
        std::cout << (first ? "\n    " : ",\n    ") << error_json(file, doc.error());
        first = false;
      }
      continue;
    }
    if (format == "json") {
      std::cout << (first ? "\n    " : ",\n    ")
                << indent_continuation(outline_json(*doc, 2), "    ");
      first = false;
    } else {
      if (!first) std::cout << '\n';
      write_outline_text(std::cout, *doc);
      first = false;
    }
  }
  if (format == "json") std::cout << (files.empty() ? "" : "\n  ") << "]\n}\n";
  return status;
}

}  // namespace fzcheck::cli
