// Checks a report with fzcheck's C++ API; prints line:column:rule:severity per finding.
#include <fzcheck/fzcheck.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  auto doc = fzcheck::read_document(argv[1]);
  if (!doc) {
    std::cerr << doc.error().to_string() << '\n';
    return 2;
  }
  fzcheck::Report report = fzcheck::check(*doc, fzcheck::RuleSet::builtin());
  for (const fzcheck::Finding& f : report.findings) {
    std::cout << f.begin.line << ':' << f.begin.column << ':' << f.rule_id << ':'
              << fzcheck::to_string(f.severity) << '\n';
  }
  return 0;
}
