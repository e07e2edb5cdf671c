// fzcheck help-reference COMMAND: a command's options as a Markdown table in both languages, from
// the definitions the command parses with.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "support.hpp"

namespace fzcheck {

namespace {

using test::run_cli;

// The options that `fzcheck COMMAND --help` lists ("--format", "-f"), in English.
std::set<std::string> help_options(const std::vector<std::string>& command) {
  std::vector<std::string> args = command;
  args.insert(args.end(), {"--help", "--lang", "en"});
  auto help = run_cli(args);
  REQUIRE(help.exit_code == 0);
  std::set<std::string> names;
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("  -")) continue;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      if (word == "[" || word == "]") continue;
      if (!word.starts_with("-")) break;
      names.insert(word);
    }
  }
  return names;
}

// The option names in the first column of a table ("`-f`, `--format FORMAT`").
std::set<std::string> table_options(const std::string& table) {
  std::set<std::string> names;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("| `")) continue;
    std::string first = line.substr(2, line.find(" | ", 2) - 2);
    for (std::size_t pos = 0; (pos = first.find('`', pos)) != std::string::npos;) {
      std::size_t end = first.find('`', pos + 1);
      std::string name = first.substr(pos + 1, end - pos - 1);
      names.insert(name.substr(0, name.find(' ')));
      pos = end + 1;
    }
  }
  return names;
}

}  // namespace

TEST_CASE("help-reference: a table in Chinese and English with the defaults of the options") {
  auto r = run_cli({"help-reference", "check"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.starts_with("| option | default | 说明 | meaning |\n|---|---|---|---|\n"));
  CHECK(r.out.find("| `-h`, `--help` |  | 显示本帮助 | show this help |\n") != std::string::npos);
  CHECK(r.out.find("| `-f`, `--format FORMAT` | `text` | ") != std::string::npos);
  CHECK(r.out.find("| `--min-severity LEVEL` | `info` | ") != std::string::npos);
  CHECK(r.out.find("| `--max-file-size SIZE` | `64M` | ") != std::string::npos);
  // A switch has no value and no default; -j has none either (it is the machine's core count).
  CHECK(r.out.find("| `--brief` |  | ") != std::string::npos);
  CHECK(r.out.find("| `-j`, `--jobs N` |  | ") != std::string::npos);
  // --lang, which main() takes from every command line, ends every table.
  CHECK(r.out.find("| `--lang LANG` |  | ") != std::string::npos);
  CHECK(r.out.ends_with("zh-CN or en (default: FZCHECK_LANG, else zh-CN) |\n"));
  // The same in English: the language chosen does not change the table.
  CHECK(run_cli({"--lang", "en", "help-reference", "check"}).out == r.out);
}

TEST_CASE("help-reference: every option that --help lists, and only those, for every command") {
  for (const std::vector<std::string>& command : {std::vector<std::string>{"check"},
                                                  {"fix"},
                                                  {"annotate"},
                                                  {"outline"},
                                                  {"rules", "list"},
                                                  {"rules", "explain"},
                                                  {"rules", "types"},
                                                  {"rules", "test"}}) {
    std::vector<std::string> args = {"help-reference"};
    args.insert(args.end(), command.begin(), command.end());
    auto r = run_cli(args);
    CAPTURE(r.out);
    REQUIRE(r.exit_code == 0);
    CHECK(table_options(r.out) == help_options(command));
    // Every row has four cells: a | inside a description is escaped.
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      std::size_t bars = 0;
      for (std::size_t i = 0; i < line.size(); ++i)
        bars += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      CAPTURE(line);
      CHECK(bars == 5);
    }
  }
}

TEST_CASE("help-reference: an unknown command is a usage error that lists the commands") {
  auto r = run_cli({"help-reference", "frobnicate", "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err.starts_with("fzcheck help-reference: help-reference must be check, fix, annotate, "
                        "outline, rules list, rules explain, rules types, rules test, not "
                        "'frobnicate'\n"));
  CHECK(run_cli({"help-reference"}).exit_code == 2);
  // Not in the usage: it is for the documentation.
  CHECK(run_cli({"--help"}).out.find("help-reference") == std::string::npos);
}

}  // namespace fzcheck
