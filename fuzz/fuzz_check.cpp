// check() with the default packs on arbitrary UTF-8 text: every rule of every built-in pack runs
// on whatever structure the builder made of it. Findings must lie inside the text.
#include "common.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto doc = fzcheck::parse_text(fzcheck::fuzz::bytes(data, size), "fuzz.txt");
  if (!doc) return 0;
  const fzcheck::Report report = fzcheck::check(*doc, fzcheck::RuleSet::builtin());
  fzcheck::fuzz::check_findings(*doc, report);
  return 0;
}
