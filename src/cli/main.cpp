// fzcheck: the command-line tool. A thin client of the library: parse flags, call the API.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace {

constexpr const char* kUsage =
    "usage: fzcheck COMMAND [options] FILE...\n"
    "\n"
    "Commands:\n"
    "  check FILE|DIR|-    check reports (folders are walked, - reads standard input)\n"
    "  fix FILE -o OUT     write a copy with the certain corrections (also --diff, --in-place)\n"
    "  annotate FILE.docx  write a reviewed copy: findings as Word comments, corrections as\n"
    "                      tracked changes (folders too; -o OUT)\n"
    "  outline FILE...     show the parsed structure (title, numbered sections, signature, date)\n"
    "  rules list|explain|kinds|test   the rules: catalogue, one rule in full, rule kinds, "
    "fixtures\n"
    "\n"
    "Run 'fzcheck COMMAND --help' for the options of a command.\n"
    "Exit status: 0 ok, 1 findings at or above --fail-on, 2 bad usage or unreadable input,\n"
    "3 internal error.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace fzcheck::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-v" || args[0] == "version") {
    std::cout << "fzcheck " << FZCHECK_VERSION << '\n';
    return kExitOk;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "outline") return run_outline(args);
    if (command == "check") return run_check(args);
    if (command == "rules") return run_rules(args);
    if (command == "fix") return run_fix(args);
    if (command == "annotate") return run_annotate(args);
    std::cerr << "fzcheck: unknown command '" << command << "'\n\n" << kUsage;
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "fzcheck " << command << ": " << e.what() << "\n(see 'fzcheck " << command
              << " --help')\n";
    return kExitUsage;
  } catch (const RulesError& e) {
    std::cerr << "fzcheck: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "fzcheck: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
}
