// The regex reader behind the pattern prefilter (src/match/regex_atoms.cpp) against RE2 itself:
// for any pattern both read, the reader's count of capturing groups is RE2's, and every match RE2
// finds in the text holds, for each clause, one of the clause's atoms (ASCII letters folded, as
// the automaton folds them). Input: the pattern, a NUL byte, the text.
#include <re2/re2.h>

#include <algorithm>

#include "common.hpp"
#include "match/regex_atoms.hpp"
#include "text/ascii.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fzcheck::fuzz::bytes(data, size);
  const std::size_t cut = input.find('\0');
  if (cut == std::string_view::npos || cut > 4000) return 0;
  const std::string_view pattern = input.substr(0, cut);
  const std::string_view text = input.substr(cut + 1);
  const auto reading = fzcheck::detail::read_regex(pattern);
  if (!reading) return 0;
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  const RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re.ok()) return 0;
  FUZZ_ASSERT(reading->groups == re.NumberOfCapturingGroups());
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  for (int n = 0; n < 8 && pos <= text.size(); ++n) {
    if (!re.Match(whole, pos, text.size(), RE2::UNANCHORED, &m, 1)) break;
    const std::string_view found(m.data(), m.size());
    for (const auto& clause : reading->clauses) {
      FUZZ_ASSERT(std::any_of(clause.begin(), clause.end(), [&](const std::string& atom) {
        return fzcheck::ascii::ifind(found, atom) != std::string_view::npos;
      }));
    }
    pos = static_cast<std::size_t>(m.data() - text.data()) + std::max<std::size_t>(m.size(), 1);
  }
  return 0;
}
