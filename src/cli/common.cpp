#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli.hpp"

namespace fzcheck::cli {

namespace {

std::string g_language = "zh-CN";  // set once by choose_language(), before any thread starts

}  // namespace

const std::string& cli_language() {
  return g_language;
}

void choose_language(std::vector<std::string>& args) {
  std::optional<std::string> chosen;
  std::string from = "--lang";
  for (auto it = args.begin(); it != args.end();) {
    if (*it == "--lang") {
      if (it + 1 == args.end()) throw UsageError(tr("cli_option_needs_value", {{"option", *it}}));
      chosen = *(it + 1);
      it = args.erase(it, it + 2);
    } else if (it->starts_with("--lang=")) {
      chosen = it->substr(7);
      it = args.erase(it);
    } else {
      ++it;
    }
  }
  const char* env = std::getenv("FZCHECK_LANG");
  if (!chosen && env && *env) {
    chosen = env;
    from = "FZCHECK_LANG";
  }
  if (!chosen) return;
  if (!ui_language_known(*chosen)) throw UsageError(must_be(from, ui_languages(), *chosen));
  g_language = *chosen;
}

std::string tr(std::string_view key, const MessageValues& values) {
  return ui_text(cli_language(), key, values);
}

std::string tr(const Error& error) {
  return error_text(error, cli_language());
}

std::string must_be(std::string_view option, const std::vector<std::string>& choices,
                    std::string_view value) {
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) list += tr(i + 1 == choices.size() ? "cli_or" : "list_separator");
    list += choices[i];
  }
  return tr("cli_must_be",
            {{"option", std::string(option)}, {"choices", list}, {"value", std::string(value)}});
}

void add_help(po::options_description& options) {
  options.add_options()("help,h", "help_help");
}

void ReadFlags::add_to(po::options_description& options) {
  auto add = options.add_options();
  add("input-format", po::value(&input_format)->value_name("FORMAT"), "help_input_format");
  add("encoding", po::value(&encoding)->value_name("NAME"), "help_encoding");
  add("max-file-size", po::value(&max_file_size)->default_value("64M")->value_name("SIZE"),
      "help_max_file_size");
  add("html-selector", po::value(&html_selector)->value_name("SELECTOR"), "help_html_selector");
  add("max-entry-size", po::value(&max_entry_size)->default_value("256M")->value_name("SIZE"),
      "help_max_entry_size");
  add("max-compression-ratio", po::value(&max_ratio)->default_value(1000)->value_name("N"),
      "help_max_compression_ratio");
  add("max-xml-size", po::value(&max_xml_size)->default_value("32M")->value_name("SIZE"),
      "help_max_xml_size");
  add("max-xml-nodes", po::value(&max_xml_nodes)->default_value(2000000)->value_name("N"),
      "help_max_xml_nodes");
  add("max-nesting", po::value(&max_nesting)->default_value(2000)->value_name("N"),
      "help_max_nesting");
  add("convert", po::bool_switch(&convert), "help_convert");
}

ReadOptions ReadFlags::to_options() const {
  ReadOptions options;
  if (!input_format.empty()) {
    if (input_format == "text" || input_format == "txt") {
      options.format = InputFormat::text;
    } else if (input_format == "docx") {
      options.format = InputFormat::docx;
    } else if (input_format == "html") {
      options.format = InputFormat::html;
    } else {
      throw UsageError(must_be("--input-format", {"text", "docx", "html"}, input_format));
    }
  }
  options.encoding = encoding;
  options.max_file_bytes = parse_size(max_file_size);
  options.html_selector = html_selector;
  options.max_entry_bytes = parse_size(max_entry_size);
  for (auto [value, option] :
       {std::pair{max_ratio, "--max-compression-ratio"}, std::pair{max_nesting, "--max-nesting"}}) {
    if (value == 0) throw UsageError(tr("cli_at_least_one", {{"option", option}}));
  }
  if (max_xml_nodes == 0) throw UsageError(tr("cli_at_least_one", {{"option", "--max-xml-nodes"}}));
  options.max_xml_bytes = parse_size(max_xml_size);
  options.max_xml_nodes = max_xml_nodes;
  options.max_compression_ratio = max_ratio;
  options.max_nesting = max_nesting;
  return options;
}

void RuleFlags::add_to(po::options_description& options, const char* disable_help,
                       const char* only_help) {
  auto add = options.add_options();
  if (disable_help) {
    add("disable", po::value(&disable)->composing()->value_name("ID"), disable_help);
    add("only", po::value(&only)->composing()->value_name("ID"), only_help);
  }
  add("rules", po::value(&packs)->composing()->value_name("DIR"), "help_rules");
  add("no-default-rules", po::bool_switch(&no_default), "help_no_default_rules");
  add("config", po::value(&config_path)->value_name("FILE"), "help_config");
  add("no-config", po::bool_switch(&no_config), "help_no_config");
  add("max-patterns-per-rule", po::value(&max_patterns)->default_value(100000)->value_name("N"),
      "help_max_patterns_per_rule");
  add("max-rule-file-size", po::value(&max_rule_file_size)->default_value("1M")->value_name("SIZE"),
      "help_max_rule_file_size");
}

const Config& RuleFlags::config() {
  if (config_) return *config_;
  if (config_path.empty() && !no_config) {
    // The nearest .fzcheck.yaml above the inputs; the first input's when they differ.
    std::vector<std::filesystem::path> found;
    for (const std::string& input : inputs) {
      auto config = find_config(input == "-" ? std::filesystem::current_path()
                                             : std::filesystem::path(input));
      if (config && std::find(found.begin(), found.end(), *config) == found.end())
        found.push_back(*config);
    }
    if (!found.empty()) {
      config_path = found.front().string();
      std::cerr << "fzcheck: "
                << tr(found.size() == 1 ? "cli_config_found" : "cli_config_found_several",
                      {{"file", config_path}, {"count", std::to_string(found.size())}})
                << '\n';
    }
  }
  if (config_path.empty()) return config_.emplace();
  auto loaded = load_config(config_path);
  if (!loaded) {
    const Error& first = loaded.error();
    // The file itself: missing, not a regular file (a FIFO, /dev/zero), too large, unreadable.
    if (first.code == ErrorCode::io || first.code == ErrorCode::not_found ||
        first.code == ErrorCode::not_a_file || first.code == ErrorCode::too_large) {
      throw RulesError(
          tr("cli_cannot_read_config",
             {{"file", config_path}, {"reason", error_message(first, cli_language())}}));
    }
    for (const Error& e : loaded.errors()) std::cerr << tr(e) << '\n';
    throw RulesError(
        tr("cli_config_problems", {{"count", std::to_string(loaded.errors().size())}}));
  }
  return config_.emplace(std::move(*loaded));
}

namespace {

void require_rules(const RuleSet& rules, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    if (!rules.find(id)) throw UsageError(tr("cli_no_such_rule", {{"id", id}}));
  }
}

}  // namespace

CheckOptions RuleFlags::choices(const RuleSet& rules) {
  CheckOptions options;
  auto errors = apply_config(config(), rules, options);
  if (!errors.empty()) {
    for (const Error& e : errors) std::cerr << tr(e) << '\n';
    throw RulesError(tr("cli_config_problems", {{"count", std::to_string(errors.size())}}));
  }
  require_rules(rules, disable);
  require_rules(rules, only);
  options.disabled.insert(disable.begin(), disable.end());
  options.only.insert(only.begin(), only.end());
  return options;
}

RuleSet RuleFlags::load() {
  const Config& settings = config();
  std::vector<std::filesystem::path> paths = settings.packs;
  paths.insert(paths.end(), packs.begin(), packs.end());
  bool builtin = !(no_default || settings.no_default_rules);
  if (paths.empty()) {
    if (!builtin) throw UsageError(tr("cli_no_default_needs_rules"));
    return RuleSet::builtin();
  }
  RuleLoadOptions limits;
  if (max_patterns == 0)
    throw UsageError(tr("cli_at_least_one", {{"option", "--max-patterns-per-rule"}}));
  limits.max_patterns_per_rule = max_patterns;
  limits.max_file_bytes = parse_size(max_rule_file_size);
  auto loaded = RuleSet::load(paths, builtin, limits);
  if (!loaded) {
    for (const Error& e : loaded.errors()) std::cerr << tr(e) << '\n';
    throw RulesError(tr("cli_rules_problems", {{"count", std::to_string(loaded.errors().size())}}));
  }
  return std::move(loaded).value();
}

std::string checked_type(const RuleSet& rules, const std::string& type) {
  if (type.empty()) return type;
  std::string known;
  for (const DocumentTypeInfo& t : rules.document_types()) {
    if (t.id == type) return type;
    known += (known.empty() ? "" : tr("list_separator")) + t.id;
  }
  throw UsageError(
      tr("cli_bad_type", {{"types", known.empty() ? tr("cli_no_types") : known}, {"value", type}}));
}

std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    throw UsageError(tr("cli_bad_size", {{"value", text}}));
  }
  std::string unit = text.substr(used);
  std::uint64_t scale = 1;
  if (unit.empty() || unit == "B" || unit == "b") {
    scale = 1;
  } else if (unit == "K" || unit == "k" || unit == "KB" || unit == "KiB") {
    scale = 1ull << 10;
  } else if (unit == "M" || unit == "m" || unit == "MB" || unit == "MiB") {
    scale = 1ull << 20;
  } else if (unit == "G" || unit == "g" || unit == "GB" || unit == "GiB") {
    scale = 1ull << 30;
  } else {
    throw UsageError(tr("cli_bad_size", {{"value", text}}));
  }
  if (value > (~0ull) / scale) throw UsageError(tr("cli_size_too_large", {{"value", text}}));
  return value * scale;
}

namespace {

// The columns a terminal gives `text`: two for a character outside ASCII (the Chinese of the help
// texts), one for the others.
std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += c < 0x80 ? 1 : c >= 0xC0 ? 2 : 0;
  return n;
}

// The code point at `i` of UTF-8 text, moving `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  int more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  char32_t c = more ? lead & (0x3F >> more) : lead;
  for (; more > 0 && i < text.size(); --more) c = (c << 6) | (text[i++] & 0x3F);
  return c;
}

// Chinese punctuation that a line may not end with (opening brackets and quotes) or start with
// (the other marks).
bool opening_mark(char32_t c) {
  return c == 0xFF08 || c == 0x201C || c == 0x300A || c == 0x3010;
}
bool closing_mark(char32_t c) {
  for (char32_t m :
       {0x3001, 0x3002, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x201D, 0x300B, 0x3011}) {
    if (c == m) return true;
  }
  return false;
}

// `text` in lines of at most `width` columns, broken at spaces or between two Chinese characters.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines(1);
  bool space = false;  // a space before the next piece
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      space = true;
      ++i;
      continue;
    }
    // A piece is never broken: opening marks, an ASCII word or one other character, closing marks.
    std::size_t end = i;
    auto peek = [&](std::size_t at) { return next_code_point(text, at); };
    while (end < text.size() && opening_mark(peek(end))) next_code_point(text, end);
    if (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) {
      while (end < text.size() && text[end] != ' ' && static_cast<unsigned char>(text[end]) < 0x80)
        ++end;
    } else if (end < text.size()) {
      next_code_point(text, end);
    }
    while (end < text.size() && closing_mark(peek(end))) next_code_point(text, end);
    const std::string_view piece = text.substr(i, end - i);
    if (!lines.back().empty() && columns(lines.back()) + space + columns(piece) > width) {
      lines.emplace_back();
    } else if (space && !lines.back().empty()) {
      lines.back() += ' ';
    }
    lines.back() += piece;
    space = false;
    i = end;
  }
  return lines;
}

// --help: the usage, then each option (and --lang, which main() takes) with its description (the
// key of its text in the interface catalogues).
void print_help(std::string_view usage_key, const po::options_description& options) {
  constexpr std::size_t kWidth = 80, kMaxName = 30;
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& option : options.options()) {
    std::string name = option->format_name();
    if (std::string parameter = option->format_parameter(); !parameter.empty())
      name += ' ' + parameter;
    rows.emplace_back(std::move(name), tr(option->description()));
  }
  rows.emplace_back("--lang LANG", tr("help_lang"));
  std::size_t name_width = 0;
  for (const auto& row : rows) name_width = std::max(name_width, columns(row.first));
  name_width = std::min(name_width, kMaxName);
  std::cout << tr(usage_key) << "\n\n" << tr("help_options") << '\n';
  const std::string indent(2 + name_width + 2, ' ');
  for (const auto& [name, description] : rows) {
    std::cout << "  " << name;
    bool own_line = columns(name) > name_width;
    if (own_line)
      std::cout << '\n' << indent;
    else
      std::cout << std::string(name_width - columns(name) + 2, ' ');
    bool first = true;
    for (const std::string& line : wrap(description, kWidth - indent.size())) {
      std::cout << (first ? "" : indent) << line << '\n';
      first = false;
    }
  }
}

// A parse error of Boost.Program_options in the language of the tool.
std::string command_line_error(const po::error& e) {
  const auto* named = dynamic_cast<const po::error_with_option_name*>(&e);
  const MessageValues option = {{"option", named ? named->get_option_name() : ""}};
  if (dynamic_cast<const po::unknown_option*>(&e)) return tr("cli_unknown_option", option);
  if (dynamic_cast<const po::ambiguous_option*>(&e)) return tr("cli_ambiguous_option", option);
  if (dynamic_cast<const po::multiple_occurrences*>(&e)) return tr("cli_option_once", option);
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (syntax->kind() == po::invalid_syntax::missing_parameter)
      return tr("cli_option_needs_value", option);
    if (syntax->kind() == po::invalid_syntax::extra_parameter)
      return tr("cli_option_takes_no_value", option);
  }
  if (dynamic_cast<const po::validation_error*>(&e)) return tr("cli_bad_option_value", option);
  return tr("cli_bad_command_line", {{"detail", e.what()}});
}

}  // namespace

std::optional<po::variables_map> parse(const std::vector<std::string>& args,
                                       std::string_view usage_key,
                                       const po::options_description& visible,
                                       std::vector<std::string>& files) {
  po::options_description all;
  all.add(visible);
  all.add_options()("file", po::value(&files)->composing());
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(command_line_error(e));
  }
  if (vm.count("help")) {
    print_help(usage_key, visible);
    return std::nullopt;
  }
  return vm;
}

void print_error(const Error& error) {
  std::cerr << "fzcheck: " << tr(error) << '\n';
}

}  // namespace fzcheck::cli
