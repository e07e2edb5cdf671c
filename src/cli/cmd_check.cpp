// fzcheck check FILE...: findings for each file; -j N checks files in parallel, output in order.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "cli/cli.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/report.hpp"
#include "report/ui_text.hpp"

namespace fzcheck::cli {

namespace {

struct FileResult {
  std::string output;  // what to print for the file
  std::optional<Error> error;
  std::size_t counts[3] = {0, 0, 0};  // info, warning, error
  bool failing = false;
};

}  // namespace

int run_check(const std::vector<std::string>& args) {
  po::options_description options("fzcheck check [options] FILE...\n\nOptions");
  std::string format = "text";
  std::string fail_on = "error";
  std::string submitted_on, published_on, color = "auto", language = "zh-CN";
  std::vector<std::string> disable, only;
  unsigned jobs = 1;
  ReadFlags read_flags;
  RuleFlags rule_flags;
  options.add_options()("help,h", "show this help")(
      "format,f", po::value(&format)->default_value("text"), "text, json or line")(
      "fail-on", po::value(&fail_on)->default_value("error"),
      "exit 1 when a finding is at or above: error, warning, info or never")(
      "submitted-on", po::value(&submitted_on), "the date the report is submitted (YYYY-MM-DD)")(
      "published-on", po::value(&published_on), "the date the report is published (YYYY-MM-DD)")(
      "disable", po::value(&disable)->composing(), "do not run this rule (repeatable)")(
      "only", po::value(&only)->composing(), "run only this rule (repeatable)")(
      "jobs,j", po::value(&jobs)->default_value(1), "check this many files at once")(
      "color", po::value(&color)->default_value("auto"), "auto, always or never")(
      "lang", po::value(&language)->default_value("zh-CN"),
      "language of the report's own words: zh-CN or en");
  rule_flags.add_to(options);
  read_flags.add_to(options);
  std::vector<std::string> files;
  auto vm = parse(args, options, files);
  if (!vm) return kExitOk;  // --help
  if (format != "text" && format != "json" && format != "line") {
    throw UsageError("--format must be text, json or line, not '" + format + "'");
  }
  if ((*vm)["fail-on"].defaulted() && !rule_flags.config().fail_on.empty())
    fail_on = rule_flags.config().fail_on;
  std::optional<Severity> threshold;
  if (fail_on != "never") {
    threshold = parse_severity(fail_on);
    if (!threshold)
      throw UsageError("--fail-on must be error, warning, info or never, not '" + fail_on + "'");
  }
  if (color != "auto" && color != "always" && color != "never") {
    throw UsageError("--color must be auto, always or never, not '" + color + "'");
  }
  if (!detail::ui_language_known(language))
    throw UsageError("--lang must be zh-CN or en, not '" + language + "'");
  if (jobs == 0 || jobs > 256) throw UsageError("--jobs must be from 1 to 256");
  if (files.empty()) throw UsageError("no input files");

  CheckOptions check_options;
  for (auto [text, target, flag] :
       {std::tuple{&submitted_on, &check_options.submitted_on, "--submitted-on"},
        std::tuple{&published_on, &check_options.published_on, "--published-on"}}) {
    if (text->empty()) continue;
    *target = parse_iso_date(*text);
    if (!*target)
      throw UsageError(fmt::format("{} must be a date as YYYY-MM-DD, not '{}'", flag, *text));
  }
  ReadOptions read_options = read_flags.to_options();
  RuleSet rules = rule_flags.load();
  rule_flags.config().apply(rules, check_options, rule_flags.config_path);
  choose_rules(rules, check_options, disable, only, "");

  TextOptions text_options;
  text_options.color =
      color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  text_options.language = language;

  auto process = [&](const std::string& file) {
    FileResult r;
    auto doc = read_input(file, read_flags, read_options);
    if (!doc) {
      r.error = doc.error();
      if (format == "json") r.output = error_json(file, doc.error());
      return r;
    }
    Report report = check(*doc, rules, check_options);
    for (const Finding& f : report.findings) {
      ++r.counts[static_cast<int>(f.severity)];
      if (threshold && f.severity >= *threshold) r.failing = true;
    }
    std::ostringstream out;
    if (format == "json") {
      out << report_json(report, 2);
    } else if (format == "line") {
      write_line(out, report);
    } else {
      write_text(out, report, *doc, text_options);
    }
    r.output = out.str();
    return r;
  };

  // With -j N, N workers take files in order; the main thread prints each result in order.
  std::vector<std::optional<FileResult>> results(files.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  if (jobs > 1) {
    for (std::size_t w = 0; w < std::min<std::size_t>(jobs, files.size()); ++w) {
      workers.emplace_back([&] {
        for (std::size_t i; (i = next++) < files.size();) {
          FileResult r = process(files[i]);
          std::lock_guard lock(mutex);
          results[i] = std::move(r);
          ready.notify_all();
        }
      });
    }
  }

  // Progress goes to stderr only when it is a terminal and the findings go elsewhere.
  const bool progress = files.size() > 1 && ::isatty(STDERR_FILENO) && !::isatty(STDOUT_FILENO);
  int status = kExitOk;
  std::size_t totals[3] = {0, 0, 0};
  std::size_t unreadable = 0;
  if (format == "json") std::cout << "{\n  \"files\": [";
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (workers.empty()) {
      results[i] = process(files[i]);
    } else {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return results[i].has_value(); });
    }
    FileResult& r = *results[i];
    if (r.error) {
      print_error(*r.error);
      ++unreadable;
      status = kExitUsage;
    } else if (r.failing && status == kExitOk) {
      status = kExitFindings;
    }
    for (int s = 0; s < 3; ++s) totals[s] += r.counts[s];
    if (format == "json") {
      std::cout << (i == 0 ? "\n    " : ",\n    ") << indent_continuation(r.output, "    ");
    } else {
      std::cout << r.output;
    }
    std::cout.flush();
    results[i].reset();
    if (progress) {
      std::cerr << '\r'
                << detail::ui_text(
                       language, "progress",
                       {{"done", std::to_string(i + 1)}, {"total", std::to_string(files.size())}})
                << std::flush;
    }
  }
  if (progress) std::cerr << '\n';
  for (auto& t : workers) t.join();
  if (format == "json") {
    std::cout << "\n  ]\n}\n";
  } else if (format == "text") {
    std::cout << detail::ui_text(language, "summary",
                                 {{"files", std::to_string(files.size())},
                                  {"errors", std::to_string(totals[2])},
                                  {"warnings", std::to_string(totals[1])},
                                  {"infos", std::to_string(totals[0])}});
    if (unreadable)
      std::cout << detail::ui_text(language, "list_separator")
                << detail::ui_text(language, "unreadable", {{"count", std::to_string(unreadable)}});
    std::cout << '\n';
  }
  // An unreadable file outranks findings in the exit status.
  return status;
}

}  // namespace fzcheck::cli
