// fzcheck: the command-line tool. A thin client of the library: parse flags, call the API.
#include <exception>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
  using namespace fzcheck::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string program = "fzcheck";  // and the command, once it is known
  try {
    choose_language(args);  // first: --help and usage errors are said in the language too
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
      std::cout << tr("help_usage") << '\n';
      return args.empty() ? kExitUsage : kExitOk;
    }
    if (args[0] == "--version" || args[0] == "-v" || args[0] == "version") {
      std::cout << "fzcheck " << FZCHECK_VERSION << '\n';
      return kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    using Run = int (*)(const std::vector<std::string>&);
    static constexpr std::pair<const char*, Run> kCommands[] = {
        {"check", run_check},
        {"fix", run_fix},
        {"annotate", run_annotate},
        {"outline", run_outline},
        {"rules", run_rules},
        // docs/cli.md's option tables
        {"help-reference", run_help_reference}};
    for (auto [name, run] : kCommands) {
      if (command != name) continue;
      program += " " + command;
      return run(args);
    }
    std::cerr << "fzcheck: " << tr("cli_unknown_command", {{"command", command}}) << "\n\n"
              << tr("help_usage") << '\n';
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << program << ": " << e.what() << '\n'
              << tr("cli_see_help", {{"command", program}}) << '\n';
    return kExitUsage;
  } catch (const RulesError& e) {
    std::cerr << "fzcheck: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "fzcheck: " << tr("cli_internal_error", {{"what", e.what()}}) << '\n';
    return kExitInternal;
  }
}
