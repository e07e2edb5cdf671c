/* fzcheck's C API (C99): check a report from C, or from any language with a C foreign-function
 * interface (Python ctypes, Go cgo, Java FFM, C#). No C++ type crosses it.
 *
 *   fzcheck_rules *rules = NULL;
 *   fzcheck_report *report = NULL;
 *   if (fzcheck_rules_builtin(&rules) != FZCHECK_OK) { puts(fzcheck_last_error()); return 1; }
 *   if (fzcheck_check_file(rules, "report.docx", NULL, &report) == FZCHECK_OK) {
 *     for (size_t i = 0; i < fzcheck_report_finding_count(report); ++i) {
 *       fzcheck_finding f;
 *       fzcheck_report_finding(report, i, &f);
 *       printf("%u:%u %s %s\n", f.line, f.column, f.rule_id, f.message);
 *     }
 *   }
 *   fzcheck_report_free(report);
 *   fzcheck_rules_free(rules);
 *
 * Memory: every object a function creates is freed by its own *_free function; strings returned
 * (const char*) belong to the object they come from and live as long as it. Strings are UTF-8.
 *
 * Threads: a rule set is immutable once loaded and may be used by any number of threads at once;
 * a report belongs to the thread that uses it (reading it from several threads at once is safe,
 * freeing it while another reads is not). fzcheck_last_error() is per thread.
 */
#ifndef FZCHECK_FZCHECK_H
#define FZCHECK_FZCHECK_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define FZCHECK_C_API __attribute__((visibility("default")))
#else
#define FZCHECK_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* What went wrong. FZCHECK_OK is 0; the others follow the library's error codes. */
typedef enum fzcheck_status {
  FZCHECK_OK = 0,
  FZCHECK_NOT_FOUND = 1,  /* the path does not exist */
  FZCHECK_NOT_A_FILE = 2, /* a directory or another non-regular file */
  FZCHECK_IO = 3,         /* the operating system refused to read */
  FZCHECK_EMPTY = 4,      /* the file holds no text */
  FZCHECK_TOO_LARGE = 5,  /* above the size limit */
  FZCHECK_BINARY = 6,     /* not text */
  FZCHECK_ENCODING = 7,   /* not valid in any supported encoding */
  FZCHECK_UNSUPPORTED_FORMAT =
      8,               /* .pdf, legacy .doc, an image … (the message says how to convert) */
  FZCHECK_CORRUPT = 9, /* a damaged .docx (zip, XML) */
  FZCHECK_LIMIT_EXCEEDED = 10, /* a safety limit (nesting, decompressed size, ratio) */
  FZCHECK_RULE_SYNTAX = 11,    /* a rule file is not valid YAML */
  FZCHECK_RULE_SCHEMA = 12,    /* a rule file is not a valid rule */
  FZCHECK_USAGE = 13,          /* a bad argument (NULL where an object is needed, bad option) */
  FZCHECK_INTERNAL = 14        /* a bug in fzcheck */
} fzcheck_status;

typedef enum fzcheck_severity {
  FZCHECK_INFO = 0,
  FZCHECK_WARNING = 1,
  FZCHECK_ERROR = 2
} fzcheck_severity;

typedef struct fzcheck_rules fzcheck_rules;
typedef struct fzcheck_report fzcheck_report;

/* The library's version ("0.2.0"). */
FZCHECK_C_API const char* fzcheck_version(void);

/* The message of the last failed call on this thread ("file:line:column: message"; several
 * problems, as when a rule pack has many, one per line); "" when there was none. */
FZCHECK_C_API const char* fzcheck_last_error(void);

/* "ok", "not_found", … for a status. */
FZCHECK_C_API const char* fzcheck_status_name(fzcheck_status status);

/* The built-in rule packs. */
FZCHECK_C_API fzcheck_status fzcheck_rules_builtin(fzcheck_rules** out);

/* The rule packs in `dirs` (`count` of them), with the built-in packs too when `with_builtin` is
 * not 0. Every problem in every pack is in fzcheck_last_error(). */
FZCHECK_C_API fzcheck_status fzcheck_rules_load(const char* const* dirs, size_t count,
                                                int with_builtin, fzcheck_rules** out);

FZCHECK_C_API void fzcheck_rules_free(fzcheck_rules* rules);

/* How to check. Initialise with fzcheck_options_init, then set what you need. */
typedef struct fzcheck_options {
  const char* submitted_on;    /* "YYYY-MM-DD" or NULL */
  const char* published_on;    /* "YYYY-MM-DD" or NULL */
  const char* document_type;   /* check as this type ("fazhi-report"); NULL: recognise */
  const char* const* disabled; /* rule ids not to run */
  size_t disabled_count;
  const char* const* only; /* if any, run only these rule ids */
  size_t only_count;
  fzcheck_severity min_severity; /* findings below it are left out (default FZCHECK_INFO) */
  uint64_t max_file_bytes;       /* larger files are refused (default 64 MiB) */
} fzcheck_options;

FZCHECK_C_API void fzcheck_options_init(fzcheck_options* options);

/* Reads and checks a file (.txt in UTF-8/GB18030/UTF-16, .docx, .html). `options` may be NULL. */
FZCHECK_C_API fzcheck_status fzcheck_check_file(const fzcheck_rules* rules, const char* path,
                                                const fzcheck_options* options,
                                                fzcheck_report** out);

/* The same, beside last year's report of the same organ (`previous_path`, read like `path`): the
 * rules that compare the two run too (docs/cli.md, "Last year's report"). The same path for both is
 * a usage error; a previous report that cannot be read is an error like an unreadable `path`. */
FZCHECK_C_API fzcheck_status fzcheck_check_file_previous(const fzcheck_rules* rules,
                                                         const char* path,
                                                         const char* previous_path,
                                                         const fzcheck_options* options,
                                                         fzcheck_report** out);

/* The same for a file's bytes in memory; `name` is used in messages and as the report's file. */
FZCHECK_C_API fzcheck_status fzcheck_check_buffer(const fzcheck_rules* rules, const char* data,
                                                  size_t size, const char* name,
                                                  const fzcheck_options* options,
                                                  fzcheck_report** out);

FZCHECK_C_API void fzcheck_report_free(fzcheck_report* report);

/* One finding. Lines and columns are 1-based, columns in Unicode code points; offsets are bytes
 * of the document's UTF-8 text. `replacement` is NULL when there is no certain correction;
 * `heading` is "" when the finding is under no heading; `fingerprint` stays the same when the
 * document is edited elsewhere (docs/baseline.md). */
typedef struct fzcheck_finding {
  const char* rule_id;
  fzcheck_severity severity;
  const char* message;
  uint32_t line, column, end_line, end_column;
  uint32_t begin_offset, end_offset;
  const char* excerpt;
  const char* replacement;
  const char* source;
  const char* heading;
  const char* fingerprint;
} fzcheck_finding;

FZCHECK_C_API size_t fzcheck_report_finding_count(const fzcheck_report* report);
/* Fills `out` with finding `index` (0-based); FZCHECK_USAGE when there is no such finding. */
FZCHECK_C_API fzcheck_status fzcheck_report_finding(const fzcheck_report* report, size_t index,
                                                    fzcheck_finding* out);
/* How many findings have this severity. */
FZCHECK_C_API size_t fzcheck_report_count(const fzcheck_report* report, fzcheck_severity severity);

/* What the document was taken for: its id ("fazhi-report") and name (法治政府建设年度报告). */
FZCHECK_C_API const char* fzcheck_report_document_type(const fzcheck_report* report);
FZCHECK_C_API const char* fzcheck_report_document_type_name(const fzcheck_report* report);
/* The year the report is about; 0 when unknown. */
FZCHECK_C_API int fzcheck_report_year(const fzcheck_report* report);

/* Where a required part is. `how` is "heading", "thematic", "subheading", "paragraph",
 * "sentence", "missing" or "unknown"; `line` is 0 when it was not found. */
typedef struct fzcheck_part {
  const char* pack;
  const char* id;
  const char* name;
  const char* how;
  uint32_t line;
} fzcheck_part;

FZCHECK_C_API size_t fzcheck_report_part_count(const fzcheck_report* report);
FZCHECK_C_API fzcheck_status fzcheck_report_part(const fzcheck_report* report, size_t index,
                                                 fzcheck_part* out);

/* The whole report as JSON (the format of `fzcheck check --format json` for one file's object:
 * docs/check-json.md). */
FZCHECK_C_API const char* fzcheck_report_json(const fzcheck_report* report);

#ifdef __cplusplus
}
#endif

#endif /* FZCHECK_FZCHECK_H */
