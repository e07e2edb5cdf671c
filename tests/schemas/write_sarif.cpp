// fzcheck_write_sarif [--baselined] FILE...: the SARIF log of the given files, checked with the
// built-in rules, on standard output; a file that cannot be read becomes an error notification.
// --baselined compares each file with a baseline of its own findings but the first, so that the
// log has results marked new and counts of known findings. Used by the CTest sarif-schema, which
// validates the log against the SARIF 2.1.0 schema.
#include <fzcheck/fzcheck.hpp>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  using namespace fzcheck;
  const RuleSet& rules = RuleSet::builtin();
  SarifWriter sarif(std::cout, rules);
  int first = 1;
  const bool baselined = argc > 1 && std::string_view(argv[1]) == "--baselined";
  if (baselined) ++first;
  for (int i = first; i < argc; ++i) {
    auto doc = read_document(argv[i]);
    if (doc) {
      Report report = check(*doc, rules);
      if (baselined) {
        BaselineFile known = to_baseline(report);
        if (!known.findings.empty()) known.findings.erase(known.findings.begin());
        apply_baseline(report, &known);
      }
      sarif.add(report);
    } else {
      sarif.add_error(argv[i], doc.error());
    }
  }
  sarif.finish();
  return std::cout.good() ? 0 : 1;
}
