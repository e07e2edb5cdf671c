// Every pattern of a rule set (literal terms and RE2 regular expressions), compiled together so
// that a document is scanned once: one Aho–Corasick pass finds all literals and the required
// literals ("atoms") of every regex; a regex then runs only on the paragraphs that hold its atoms
// (regex_atoms.hpp reads them from the pattern's syntax, without compiling it), and only on the
// paragraphs of the places its users look at (Where). Regexes without atoms run on every paragraph
// of those places.
//
// A regex of a built-in rule (trusted: the test suite compiles each one) is compiled on its first
// use, so that a document pays only for the regexes whose atoms it holds. When it has bounded
// repetitions, a stand-in with the bounds lifted ({0,30} → {0,}), which matches wherever the regex
// does and is a fraction of the cost to compile, first says whether a paragraph needs it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "fzcheck/document.hpp"
#include "match/aho_corasick.hpp"

namespace re2 {
class RE2;
}  // namespace re2

namespace fzcheck::detail {

using PatternId = std::uint32_t;

// Where the matches of a pattern are looked for by the scan: a pattern is added with the places
// its user reads (the union of them when several rules share it). nowhere: never by the scan,
// only on demand, through find_in_text() (a title joined from its lines) or paragraph_matches()
// (a required part's content); signature, title: in the paragraphs of the signature, of the
// title.
enum class Where : std::uint8_t { nowhere = 0, signature = 1, title = 2, everywhere = 0xFF };
inline Where operator|(Where a, Where b) noexcept {
  return static_cast<Where>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}

// `pattern` with every bounded repetition {n,m} made unbounded ({n,}), outside character classes
// and escapes: a regex that matches wherever `pattern` matches. `pattern` itself when there is
// none or the pattern has a construct this does not read (\Q…\E).
std::string lift_repetition_bounds(std::string_view pattern);

struct Match {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class MatchIndex;

class PatternSet {
 public:
  PatternSet();
  ~PatternSet();
  PatternSet(PatternSet&&) noexcept;
  PatternSet& operator=(PatternSet&&) noexcept;

  // The same text added twice gives the same id. Literals must not be empty. (Literals are found
  // everywhere: the automaton passes over the whole text anyway.)
  PatternId add_literal(std::string_view text);
  // Returns the id, or a message that says what is wrong with the pattern. A `trusted` regex
  // (of a built-in rule, known to compile) is compiled on its first use.
  std::variant<PatternId, std::string> add_regex(std::string_view pattern,
                                                 Where where = Where::everywhere,
                                                 bool trusted = false);

  void build();
  std::size_t size() const noexcept { return entries_.size(); }

  // All matches of every pattern in doc.text (regex matches never cross a paragraph).
  MatchIndex scan(const Document& doc) const;

  bool is_regex(PatternId id) const noexcept { return entries_[id].regex; }
  // Where scan() looks for a pattern's matches.
  Where where(PatternId id) const noexcept { return entries_[id].where; }
  // The compiled regex of a regex pattern (nullptr for a literal), for capture groups. Compiles a
  // lazy one.
  const re2::RE2* regex(PatternId id) const;
  // The number of capturing groups of a regex pattern (0 for a literal). Compiles nothing.
  int capturing_groups(PatternId id) const noexcept { return entries_[id].groups; }
  // What is wrong with `rewrite` as the replacement of regex pattern `id` (\0 … \9 name groups,
  // \\ is a backslash), or nullopt. Compiles nothing.
  std::optional<std::string> rewrite_error(PatternId id, std::string_view rewrite) const;
  // How many regexes are compiled on their first use (for tests).
  std::size_t lazy_regexes() const;

  // The matches of a pattern in one paragraph of `doc`, as scan() would find them there (whatever
  // the pattern's Where): for patterns that are needed only in some documents, and are added
  // with Where::nowhere so that the scan does not run them.
  std::vector<Match> paragraph_matches(PatternId id, const Document& doc,
                                       std::uint32_t paragraph) const;

  // The first match of a pattern in `text` (a string that is not in the document, such as a
  // title joined from two lines), offsets into `text`. Same semantics as scan().
  std::optional<Match> find_in_text(PatternId id, std::string_view text) const;
  bool matches_text(PatternId id, std::string_view text) const {
    return find_in_text(id, text).has_value();
  }

 private:
  // A regex, compiled when it is added (untrusted) or on its first use (trusted).
  struct Compiled {
    std::once_flag once, stand_in_once;
    std::unique_ptr<re2::RE2> regex;
    std::unique_ptr<re2::RE2> stand_in;  // of a lazy regex with bounds lifted
    std::string stand_in_text;           // empty: the regex has none
    std::atomic<bool> ready{false};      // regex is compiled
    bool lazy = false;
  };
  struct Entry {
    bool regex = false;
    std::string text;         // the literal or the regex source
    bool exact_case = false;  // a literal with upper-case ASCII letters
    Where where = Where::nowhere;
    int groups = 0;                                      // a regex's capturing groups
    std::unique_ptr<Compiled> compiled;                  // a regex's
    std::vector<std::vector<std::string>> atom_clauses;  // a regex's, until build()
  };
  const re2::RE2& compiled(const Entry& e) const;
  const re2::RE2& stand_in(const Entry& e) const;
  std::vector<Entry> entries_;
  // The id of each literal and of each regex by its text, so that adding is not a search.
  std::unordered_map<std::string, PatternId> literal_ids_, regex_ids_;
  std::vector<PatternId> regex_entries_;  // the entry of each regex, by regex index
  AhoCorasick automaton_;
  // For each automaton pattern: a literal entry (>= 0) or an atom (-1 - atom index).
  std::vector<std::int64_t> automaton_targets_;
  // The filter: the clauses of each regex (atom indices; all must hold, each by one of its
  // atoms), the regexes whose clauses name each atom, and the regexes with none.
  std::vector<std::vector<std::vector<std::uint32_t>>> clauses_;
  std::vector<std::vector<std::uint32_t>> atom_users_;
  std::vector<std::uint32_t> unfiltered_;
  bool built_ = false;
};

class MatchIndex {
 public:
  explicit MatchIndex(std::size_t patterns) : matches_(patterns) {}
  // Matches of a pattern, sorted by begin offset.
  std::span<const Match> all(PatternId id) const noexcept { return matches_[id]; }
  // Matches that start inside `span` (a match never crosses a paragraph, so for a span of whole
  // paragraphs these are the matches inside it).
  std::span<const Match> starting_in(PatternId id, Span span) const noexcept;
  // Whether a match lies entirely inside `span`.
  bool any_within(PatternId id, Span span) const noexcept;

  std::vector<std::vector<Match>>& raw() noexcept { return matches_; }

 private:
  std::vector<std::vector<Match>> matches_;
};

}  // namespace fzcheck::detail
