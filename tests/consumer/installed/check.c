/* Checks a report with fzcheck's C API; prints line:column:rule:severity per finding. */
#include <fzcheck/fzcheck.h>
#include <stdio.h>

int main(int argc, char** argv) {
  static const char* const severity[] = {"info", "warning", "error"};
  fzcheck_rules* rules = NULL;
  fzcheck_report* report = NULL;
  size_t i;
  if (argc != 2 || fzcheck_rules_builtin(&rules) != FZCHECK_OK) return 2;
  if (fzcheck_check_file(rules, argv[1], NULL, &report) != FZCHECK_OK) {
    fprintf(stderr, "%s\n", fzcheck_last_error());
    return 2;
  }
  for (i = 0; i < fzcheck_report_finding_count(report); ++i) {
    fzcheck_finding f;
    fzcheck_report_finding(report, i, &f);
    printf("%u:%u:%s:%s\n", (unsigned)f.line, (unsigned)f.column, f.rule_id, severity[f.severity]);
  }
  fzcheck_report_free(report);
  fzcheck_rules_free(rules);
  return 0;
}
