// The run-time interface of a rule kind: a Check reads a fully built, immutable CheckContext and
// reports to a FindingSink. How a kind is built from its YAML is in build_context.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "facts/document_facts.hpp"
#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

// Where a rule looks. A closed list (docs/rule-authors.md): the parts come from the
// required-section rules of the packs.
enum class ScopeKind {
  document,
  title,
  preamble,
  body,
  headings,
  part_headings,  // the own headings of the parts found (一、总体情况), not those inside them
  text,
  signature,
  date,
  part
};
struct Scope {
  ScopeKind kind = ScopeKind::document;
  PartId part;  // for ScopeKind::part
  std::string spelled;
};

// What rules see of one document being checked. Everything is worked out before the first rule
// runs; a context is never changed afterwards, so rules cannot depend on each other's order.
class CheckContext {
 public:
  CheckContext(const Document& doc, const MatchIndex& matches, const CheckOptions& options,
               const DocumentFacts& facts, const std::vector<PartDef>& part_defs,
               const PatternSet& patterns, const CheckContext* previous = nullptr)
      : doc(doc),
        matches(matches),
        options(options),
        facts(facts),
        part_defs(part_defs),
        patterns(patterns),
        previous_(previous) {}

  const Document& doc;
  const MatchIndex& matches;
  const CheckOptions& options;
  const DocumentFacts& facts;
  const std::vector<PartDef>& part_defs;  // every declared part, by priority
  const PatternSet& patterns;             // for matching text that is not in the document

  // The byte ranges of a scope, sorted and disjoint.
  std::vector<Span> regions(const Scope& scope) const;
  // Whether pattern `id` matches entirely inside one of `regions`; the first such match.
  std::optional<Match> first_in(PatternId id, const std::vector<Span>& regions) const;
  // Calls f(match) for every match of `id` inside one of `regions` (sorted and disjoint).
  template <class F>
  void for_each_in(PatternId id, const std::vector<Span>& regions, F&& f) const {
    if (matches.all(id).empty()) return;  // most terms of a long list never occur
    for (Span r : regions) {
      for (const Match& m : matches.starting_in(id, r)) {
        if (m.end <= r.end) f(m);
      }
    }
  }
  static bool inside_any(Match m, const std::vector<Span>& regions);
  // Where a part is, or null when the document does not have it.
  const PartLocation* part(const PartId& id) const;
  // The text of a section without its own heading paragraph (the part's body).
  Span body_of(std::uint32_t section) const;
  // Where a finding about something missing from the whole document goes: the first line.
  Span document_start() const;
  // "一、主要措施及成效": a section's marker and heading, for messages.
  std::string heading_label(std::uint32_t section) const;
  // The span of a section's marker and heading, where findings about a section point.
  Span heading_span(std::uint32_t section) const;
  // Whether a byte offset starts a paragraph (after its indentation) or follows punctuation: where
  // an enumeration word such as 二是 starts an item ("统一是" holds 一是 but starts none).
  bool at_clause_start(std::uint32_t offset) const;
  // The name a part is given in messages ("主要举措和成效"), or its id if unknown.
  std::string part_name(const PartId& part) const;

  // Last year's report (CheckOptions::previous), seen as rules see this one: its text, matches,
  // facts (parts, year) and scopes, all worked out before the first rule runs; it was taken for
  // this document's type. Null when no previous report was given. Its own previous() is null.
  const CheckContext* previous() const noexcept { return previous_; }

 private:
  const CheckContext* previous_ = nullptr;
};

class Check;

// Collects findings; positions and excerpts are filled in from the document.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void add(const Check& check, Span span, std::string message,
                   std::optional<std::string> replacement = std::nullopt,
                   std::optional<Severity> severity = std::nullopt) = 0;
};

// Fields every rule has.
struct RuleCommon {
  std::string id;
  std::string kind;
  Severity severity = Severity::warning;
  std::string message;
  std::string source;
  Scope scope;
  // `years: {from, until}`: the report years the rule runs for (the engine skips it otherwise).
  std::optional<int> from_year;
  std::optional<int> until_year;
};

class Check {
 public:
  explicit Check(RuleCommon common) : common_(std::move(common)) {}
  virtual ~Check() = default;
  Check(const Check&) = delete;
  Check& operator=(const Check&) = delete;

  virtual void run(const CheckContext& ctx, FindingSink& sink) const = 0;
  const RuleCommon& common() const noexcept { return common_; }

 private:
  RuleCommon common_;
};

}  // namespace fzcheck::detail
