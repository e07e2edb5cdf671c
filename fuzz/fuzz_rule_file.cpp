// The YAML rule loader on one rule file: the input is written as rule.yaml and loaded. It loads
// or every problem is reported with a position; it never crashes, hangs or explodes.
#include "common.hpp"
#include "fzcheck/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto file = fzcheck::fuzz::scratch() / "rule" / "rule.yaml";
  fzcheck::fuzz::write_file(file, fzcheck::fuzz::bytes(data, size));
  auto rules = fzcheck::RuleSet::load(file);
  if (!rules) {
    for (const auto& e : rules.errors()) FUZZ_ASSERT(!e.message.empty());
  }
  return 0;
}
