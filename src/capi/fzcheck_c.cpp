// The C API (include/fzcheck/fzcheck.h) over the C++ one. No exception crosses it: every entry
// point catches and turns what it caught into a status and fzcheck_last_error().
#include "fzcheck/fzcheck.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/check.hpp"
#include "fzcheck/date.hpp"
#include "fzcheck/read.hpp"
#include "fzcheck/report.hpp"
#include "fzcheck/rules.hpp"

#ifndef FZCHECK_VERSION
#error "FZCHECK_VERSION must be defined for the library (CMakeLists.txt)"
#endif

struct fzcheck_rules {
  std::optional<fzcheck::RuleSet> loaded;  // empty: the built-in packs
  const fzcheck::RuleSet& get() const { return loaded ? *loaded : fzcheck::RuleSet::builtin(); }
};

struct fzcheck_report {
  fzcheck::Report report;
  std::string json;
};

namespace {

thread_local std::string last_error;

// The C statuses are the error codes plus one (FZCHECK_OK is 0).
static_assert(static_cast<int>(fzcheck::ErrorCode::not_found) + 1 == FZCHECK_NOT_FOUND);
static_assert(static_cast<int>(fzcheck::ErrorCode::unsupported_format) + 1 ==
              FZCHECK_UNSUPPORTED_FORMAT);
static_assert(static_cast<int>(fzcheck::ErrorCode::internal) + 1 == FZCHECK_INTERNAL);
static_assert(static_cast<int>(fzcheck::Severity::error) == FZCHECK_ERROR);

fzcheck_status status_of(fzcheck::ErrorCode code) {
  return static_cast<fzcheck_status>(static_cast<int>(code) + 1);
}

fzcheck_status fail(const std::vector<fzcheck::Error>& errors) {
  last_error.clear();
  for (const fzcheck::Error& e : errors) {
    if (!last_error.empty()) last_error += '\n';
    last_error += e.to_string();
  }
  return errors.empty() ? FZCHECK_INTERNAL : status_of(errors.front().code);
}

fzcheck_status usage(const char* message) {
  last_error = message;
  return FZCHECK_USAGE;
}

// Runs `body`, turning exceptions into statuses.
template <class Body>
fzcheck_status guarded(Body&& body) noexcept {
  try {
    last_error.clear();
    return body();
  } catch (const std::bad_alloc&) {
    last_error = "out of memory";
    return FZCHECK_INTERNAL;
  } catch (const std::exception& e) {
    last_error = std::string("internal error: ") + e.what();
    return FZCHECK_INTERNAL;
  } catch (...) {
    last_error = "internal error";
    return FZCHECK_INTERNAL;
  }
}

// The check options of `options` (NULL: defaults); a usage error for a bad date.
fzcheck_status to_check_options(const fzcheck_options* options, fzcheck::CheckOptions& out,
                                fzcheck::ReadOptions& read) {
  if (options == nullptr) return FZCHECK_OK;
  for (auto [text, target] : {std::pair{options->submitted_on, &out.submitted_on},
                              std::pair{options->published_on, &out.published_on}}) {
    if (text == nullptr) continue;
    *target = fzcheck::parse_iso_date(text);
    if (!*target) return usage("a date must be written YYYY-MM-DD");
  }
  if (options->document_type != nullptr) out.document_type = options->document_type;
  for (std::size_t i = 0; i < options->disabled_count; ++i) {
    if (options->disabled[i] != nullptr) out.disabled.insert(options->disabled[i]);
  }
  for (std::size_t i = 0; i < options->only_count; ++i) {
    if (options->only[i] != nullptr) out.only.insert(options->only[i]);
  }
  if (options->max_file_bytes > 0) read.max_file_bytes = options->max_file_bytes;
  return FZCHECK_OK;
}

fzcheck_status finish_check(const fzcheck_rules* rules, const fzcheck_options* options,
                            const fzcheck::CheckOptions& check_options,
                            fzcheck::Result<fzcheck::Document> doc, fzcheck_report** out) {
  if (!doc) return fail(doc.errors());
  if (const std::string& id = check_options.document_type; !id.empty()) {
    const auto& types = rules->get().document_types();
    if (std::none_of(types.begin(), types.end(), [&](const auto& t) { return t.id == id; }))
      return usage("options.document_type is not a document type of these rules");
  }
  auto report = std::make_unique<fzcheck_report>();
  report->report = fzcheck::check(*doc, rules->get(), check_options);
  const fzcheck::Severity min =
      options ? static_cast<fzcheck::Severity>(options->min_severity) : fzcheck::Severity::info;
  std::erase_if(report->report.findings,
                [&](const fzcheck::Finding& f) { return f.severity < min; });
  std::ostringstream json;
  fzcheck::write_json(json, report->report, 2);
  report->json = std::move(json).str();
  *out = report.release();
  return FZCHECK_OK;
}

bool valid_severity(const fzcheck_options* options) {
  return options == nullptr ||
         (options->min_severity >= FZCHECK_INFO && options->min_severity <= FZCHECK_ERROR);
}

}  // namespace

extern "C" {

const char* fzcheck_version(void) {
  return FZCHECK_VERSION;
}

const char* fzcheck_last_error(void) {
  return last_error.c_str();
}

const char* fzcheck_status_name(fzcheck_status status) {
  if (status == FZCHECK_OK) return "ok";
  if (status < FZCHECK_NOT_FOUND || status > FZCHECK_INTERNAL) return "unknown";
  return fzcheck::to_string(static_cast<fzcheck::ErrorCode>(static_cast<int>(status) - 1));
}

fzcheck_status fzcheck_rules_builtin(fzcheck_rules** out) {
  if (out == nullptr) return usage("out is NULL");
  return guarded([&] {
    (void)fzcheck::RuleSet::builtin();  // loaded (and checked) once, here
    *out = new fzcheck_rules{};
    return FZCHECK_OK;
  });
}

fzcheck_status fzcheck_rules_load(const char* const* dirs, size_t count, int with_builtin,
                                  fzcheck_rules** out) {
  if (out == nullptr) return usage("out is NULL");
  *out = nullptr;
  if (dirs == nullptr && count > 0) return usage("dirs is NULL");
  return guarded([&] {
    std::vector<std::filesystem::path> paths;
    for (std::size_t i = 0; i < count; ++i) {
      if (dirs[i] == nullptr) return usage("a rule directory is NULL");
      paths.emplace_back(dirs[i]);
    }
    auto loaded = fzcheck::RuleSet::load(paths, with_builtin != 0);
    if (!loaded) return fail(loaded.errors());
    *out = new fzcheck_rules{std::move(*loaded)};
    return FZCHECK_OK;
  });
}

void fzcheck_rules_free(fzcheck_rules* rules) {
  delete rules;
}

void fzcheck_options_init(fzcheck_options* options) {
  if (options == nullptr) return;
  *options = fzcheck_options{};
  options->min_severity = FZCHECK_INFO;
  options->max_file_bytes = fzcheck::ReadOptions{}.max_file_bytes;
}

fzcheck_status fzcheck_check_file(const fzcheck_rules* rules, const char* path,
                                  const fzcheck_options* options, fzcheck_report** out) {
  if (out == nullptr) return usage("out is NULL");
  *out = nullptr;
  if (rules == nullptr || path == nullptr) return usage("rules and path must not be NULL");
  if (!valid_severity(options)) return usage("options.min_severity is not a severity");
  return guarded([&] {
    fzcheck::CheckOptions check_options;
    fzcheck::ReadOptions read_options;
    if (auto s = to_check_options(options, check_options, read_options); s != FZCHECK_OK) return s;
    return finish_check(rules, options, check_options, fzcheck::read_document(path, read_options),
                        out);
  });
}

fzcheck_status fzcheck_check_file_previous(const fzcheck_rules* rules, const char* path,
                                           const char* previous_path,
                                           const fzcheck_options* options, fzcheck_report** out) {
  if (out == nullptr) return usage("out is NULL");
  *out = nullptr;
  if (rules == nullptr || path == nullptr || previous_path == nullptr)
    return usage("rules, path and previous_path must not be NULL");
  if (!valid_severity(options)) return usage("options.min_severity is not a severity");
  return guarded([&] {
    std::error_code ec;
    if (std::string_view(path) == previous_path ||
        std::filesystem::equivalent(path, previous_path, ec))
      return usage("previous_path is the file being checked: give last year's report");
    fzcheck::CheckOptions check_options;
    fzcheck::ReadOptions read_options;
    if (auto s = to_check_options(options, check_options, read_options); s != FZCHECK_OK) return s;
    auto previous = fzcheck::read_document(previous_path, read_options);
    if (!previous) return fail(previous.errors());
    check_options.previous = std::make_shared<const fzcheck::Document>(std::move(*previous));
    return finish_check(rules, options, check_options, fzcheck::read_document(path, read_options),
                        out);
  });
}

fzcheck_status fzcheck_check_buffer(const fzcheck_rules* rules, const char* data, size_t size,
                                    const char* name, const fzcheck_options* options,
                                    fzcheck_report** out) {
  if (out == nullptr) return usage("out is NULL");
  *out = nullptr;
  if (rules == nullptr || (data == nullptr && size > 0))
    return usage("rules and data must not be NULL");
  if (!valid_severity(options)) return usage("options.min_severity is not a severity");
  return guarded([&] {
    fzcheck::CheckOptions check_options;
    fzcheck::ReadOptions read_options;
    if (auto s = to_check_options(options, check_options, read_options); s != FZCHECK_OK) return s;
    std::string_view bytes(data == nullptr ? "" : data, size);
    return finish_check(rules, options, check_options,
                        fzcheck::read_bytes(bytes, name ? name : "<memory>", read_options), out);
  });
}

void fzcheck_report_free(fzcheck_report* report) {
  delete report;
}

size_t fzcheck_report_finding_count(const fzcheck_report* report) {
  return report ? report->report.findings.size() : 0;
}

fzcheck_status fzcheck_report_finding(const fzcheck_report* report, size_t index,
                                      fzcheck_finding* out) {
  if (report == nullptr || out == nullptr) return usage("report and out must not be NULL");
  if (index >= report->report.findings.size()) return usage("no finding has that index");
  const fzcheck::Finding& f = report->report.findings[index];
  out->rule_id = f.rule_id.c_str();
  out->severity = static_cast<fzcheck_severity>(f.severity);
  out->message = f.message.c_str();
  out->line = f.begin.line;
  out->column = f.begin.column;
  out->end_line = f.end.line;
  out->end_column = f.end.column;
  out->begin_offset = f.begin_offset;
  out->end_offset = f.end_offset;
  out->excerpt = f.excerpt.c_str();
  out->replacement = f.replacement ? f.replacement->c_str() : nullptr;
  out->source = f.source.c_str();
  out->heading = f.heading.c_str();
  out->fingerprint = f.fingerprint.c_str();
  return FZCHECK_OK;
}

size_t fzcheck_report_count(const fzcheck_report* report, fzcheck_severity severity) {
  if (report == nullptr || severity < FZCHECK_INFO || severity > FZCHECK_ERROR) return 0;
  return report->report.count(static_cast<fzcheck::Severity>(severity));
}

const char* fzcheck_report_document_type(const fzcheck_report* report) {
  return report ? report->report.type.id.c_str() : "";
}

const char* fzcheck_report_document_type_name(const fzcheck_report* report) {
  return report ? report->report.type.name.c_str() : "";
}

int fzcheck_report_year(const fzcheck_report* report) {
  return report ? report->report.year : 0;
}

size_t fzcheck_report_part_count(const fzcheck_report* report) {
  return report ? report->report.parts.size() : 0;
}

fzcheck_status fzcheck_report_part(const fzcheck_report* report, size_t index, fzcheck_part* out) {
  if (report == nullptr || out == nullptr) return usage("report and out must not be NULL");
  if (index >= report->report.parts.size()) return usage("no part has that index");
  const fzcheck::PartStatus& p = report->report.parts[index];
  out->pack = p.pack.c_str();
  out->id = p.id.c_str();
  out->name = p.name.c_str();
  out->how = fzcheck::to_string(p.how);
  out->line = p.line;
  return FZCHECK_OK;
}

const char* fzcheck_report_json(const fzcheck_report* report) {
  return report ? report->json.c_str() : "";
}

}  // extern "C"
