/* The C API, from C99: the findings of a sample report against its written-down golden list,
 * options, buffers, the required parts, errors, and two threads sharing one rule set.
 * Usage: capi_test SOURCE_DIR */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fzcheck/fzcheck.h"

static int failures = 0;

#define EXPECT(condition)                                                     \
  do {                                                                        \
    if (!(condition)) {                                                       \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

static char sample[1024], golden[1024], copied[1024], copied_previous[1024];

/* Compares the report's findings, in order, with the golden file's "line:column:rule:severity"
 * lines. */
static void expect_golden(const fzcheck_report* report) {
  static const char* const names[] = {"info", "warning", "error"};
  FILE* in = fopen(golden, "r");
  char line[4096];
  size_t index = 0;
  EXPECT(in != NULL);
  if (in == NULL) return;
  while (fgets(line, sizeof line, in) != NULL) {
    fzcheck_finding f;
    char got[512];
    const char* expected = line;
    line[strcspn(line, " \n")] = '\0';
    if (fzcheck_report_finding(report, index, &f) != FZCHECK_OK) {
      fprintf(stderr, "finding %zu is missing: %s\n", index, expected);
      ++failures;
      break;
    }
    snprintf(got, sizeof got, "%u:%u:%s:%s", (unsigned)f.line, (unsigned)f.column, f.rule_id,
             names[f.severity]);
    if (strcmp(expected, got) != 0) {
      fprintf(stderr, "finding %zu: expected %s, got %s\n", index, expected, got);
      ++failures;
    }
    EXPECT(f.message != NULL && f.message[0] != '\0');
    EXPECT(f.source != NULL && f.source[0] != '\0');
    EXPECT(f.fingerprint != NULL && strlen(f.fingerprint) == 16);
    ++index;
  }
  fclose(in);
  EXPECT(index == fzcheck_report_finding_count(report));
}

struct job {
  const fzcheck_rules* rules;
  size_t count;
};

static void* check_in_thread(void* arg) {
  struct job* job = (struct job*)arg;
  int i;
  for (i = 0; i < 5; ++i) {
    fzcheck_report* report = NULL;
    if (fzcheck_check_file(job->rules, sample, NULL, &report) == FZCHECK_OK) {
      job->count += fzcheck_report_finding_count(report);
    }
    fzcheck_report_free(report);
  }
  return NULL;
}

int main(int argc, char** argv) {
  fzcheck_rules* rules = NULL;
  fzcheck_report* report = NULL;
  fzcheck_options options;
  fzcheck_part part;
  fzcheck_finding f;
  size_t i, total;
  const char* only[] = {"heading-form"};
  const char* text =
      "\xe6\x9f\x90\xe5\x8e\xbf\xe5\x8f\xb8\xe6\xb3\x95\xe5\xb1\x80"; /* 某县司法局 */

  if (argc != 2) {
    fprintf(stderr, "usage: capi_test SOURCE_DIR\n");
    return 2;
  }
  snprintf(sample, sizeof sample, "%s/examples/reports/000_564c8ac60a8ddf78.txt", argv[1]);
  snprintf(golden, sizeof golden, "%s/tests/golden/findings/000_564c8ac60a8ddf78.expected",
           argv[1]);
  snprintf(copied, sizeof copied, "%s/rules/fazhi-report/last-year-plan/fail/not-done.txt",
           argv[1]);
  snprintf(copied_previous, sizeof copied_previous,
           "%s/rules/fazhi-report/last-year-plan/fail/not-done.previous.txt", argv[1]);

  EXPECT(strcmp(fzcheck_version(), FZCHECK_EXPECTED_VERSION) == 0);
  EXPECT(strcmp(fzcheck_status_name(FZCHECK_OK), "ok") == 0);
  EXPECT(strcmp(fzcheck_status_name(FZCHECK_NOT_FOUND), "not_found") == 0);
  EXPECT(strcmp(fzcheck_status_name(FZCHECK_INTERNAL), "internal") == 0);

  EXPECT(fzcheck_rules_builtin(&rules) == FZCHECK_OK);
  EXPECT(rules != NULL);

  /* A sample report: its findings are the golden ones, its type and parts are known. */
  EXPECT(fzcheck_check_file(rules, sample, NULL, &report) == FZCHECK_OK);
  expect_golden(report);
  EXPECT(strcmp(fzcheck_report_document_type(report), "fazhi-report") == 0);
  EXPECT(fzcheck_report_year(report) == 2024);
  EXPECT(fzcheck_report_part_count(report) == 4);
  EXPECT(fzcheck_report_part(report, 0, &part) == FZCHECK_OK);
  EXPECT(strcmp(part.pack, "fazhi-report") == 0);
  EXPECT(part.how != NULL && part.how[0] != '\0');
  EXPECT(fzcheck_report_part(report, 4, &part) == FZCHECK_USAGE);
  EXPECT(fzcheck_report_finding(report, fzcheck_report_finding_count(report), &f) == FZCHECK_USAGE);
  total = fzcheck_report_count(report, FZCHECK_INFO) +
          fzcheck_report_count(report, FZCHECK_WARNING) +
          fzcheck_report_count(report, FZCHECK_ERROR);
  EXPECT(total == fzcheck_report_finding_count(report));
  EXPECT(strstr(fzcheck_report_json(report), "\"findings\"") != NULL);
  fzcheck_report_free(report);
  report = NULL;

  /* Options: only one rule, then only errors. */
  fzcheck_options_init(&options);
  options.only = only;
  options.only_count = 1;
  EXPECT(fzcheck_check_file(rules, sample, &options, &report) == FZCHECK_OK);
  EXPECT(fzcheck_report_finding_count(report) > 0);
  for (i = 0; i < fzcheck_report_finding_count(report); ++i) {
    fzcheck_report_finding(report, i, &f);
    EXPECT(strcmp(f.rule_id, "heading-form") == 0);
  }
  fzcheck_report_free(report);
  fzcheck_options_init(&options);
  options.min_severity = FZCHECK_ERROR;
  EXPECT(fzcheck_check_file(rules, sample, &options, &report) == FZCHECK_OK);
  EXPECT(fzcheck_report_finding_count(report) == fzcheck_report_count(report, FZCHECK_ERROR));
  fzcheck_report_free(report);
  options.submitted_on = "2025-13-40";
  EXPECT(fzcheck_check_file(rules, sample, &options, &report) == FZCHECK_USAGE);
  EXPECT(report == NULL);
  EXPECT(strstr(fzcheck_last_error(), "YYYY-MM-DD") != NULL);

  /* Beside last year's report: the sample with itself is refused, a missing one is an error. */
  EXPECT(fzcheck_check_file_previous(rules, sample, sample, NULL, &report) == FZCHECK_USAGE);
  EXPECT(report == NULL);
  EXPECT(strstr(fzcheck_last_error(), "previous_path") != NULL);
  EXPECT(fzcheck_check_file_previous(rules, sample, "/nonexistent/2023.txt", NULL, &report) ==
         FZCHECK_NOT_FOUND);
  EXPECT(strstr(fzcheck_last_error(), "/nonexistent/2023.txt") != NULL);
  EXPECT(fzcheck_check_file_previous(rules, copied, copied_previous, NULL, &report) == FZCHECK_OK);
  EXPECT(strstr(fzcheck_report_json(report), "\"previous\"") != NULL);
  EXPECT(strstr(fzcheck_report_json(report), "copied-from-last-year") != NULL);
  EXPECT(strstr(fzcheck_report_json(report), "last-year-plan") != NULL);
  fzcheck_report_free(report);
  report = NULL;

  /* A buffer. */
  EXPECT(fzcheck_check_buffer(rules, text, strlen(text), "memo.txt", NULL, &report) == FZCHECK_OK);
  EXPECT(strcmp(fzcheck_report_document_type(report), "fazhi-report") != 0);
  fzcheck_report_free(report);

  /* Errors: a missing file, a binary buffer, NULL arguments, a pack that does not exist. */
  EXPECT(fzcheck_check_file(rules, "/nonexistent/report.txt", NULL, &report) == FZCHECK_NOT_FOUND);
  EXPECT(strstr(fzcheck_last_error(), "/nonexistent/report.txt") != NULL);
  EXPECT(fzcheck_check_buffer(rules, "%PDF-1.7\n", 9, "x.pdf", NULL, &report) ==
         FZCHECK_UNSUPPORTED_FORMAT);
  EXPECT(fzcheck_check_file(NULL, sample, NULL, &report) == FZCHECK_USAGE);
  EXPECT(fzcheck_check_file(rules, sample, NULL, NULL) == FZCHECK_USAGE);
  {
    fzcheck_rules* bad = NULL;
    const char* dirs[] = {"/nonexistent/pack"};
    EXPECT(fzcheck_rules_load(dirs, 1, 1, &bad) != FZCHECK_OK);
    EXPECT(bad == NULL);
    EXPECT(strstr(fzcheck_last_error(), "/nonexistent/pack") != NULL);
  }

  /* Two threads, one rule set. */
  {
    struct job a = {NULL, 0}, b = {NULL, 0};
    pthread_t ta, tb;
    a.rules = b.rules = rules;
    EXPECT(pthread_create(&ta, NULL, check_in_thread, &a) == 0);
    EXPECT(pthread_create(&tb, NULL, check_in_thread, &b) == 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    EXPECT(a.count == b.count);
    EXPECT(a.count == 5 * total);
  }

  fzcheck_rules_free(rules);
  fzcheck_report_free(NULL);
  fzcheck_rules_free(NULL);
  if (failures == 0) printf("capi: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
