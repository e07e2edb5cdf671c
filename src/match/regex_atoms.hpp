// What a regular expression needs the text to contain, read from its syntax without compiling it:
// the prefilter of PatternSet. A regex is looked for only in the paragraphs that hold, for every
// clause, at least one of the clause's strings (its "atoms"); compiling a regex with RE2 to learn
// the same thing costs more than most documents' whole check.
//
// The reading is conservative: every match of the regex contains, for each clause, one of its
// atoms. Whatever the reader does not understand matches anything (a clause is not made from it),
// and a pattern it cannot read at all has no clauses (it runs on every paragraph).
//
// Atoms are meant for an automaton that folds ASCII letters: under (?i), an ASCII letter stands for
// both cases, and letters beyond ASCII are spelt in each of their cases.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fzcheck::detail {

// All of the clauses, each one of its atoms (none empty). Empty: nothing is known, the regex can
// match anywhere.
using AtomClauses = std::vector<std::vector<std::string>>;

struct RegexReading {
  AtomClauses clauses;
  int groups = 0;  // capturing groups
};

// The clauses of `pattern` (RE2 syntax) and its number of capturing groups. nullopt when the
// pattern could not be read (a construct this reader does not know, or a syntax error: RE2 then
// says which).
std::optional<RegexReading> read_regex(std::string_view pattern);

}  // namespace fzcheck::detail
