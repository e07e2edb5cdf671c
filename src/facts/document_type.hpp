// What kind of document this is: 法治政府建设年度报告, 政府信息公开工作年度报告, a 通知 …, as the
// packs declare the kinds, recognised from the title first and from the text when there is none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fzcheck/document.hpp"
#include "fzcheck/finding.hpp"
#include "match/pattern_set.hpp"

namespace fzcheck::detail {

// A document type as a pack declares it (pack.yaml `document_types`).
struct TypeDef {
  std::string id;
  std::string name;
  std::string pack;
  int priority = 100;                // lower is tried first
  std::vector<PatternId> title;      // one must match the title…
  std::vector<PatternId> not_title;  // …and none of these
  std::vector<PatternId> body;       // without a title: words the text must use…
  std::uint32_t body_min = 0;  // …this many times in all (0: never recognised by the text)…
  std::uint32_t body_per_thousand = 0;  // …and this often per 1,000 characters
  bool fallback = false;                // the type of documents that no other type fits
};

// The types of a rule set: `types` sorted by priority, the fallback (if any) apart, and the 文种
// words (通知, 意见 …) a title may end with.
struct TypeTable {
  std::vector<TypeDef> types;
  std::optional<TypeDef> fallback;
  std::vector<std::string> genres;
  const TypeDef* find(std::string_view id) const;
};

// The type of `doc`. `forced` (an id of `table`) wins; an unknown forced id is taken as the
// fallback's.
DocumentType find_document_type(const Document& doc, const MatchIndex& matches,
                                const PatternSet& patterns, const TypeTable& table,
                                const std::string& forced);

}  // namespace fzcheck::detail
