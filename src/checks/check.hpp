// The interface every rule kind implements, and what kinds use at load time (BuildContext) and at
// check time (CheckContext, FindingSink). One kind a file in src/checks/, registered in
// registry.cpp.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/headings.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/document.hpp"
#include "match/pattern_set.hpp"
#include "rules/yaml_fields.hpp"

namespace fzcheck::detail {

// A message with {placeholders}, checked at load time against the names a kind provides.
class MessageTemplate {
 public:
  using Values = std::vector<std::pair<std::string, std::string>>;
  MessageTemplate() = default;
  explicit MessageTemplate(std::string text) : text_(std::move(text)) {}
  const std::string& text() const noexcept { return text_; }
  bool uses(std::string_view name) const;
  std::string format(const Values& values) const;
  // Placeholder names used in `text`.
  static std::vector<std::string> placeholders(std::string_view text);

 private:
  std::string text_;
};

// Where a rule looks. A closed list (docs/rule-authors.md): the parts come from the
// required-section rules of the pack.
enum class ScopeKind { document, title, preamble, body, headings, text, signature, date, part };
struct Scope {
  ScopeKind kind = ScopeKind::document;
  std::string part;  // for ScopeKind::part: "<pack>:<part>"
  std::string spelled;
};

// A part of the report as declared by a required-section rule: how its level-one heading reads.
struct PartDef {
  std::string id;    // "<pack>:<part>" once loaded
  std::string name;  // how messages name it: "主要举措和成效"
  std::string rule_id;
  std::uint32_t level = 1;  // the heading level it is expected at
  int priority = 100;
  std::vector<PatternId> any;   // one must match the heading
  std::vector<PatternId> none;  // none may match the heading
  bool subsection = false;      // may be found below level one when there is no level-one heading
};

// What rule factories get at load time.
class BuildContext {
 public:
  BuildContext(PatternSet& patterns, std::vector<PartDef>& parts, std::string pack,
               std::string language)
      : patterns_(patterns),
        parts_(parts),
        pack_(std::move(pack)),
        language_(std::move(language)) {}

  // The language of the pack's messages (pack.yaml `language`), for list separators and quotes.
  const std::string& language() const noexcept { return language_; }

  // Parts are named per pack: "<pack>:<part>".
  std::string part_key(const std::string& part) const { return pack_ + ":" + part; }

  // A pattern as written by a rule author: a plain literal if it has no regex metacharacters,
  // else an RE2 regex. Errors are reported at `pos`.
  std::optional<PatternId> pattern(Fields& f, const std::string& text, Position pos);
  // Every pattern under `key` (a value or a list).
  std::vector<PatternId> patterns(Fields& f, const std::string& key, bool required = false);
  // A scope name; part names are checked once the whole set is loaded.
  std::optional<Scope> scope(Fields& f, const std::string& key, const std::string& fallback);
  std::vector<Scope> scopes(Fields& f, const std::string& key);
  // A message template whose placeholders must be among `provided`.
  std::optional<MessageTemplate> message(Fields& f, const std::string& key,
                                         const std::set<std::string>& provided,
                                         bool required = true);

  PatternSet& pattern_set() noexcept { return patterns_; }
  // `part.id` is the name in the rule; it is stored as part_key(name). False if the pack already
  // has a part of that name.
  bool declare_part(PartDef part) {
    part.id = part_key(part.id);
    for (const PartDef& p : parts_) {
      if (p.id == part.id) return false;
    }
    parts_.push_back(std::move(part));
    return true;
  }
  struct PartUse {
    std::string part;
    std::string file;
    Position pos;
  };
  const std::vector<PartUse>& part_uses() const noexcept { return part_uses_; }
  void use_part(const std::string& part, const std::string& file, Position pos) {
    part_uses_.push_back({part_key(part), file, pos});
  }

 private:
  PatternSet& patterns_;
  std::vector<PartDef>& parts_;
  std::string pack_;
  std::string language_;
  std::vector<PartUse> part_uses_;
};

// Words joined for a message in a pack's language: "甲、乙" (list), "“甲”；“乙”" (quoted items),
// "甲→乙" (sequence).
enum class Joiner { list, quoted_items, sequence };
std::string join_words(const std::string& language, const std::vector<std::string>& words,
                       Joiner how);

// Text without what is inside 《…》: the years in document titles ("（2021—2025年）") are not the
// years a report speaks about.
std::string outside_titles(std::string_view text);

// A key holding error, warning or info; reports anything else.
std::optional<Severity> severity_field(Fields& f, const std::string& key, bool required = false);

// Where a part was found in a document.
struct PartLocation {
  std::vector<std::uint32_t> sections;  // indices in Document::sections, in document order
  bool as_subsection = false;           // found only below level one
};

// What rules see of one document being checked.
class CheckContext {
 public:
  CheckContext(const Document& doc, const MatchIndex& matches, const CheckOptions& options)
      : doc(doc), matches(matches), options(options) {}

  const Document& doc;
  const MatchIndex& matches;
  const CheckOptions& options;
  const std::vector<PartDef>* part_defs = nullptr;  // every declared part, by priority
  const PatternSet* patterns = nullptr;             // for matching text that is not in the document
  std::map<std::string, PartLocation> parts;        // part id → where it is
  std::vector<std::string> top_level_part;  // per section: the part of a level-one section, or ""
  std::optional<int> title_year;            // the first year in the title
  std::optional<int> body_year;             // the year most mentioned in the body
  std::optional<int> report_year;           // the year reported on: title's, else body's

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
  // The text of a section without its own heading paragraph (the part's body).
  Span body_of(std::uint32_t section) const;
  // Where a finding about something missing from the whole document goes: the first line.
  Span document_start() const;
  // "一、主要措施及成效": a section's marker and heading, for messages.
  std::string heading_label(std::uint32_t section) const;
  // The name a part is given in messages ("主要举措和成效"), or its id if unknown.
  std::string part_name(const std::string& part) const;
  // Sibling groups and usual forms of the headings, worked out once per document.
  const HeadingFacts& headings() const {
    if (!headings_) headings_.emplace(doc);
    return *headings_;
  }

 private:
  mutable std::optional<HeadingFacts> headings_;  // a CheckContext serves one check() call
};

class Check;

// Collects findings; positions and excerpts are filled in from the document.
class FindingSink {
 public:
  FindingSink(const Document& doc, std::vector<Finding>& out) : doc_(doc), out_(out) {}
  void add(const Check& check, Span span, std::string message,
           std::optional<std::string> replacement = std::nullopt,
           std::optional<Severity> severity = std::nullopt);

 private:
  const Document& doc_;
  std::vector<Finding>& out_;
};

// Fields every rule has.
struct RuleCommon {
  std::string id;
  std::string kind;
  Severity severity = Severity::warning;
  std::string message;
  std::string source;
  Scope scope;
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

// What a kind's factory gets: the rule's mapping, the shared build context, and the common
// fields already read. It reads its own keys and returns nullptr after reporting problems.
struct RuleSpec {
  Fields& fields;
  BuildContext& ctx;
  RuleCommon common;
};
using CheckFactory = std::unique_ptr<Check> (*)(RuleSpec& spec);

struct KindEntry {
  std::string_view name;
  CheckFactory make;
  std::string_view summary;
  std::string_view default_scope;  // empty: the kind takes no `scope` (it works on the structure)
};
// The registered kinds, sorted by name.
const std::vector<KindEntry>& rule_kinds();
const KindEntry* find_kind(std::string_view name);

}  // namespace fzcheck::detail
