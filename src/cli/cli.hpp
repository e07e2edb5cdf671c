// Shared pieces of the fzcheck command-line tool.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include <map>

#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"

namespace fzcheck::cli {

namespace po = boost::program_options;

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;        // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitUsage = 2;     // bad usage, rules, configuration or input documents
inline constexpr int kExitInternal = 3;  // a bug

// Thrown for a usage error; main() prints it with the command's usage line and exits with 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options every command that reads documents accepts, and how they become ReadOptions.
struct ReadFlags {
  std::string input_format;
  std::string encoding;
  std::string max_file_size;
  std::string max_entry_size;
  unsigned max_ratio = 0;
  unsigned max_nesting = 0;
  std::string html_selector;
  bool convert = false;
  void add_to(po::options_description& options);
  ReadOptions to_options() const;
};

// Reads a document as the flags say; with --convert, a .doc/.wps/.rtf/.odt is first turned into
// .docx by LibreOffice in a temporary directory (the document keeps the file's own name).
Result<Document> read_input(const std::string& file, const ReadFlags& flags,
                            const ReadOptions& options);

// Options of the commands that use rules: which packs to load.
struct Config;
struct RuleFlags {
  std::vector<std::string> packs;
  bool no_default = false;
  std::string config_path;  // --config FILE
  void add_to(po::options_description& options);
  // The configuration file's settings (empty when there is none). Call before load().
  const Config& config();
  // The built-in packs, plus or instead of the --rules ones (and the configuration's). Prints
  // every load error and throws RulesError when there are any.
  RuleSet load();

 private:
  std::shared_ptr<Config> config_;
};
struct RulesError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Adds rules switched off or on to `options`; an unknown id is a usage error, prefixed by `where`
// (the configuration file) when it is not empty.
void choose_rules(const RuleSet& rules, CheckOptions& options,
                  const std::vector<std::string>& disable, const std::vector<std::string>& only,
                  const std::string& where);

// Indents every line after the first, to nest one file's JSON object in a "files" array.
std::string indent_continuation(const std::string& text, const std::string& pad);

// A configuration file (--config): rule packs, rules switched off or on, severities, fail_on.
struct Config {
  std::vector<std::string> packs;  // resolved against the configuration file's folder
  bool no_default_rules = false;
  std::vector<std::string> disable, only;
  std::map<std::string, Severity> severity;
  std::string fail_on;  // empty: not set
  // Adds the rule choices to `options`; unknown rule ids are usage errors naming `path`.
  void apply(const RuleSet& rules, CheckOptions& options, const std::string& path) const;
};
// Reads a configuration file; prints every problem with file:line:column and throws RulesError.
Config load_config(const std::string& path);

// Parses a size such as "64M", "500K" or "1048576".
std::uint64_t parse_size(const std::string& text);

// Parses `args` against `visible` options plus positional FILE arguments; throws UsageError.
// With --help it prints the options and returns nothing: the command then exits with 0.
std::optional<po::variables_map> parse(const std::vector<std::string>& args,
                                       const po::options_description& visible,
                                       std::vector<std::string>& files);

// Prints an error about an input file on stderr: "fzcheck: FILE: message".
void print_error(const Error& error);

// {"file": FILE, "error": {"code": ..., "message": ...}}: a file that could not be read, as an
// element of the "files" array of JSON output.
std::string error_json(const std::string& file, const Error& error);

int run_outline(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_fix(const std::vector<std::string>& args);

}  // namespace fzcheck::cli
