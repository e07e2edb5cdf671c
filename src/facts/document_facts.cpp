#include "facts/document_facts.hpp"

namespace fzcheck::detail {

DocumentFacts find_document_facts(const Document& doc, const MatchIndex& matches,
                                  const FactDefs& defs, const CheckOptions& options) {
  return DocumentFacts{
      find_document_type(doc, matches, defs.patterns, defs.types, options.document_type),
      locate_parts(doc, matches, defs.parts), find_report_year(doc), HeadingFacts(doc)};
}

}  // namespace fzcheck::detail
