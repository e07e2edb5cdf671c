// Shared pieces of the fzcheck command-line tool. The tool is a client of the public API only
// (include/fzcheck/): the build gives it no other include path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "fzcheck/check.hpp"
#include "fzcheck/config.hpp"
#include "fzcheck/i18n.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/rules.hpp"

namespace fzcheck::cli {

namespace po = boost::program_options;

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;        // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitUsage = 2;     // bad usage, rules, configuration or input documents
inline constexpr int kExitInternal = 3;  // a bug

// The language of every message of the tool (zh-CN, en): --lang, else the environment variable
// FZCHECK_LANG, else zh-CN. choose_language() sets it, once, in main().
const std::string& cli_language();
// Takes every --lang X / --lang=X out of `args` and sets the language (the last one given, else
// FZCHECK_LANG); an unknown language is a UsageError, said in zh-CN.
void choose_language(std::vector<std::string>& args);
// The text of `key` of the interface catalogues (i18n/*.yaml) in that language.
std::string tr(std::string_view key, const MessageValues& values = {});
// An error as "file:line:column: message", the message in that language.
std::string tr(const Error& error);
// "{option} must be a, b or c, not '{value}'" in that language.
std::string must_be(std::string_view option, const std::vector<std::string>& choices,
                    std::string_view value);

// Thrown for a usage error; main() prints it with the command's usage line and exits with 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Thrown after rule or configuration errors were printed; main() exits with 2.
struct RulesError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options every command that reads documents accepts, and how they become ReadOptions.
struct ReadFlags {
  std::string input_format;
  std::string encoding;
  std::string max_file_size;
  std::string max_entry_size;
  std::string max_xml_size;
  std::uint64_t max_xml_nodes = 0;
  unsigned max_ratio = 0;
  unsigned max_nesting = 0;
  std::string html_selector;
  bool convert = false;
  void add_to(po::options_description& options);
  ReadOptions to_options() const;
};

// Reads a document as the flags say; with --convert, a .doc/.wps/.rtf/.odt is first turned into
// .docx by LibreOffice in a temporary directory (the document keeps the file's own name). "-" is
// standard input. Errors name the option that would change them.
Result<Document> read_input(const std::string& file, const ReadFlags& flags,
                            const ReadOptions& options);

// The bytes of a file that read_input has accepted: the .docx that annotate and fix write a
// changed copy of. Read again with the same checks (a regular file, at most max_file_bytes): it
// may have changed since.
Result<std::string> read_accepted_file(const std::string& file, const ReadOptions& options);

// A path's extension in ASCII lower case, with its dot (".docx"); "" when it has none.
std::string lower_extension(const std::filesystem::path& path);

// The inputs of a command: files as given, folders walked (recursively, in a stable order) for the
// files fzcheck reads, "-" for standard input. Hidden entries and files of other kinds are
// skipped and counted.
inline constexpr const char* kStdinName = "<stdin>";  // the name of a document read from "-"
struct Inputs {
  std::vector<std::string> files;
  std::map<std::string, std::size_t> skipped;  // by extension (lower case; "-" for none)
  std::size_t hidden = 0;
};
Inputs expand_inputs(const std::vector<std::string>& args, bool convert);
// One line on stderr saying what the folders held that was not checked (nothing if nothing).
void print_skipped(const Inputs& inputs);
// All of standard input, refused past `max_bytes`.
Result<std::string> read_stdin(std::uint64_t max_bytes);

// Options of the commands that use rules: which packs to load, which rules to run.
struct RuleFlags {
  std::vector<std::string> packs;
  bool no_default = false;
  std::string config_path;  // --config FILE
  bool no_config = false;   // --no-config: no .fzcheck.yaml is looked for
  std::vector<std::string> disable, only;
  std::size_t max_patterns = 0;    // --max-patterns-per-rule
  std::string max_rule_file_size;  // --max-rule-file-size
  // The inputs whose folders (and the folders above them) are searched for .fzcheck.yaml when
  // --config is not given; none: no search.
  std::vector<std::string> inputs;
  // With the keys of their help texts, also --disable and --only.
  void add_to(po::options_description& options, const char* disable_help = nullptr,
              const char* only_help = nullptr);
  // The configuration file's settings: --config, else the .fzcheck.yaml found from the inputs
  // upward (said on stderr), else none. Prints every problem and throws RulesError.
  const Config& config();
  // The built-in packs, plus or instead of the --rules ones (and the configuration's). Prints
  // every load error and throws RulesError when there are any.
  RuleSet load();
  // The configuration's and the command line's choice of rules. Unknown rule ids in the
  // configuration are printed, all of them with their positions, then RulesError; on the command
  // line they are a usage error.
  CheckOptions choices(const RuleSet& rules);

 private:
  std::optional<Config> config_;
};

// `type` if it is a document type of `rules` (or empty); else a usage error listing them.
std::string checked_type(const RuleSet& rules, const std::string& type);

// Parses a size such as "64M", "500K" or "1048576".
std::uint64_t parse_size(const std::string& text);

// Parses `args` against `visible` options plus positional FILE arguments; throws UsageError.
// With --help it prints the usage (the text of `usage_key`) and the options, and returns nothing:
// the command then exits with 0.
std::optional<po::variables_map> parse(const std::vector<std::string>& args,
                                       std::string_view usage_key,
                                       const po::options_description& visible,
                                       std::vector<std::string>& files);

// Prints an error about an input file on stderr: "fzcheck: FILE: message", in the language.
void print_error(const Error& error);

// Each command's options, built by the one function the command parses its arguments with;
// `use` is called with them (they are bound to variables that live only during the call). The
// descriptions are keys of the interface catalogues (help_*), translated where they are shown:
// by --help, and by `fzcheck help-reference`, which prints the option tables of docs/cli.md.
using OptionsUse = std::function<void(const po::options_description&)>;
void describe_check(const OptionsUse& use);
void describe_fix(const OptionsUse& use);
void describe_annotate(const OptionsUse& use);
void describe_outline(const OptionsUse& use);
void describe_rules_list(const OptionsUse& use);
void describe_rules_explain(const OptionsUse& use);
void describe_rules_types(const OptionsUse& use);
void describe_rules_test(const OptionsUse& use);
// Adds -h/--help, which every command has.
void add_help(po::options_description& options);

int run_outline(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_rules(const std::vector<std::string>& args);
int run_fix(const std::vector<std::string>& args);
int run_annotate(const std::vector<std::string>& args);
int run_help_reference(const std::vector<std::string>& args);

}  // namespace fzcheck::cli
