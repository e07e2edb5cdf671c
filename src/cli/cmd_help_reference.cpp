// fzcheck help-reference COMMAND: the options of a command as a Markdown table, in Chinese and
// English, from the options the command parses with (docs/cli.md holds these tables, and a test
// keeps them equal; scripts/update-cli-reference.sh writes them). Not listed in the usage: it is
// for the documentation.
#include <iostream>
#include <string>

#include "cli.hpp"

namespace fzcheck::cli {

namespace {

struct Described {
  const char* command;
  void (*describe)(const OptionsUse&);
};

constexpr Described kCommands[] = {{"check", describe_check},
                                   {"fix", describe_fix},
                                   {"annotate", describe_annotate},
                                   {"outline", describe_outline},
                                   {"rules list", describe_rules_list},
                                   {"rules explain", describe_rules_explain},
                                   {"rules types", describe_rules_types},
                                   {"rules test", describe_rules_test}};

// Text for a cell of a Markdown table: no line breaks, | escaped.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// "`-f`, `--format FORMAT`" and the default ("text"), from an option's definition.
std::pair<std::string, std::string> name_and_default(const po::option_description& option) {
  std::string parameter = option.format_parameter();  // "FORMAT (=text)", "" for a switch
  std::string fallback;
  if (auto open = parameter.find(" (="); open != std::string::npos && parameter.ends_with(')')) {
    fallback = parameter.substr(open + 3, parameter.size() - open - 4);
    parameter.resize(open);
  }
  std::string name;
  const std::string shortest =
      option.canonical_display_name(po::command_line_style::allow_dash_for_short);
  if (shortest.size() == 2 && shortest[0] == '-') name.append("`").append(shortest).append("`, ");
  name.append("`--").append(option.long_name());
  if (!parameter.empty()) name.append(" ").append(parameter);
  name.append("`");
  return {name, fallback};
}

void print_row(const std::string& name, const std::string& fallback, const std::string& key) {
  std::cout << "| " << name << " | ";
  if (!fallback.empty()) std::cout << '`' << cell(fallback) << '`';
  std::cout << " | " << cell(ui_text("zh-CN", key)) << " | " << cell(ui_text("en", key)) << " |\n";
}

}  // namespace

int run_help_reference(const std::vector<std::string>& args) {
  std::string command;
  for (const std::string& word : args) {
    if (!command.empty()) command.append(" ");
    command.append(word);
  }
  for (const Described& d : kCommands) {
    if (command != d.command) continue;
    std::cout << "| option | default | " << ui_text("zh-CN", "help_reference_meaning") << " | "
              << ui_text("en", "help_reference_meaning") << " |\n|---|---|---|---|\n";
    d.describe([](const po::options_description& options) {
      for (const auto& option : options.options()) {
        auto [name, fallback] = name_and_default(*option);
        print_row(name, fallback, option->description());
      }
    });
    // Taken by main() before the command sees its arguments, and accepted by every command.
    print_row("`--lang LANG`", "", "help_lang");
    return kExitOk;
  }
  std::string known;
  for (const Described& d : kCommands)
    known += (known.empty() ? "" : ", ") + std::string(d.command);
  throw UsageError(must_be("help-reference", {known}, command));
}

}  // namespace fzcheck::cli
