// What a check says about a document, and the options a check is run with.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/date.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/severity.hpp"

namespace FZCHECK_API fzcheck {

struct Document;

struct Finding {
  std::string rule_id;
  Severity severity = Severity::warning;
  std::string message;  // with its placeholders filled in
  Position begin;       // 1-based line and code-point column in the source
  Position end;         // exclusive; equal to begin for a finding about something missing
  std::uint32_t begin_offset = 0;  // the same as byte offsets of Document::text
  std::uint32_t end_offset = 0;
  std::string excerpt;                     // the text the finding is about (may be empty)
  std::optional<std::string> replacement;  // a certain correction of `excerpt`
  std::string source;                      // the legal or standards basis
  std::string heading;  // the innermost heading above it ("（二）健全法制教育工作网络"), if any
  // Who the finding is from one draft to the next (docs/baseline.md): 16 hex digits made by
  // check() from the rule id, the excerpt without whitespace, the headings above it (their
  // words, not their numbers) and which one of its identical findings under them it is. It never
  // depends on a line, a column or an offset, so text added or changed elsewhere leaves it alone.
  std::string fingerprint;
};

// What kind of document fzcheck took a document for, and why. The types are declared by the
// rule packs (pack.yaml `document_types`); each pack applies to some of them.
struct DocumentType {
  enum class Basis {
    title,     // the title names it: `evidence` is the words of the title that do
    body,      // there is no title, and the text speaks of it `count` times (`evidence`: a word)
    forced,    // CheckOptions::document_type
    fallback,  // not recognised: checked as a general document (公文)
  };
  std::string id;    // "fazhi-report"; for the fallback, the id its pack declares ("gongwen")
  std::string name;  // "法治政府建设年度报告"
  Basis basis = Basis::fallback;
  std::string evidence;
  std::uint32_t count = 0;
  std::string genre;  // the 文种 the title ends with (通知, 意见, 报告 …), if any
};
const char* to_string(DocumentType::Basis basis) noexcept;

// Where a report has one of the parts its rules require (主要举措和成效, 存在的不足和原因 …).
struct PartStatus {
  enum class How {
    heading,     // under a level-one heading of its own
    thematic,    // the themes of a thematic report (一、坚持党的领导 二、……)
    subheading,  // under a heading further down, inside another part
    paragraph,   // in a paragraph without a heading (and the items that follow it)
    sentence,    // in a sentence inside other text
    missing,     // nowhere
    unknown,     // nowhere in a text that was cut off: it may come after the cut
  };
  std::string pack;  // "fazhi-report"
  std::string id;    // "shortcomings"
  std::string name;  // "存在的不足和原因"
  How how = How::missing;
  std::uint32_t line = 0;  // where it was found (its heading or its first words); 0 when not
  bool own_part() const noexcept { return how == How::heading || how == How::thematic; }
};
const char* to_string(PartStatus::How how) noexcept;

// What a baseline did to a report (apply_baseline(), fzcheck/baseline.hpp).
struct BaselineMatch {
  std::string file;            // the baseline's entry the report was matched with; empty: none
  std::vector<Finding> known;  // the findings the baseline already had, taken out of `findings`
};

struct Report {
  std::string file;                // Document::name
  DocumentType type;               // what the document was taken for
  std::vector<PartStatus> parts;   // the required parts of the packs that applied, by priority
  std::vector<std::string> packs;  // the ids of the packs that applied to it, in load order
  int year = 0;          // the year it reports on (from the title, else the text); 0 when unknown
  std::string previous;  // the file of the previous report it was compared with (its name)
  std::vector<Finding> findings;  // sorted by position, then rule id
  // Set when a baseline was applied: `findings` then holds only the new findings.
  std::optional<BaselineMatch> baseline;
  std::size_t count(Severity severity) const noexcept;
};

struct CheckOptions {
  std::optional<Date> submitted_on;  // when the report was (or will be) submitted
  std::optional<Date> published_on;  // when it was (or will be) published
  std::set<std::string> disabled;    // rule ids not to run
  std::set<std::string> only;        // if not empty, run only these rule ids
  std::map<std::string, Severity> severity_overrides;
  std::string document_type;  // check the document as this type (a declared id) instead of
                              // recognising it; empty: recognise it

  // An office's own policies (the configuration file's `policy:`, docs/cli.md).
  std::optional<MonthDay> submit_by,
      publish_by;                // deadlines instead of the rules' (3月1日, 4月1日)
  bool parts_inside_ok = false;  // a required part written inside another part gives no note
  // Terms the office writes on purpose: a finding whose text lies inside one of them is dropped;
  // for every rule, and for one rule (its id → terms).
  std::vector<std::string> allowed_terms;
  std::map<std::string, std::vector<std::string>> allowed_terms_by_rule;

  // Last year's report of the same organ, read like any document (docs/cli.md, "Last year's
  // report"): rules of the kind previous-report compare the document with it. Null: none.
  std::shared_ptr<const Document> previous;
};

}  // namespace fzcheck
