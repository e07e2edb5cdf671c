// fzcheck_write_sarif FILE...: the SARIF log of the given files, checked with the built-in rules,
// on standard output; a file that cannot be read becomes an error notification. Used by the
// CTest sarif-schema, which validates the log against the SARIF 2.1.0 schema.
#include <fzcheck/fzcheck.hpp>
#include <iostream>

int main(int argc, char** argv) {
  using namespace fzcheck;
  const RuleSet& rules = RuleSet::builtin();
  SarifWriter sarif(std::cout, rules);
  for (int i = 1; i < argc; ++i) {
    auto doc = read_document(argv[i]);
    if (doc) {
      sarif.add(check(*doc, rules));
    } else {
      sarif.add_error(argv[i], doc.error());
    }
  }
  sarif.finish();
  return std::cout.good() ? 0 : 1;
}
