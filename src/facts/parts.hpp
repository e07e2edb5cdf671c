// The required parts of a report: how a pack declares them, and where a document has them. A part
// is present when its content is: under a level-one heading of its own, as the themes of a
// thematic report, under a heading further down, or in a paragraph or sentence with no heading.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fzcheck/document.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

// A part is named per pack: part "measures" of pack "fazhi-report".
struct PartId {
  std::string pack;
  std::string part;
  friend bool operator==(const PartId&, const PartId&) = default;
  friend auto operator<=>(const PartId&, const PartId&) = default;
};

// Where in the text content without a heading may be taken for a part.
enum class ContentWhere {
  anywhere,
  end,       // in the second half of the body and not under another part's own heading
  no_parts,  // only in a text without level-one headings
};

// A part as declared by a required-section rule.
struct PartDef {
  PartId id;
  std::string name;  // how messages name it: "主要举措和成效"
  std::string rule_id;
  std::uint32_t level = 1;      // the heading level of a part of its own
  int priority = 100;           // lower is tried first when a heading could be several parts
  std::vector<PatternId> any;   // one must match its own heading…
  std::vector<PatternId> none;  // …and none of these
  bool thematic = false;        // level-one sections that are no other part are this part…
  std::vector<std::string> themes_until;  // …up to the first of these parts (else any other part)
  bool subheading = false;                // a heading further down counts…
  std::vector<PatternId> sub_any, sub_none;  // …matched by these (else as its own heading is)
  std::vector<PatternId> content;            // words of a paragraph or sentence that is this part
  ContentWhere where = ContentWhere::anywhere;
  // Content found inside other text is a sentence, not a paragraph of its own.
  bool sentence = false;
  bool inside_others = false;  // with `end`: also under another part's own heading
};

// In the order of PartStatus::How (fzcheck/finding.hpp), which check() converts it to.
enum class PartHow {
  heading,     // a level-one section of its own
  thematic,    // level-one sections that are themes of this part
  subheading,  // a section further down
  paragraph,   // a paragraph with no heading (and what follows it up to the next part)
  sentence,    // a sentence inside another part
};

// Where a part was found in a document.
struct PartLocation {
  PartHow how = PartHow::heading;
  std::vector<std::uint32_t> sections;  // heading, thematic, subheading: Document::sections
  std::vector<Span> regions;            // the part's text, sorted and disjoint
  Span found;                           // the heading, or the words that recognised the content
  std::uint32_t paragraph = 0;          // where it was found
};

struct PartFacts {
  std::map<PartId, PartLocation> found;
  // Per section: the part a level-one section is, if any.
  std::vector<std::optional<PartId>> top_level;
  // Paragraphs where a part without a heading starts (sorted): numbered items after one of them
  // belong to it, not to the sections before it.
  std::vector<std::uint32_t> unheaded_starts;
};

// Finds every declared part (`defs` sorted by priority): level-one headings first, then themes,
// headings further down, and content without a heading. `patterns` matches the content patterns
// that the scan left out (Where::nowhere).
PartFacts locate_parts(const Document& doc, const MatchIndex& matches, const PatternSet& patterns,
                       const std::vector<PartDef>& defs);

}  // namespace fzcheck::detail
