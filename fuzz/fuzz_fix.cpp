// fzcheck fix on plain text: read (encoding detected), check with the default packs, apply the
// certain corrections, encode like the source; the output must read back in the same encoding to
// exactly the fixed text, and the fixed text must differ from the original only where fixes were
// applied.
#include <algorithm>

#include "common.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/fix.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::text;
  auto doc = fzcheck::read_bytes(fzcheck::fuzz::bytes(data, size), "fuzz.txt", options);
  if (!doc) return 0;
  const fzcheck::Report report = fzcheck::check(*doc, fzcheck::RuleSet::builtin());
  fzcheck::fuzz::check_findings(*doc, report);
  const fzcheck::FixResult fixed = fzcheck::apply_fixes(*doc, report.findings);

  // The original text with the applied fixes made, from the end: the fixed text.
  std::vector<fzcheck::Finding> applied = fixed.applied;
  std::sort(applied.begin(), applied.end(),
            [](const auto& a, const auto& b) { return a.begin_offset > b.begin_offset; });
  std::string expected = doc->text;
  std::uint32_t previous_begin = UINT32_MAX;
  for (const auto& f : applied) {
    FUZZ_ASSERT(f.replacement.has_value());
    FUZZ_ASSERT(f.end_offset <= previous_begin);  // applied fixes do not overlap
    previous_begin = f.begin_offset;
    expected.replace(f.begin_offset, f.end_offset - f.begin_offset, *f.replacement);
  }
  FUZZ_ASSERT(expected == fixed.text);

  auto encoded = fzcheck::encode_like_source(*doc, fixed.text);
  if (!encoded) return 0;  // a character the source's encoding cannot hold: refused, not written
  fzcheck::ReadOptions again = options;
  again.encoding = doc->encoding;
  auto reread = fzcheck::read_bytes(*encoded, "fuzz.txt", again);
  FUZZ_ASSERT(reread.ok());
  FUZZ_ASSERT(reread->text == fixed.text);
  // A byte-order mark is added when the fixed text comes to start with U+FEFF (which would
  // otherwise be read as one).
  FUZZ_ASSERT(reread->had_bom == (doc->had_bom || fixed.text.starts_with("\xEF\xBB\xBF")));
  return 0;
}
