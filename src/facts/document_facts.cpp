#include "facts/document_facts.hpp"

namespace fzcheck::detail {

DocumentFacts find_document_facts(const Document& doc, const MatchIndex& matches,
                                  const std::vector<PartDef>& defs) {
  return DocumentFacts{locate_parts(doc, matches, defs), find_report_year(doc), HeadingFacts(doc)};
}

}  // namespace fzcheck::detail
