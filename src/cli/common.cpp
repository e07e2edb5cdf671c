#include <cctype>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli.hpp"

namespace fzcheck::cli {

void ReadFlags::add_to(po::options_description& options) {
  options.add_options()("input-format", po::value(&input_format),
                        "read as text, docx or html instead of detecting the format")(
      "encoding", po::value(&encoding),
      "text/HTML encoding (GB18030, UTF-16LE, ...) instead of detecting it")(
      "max-file-size", po::value(&max_file_size)->default_value("64M"),
      "refuse larger input files (K, M, G suffixes)")(
      "html-selector", po::value(&html_selector),
      "HTML: the element that holds the report (#id, .class or tag)")(
      "max-entry-size", po::value(&max_entry_size)->default_value("256M"),
      ".docx: the most one part of the zip may inflate to")(
      "max-compression-ratio", po::value(&max_ratio)->default_value(1000),
      ".docx: the largest inflated/compressed ratio of a part")(
      "max-nesting", po::value(&max_nesting)->default_value(2000),
      ".docx/HTML: the deepest element nesting accepted")(
      "convert", po::bool_switch(&convert),
      "turn .doc/.wps/.rtf/.odt into .docx with LibreOffice (soffice) first");
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
      throw UsageError(
          fmt::format("--input-format must be text, docx or html, not '{}'", input_format));
    }
  }
  options.encoding = encoding;
  options.max_file_bytes = parse_size(max_file_size);
  options.html_selector = html_selector;
  options.max_entry_bytes = parse_size(max_entry_size);
  if (max_ratio == 0) throw UsageError("--max-compression-ratio must be at least 1");
  if (max_nesting == 0) throw UsageError("--max-nesting must be at least 1");
  options.max_compression_ratio = max_ratio;
  options.max_nesting = max_nesting;
  return options;
}

void RuleFlags::add_to(po::options_description& options, const char* disable_help,
                       const char* only_help) {
  if (disable_help) {
    options.add_options()("disable", po::value(&disable)->composing(), disable_help)(
        "only", po::value(&only)->composing(), only_help);
  }
  options.add_options()("rules", po::value(&packs)->composing(),
                        "load the rule pack(s) in DIR too; a pack with the id of a built-in pack "
                        "replaces it (repeatable)")(
      "no-default-rules", po::bool_switch(&no_default), "do not load the built-in packs")(
      "config", po::value(&config_path), "read settings from this YAML file (docs/cli.md)");
}

const Config& RuleFlags::config() {
  if (config_) return *config_;
  if (config_path.empty()) return config_.emplace();
  auto loaded = load_config(config_path);
  if (!loaded) {
    const Error& first = loaded.error();
    if (first.code == ErrorCode::io)
      throw UsageError(fmt::format("cannot read the configuration file {}", config_path));
    for (const Error& e : loaded.errors()) std::cerr << e.to_string() << '\n';
    throw RulesError(fmt::format("{} problem(s) in the configuration file; nothing was checked",
                                 loaded.errors().size()));
  }
  return config_.emplace(std::move(*loaded));
}

namespace {

void require_rules(const RuleSet& rules, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    if (!rules.find(id))
      throw UsageError(fmt::format("there is no rule '{}' (see 'fzcheck rules list')", id));
  }
}

}  // namespace

CheckOptions RuleFlags::choices(const RuleSet& rules) {
  CheckOptions options;
  auto errors = apply_config(config(), rules, options);
  if (!errors.empty()) throw UsageError(errors.front().to_string() + " (see 'fzcheck rules list')");
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
    if (!builtin) throw UsageError("--no-default-rules needs at least one --rules DIR");
    return RuleSet::builtin();
  }
  auto loaded = RuleSet::load(paths, builtin);
  if (!loaded) {
    for (const Error& e : loaded.errors()) std::cerr << e.to_string() << '\n';
    throw RulesError(
        fmt::format("{} problem(s) in the rules; nothing was checked", loaded.errors().size()));
  }
  return std::move(loaded).value();
}

std::string checked_type(const RuleSet& rules, const std::string& type) {
  if (type.empty()) return type;
  std::string known;
  for (const DocumentTypeInfo& t : rules.document_types()) {
    if (t.id == type) return type;
    known += (known.empty() ? "" : ", ") + t.id;
  }
  throw UsageError(fmt::format("--type must be a declared document type ({}), not '{}'",
                               known.empty() ? "none is declared" : known, type));
}

std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    throw UsageError(fmt::format("'{}' is not a size (examples: 500K, 64M, 1G)", text));
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
    throw UsageError(fmt::format("'{}' is not a size (examples: 500K, 64M, 1G)", text));
  }
  if (value > (~0ull) / scale) throw UsageError(fmt::format("'{}' is too large a size", text));
  return value * scale;
}

std::optional<po::variables_map> parse(const std::vector<std::string>& args,
                                       const po::options_description& visible,
                                       std::vector<std::string>& files) {
  po::options_description all;
  all.add(visible);
  all.add_options()("file", po::value(&files)->composing(), "input files");
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return std::nullopt;
  }
  return vm;
}

void print_error(const Error& error) {
  std::cerr << "fzcheck: " << error.to_string() << '\n';
}

}  // namespace fzcheck::cli
