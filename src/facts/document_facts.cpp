#include "facts/document_facts.hpp"

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// Whether the text stops before the end of its last sentence (a heading without punctuation is
// no end either), with no signature or date.
bool ends_mid_sentence(const Document& doc) {
  if (doc.signature || doc.date) return false;
  for (std::size_t i = doc.paragraphs.size(); i-- > 0;) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.role == ParagraphRole::blank || p.role == ParagraphRole::imprint) continue;
    // A heading line ends a complete text only as a sentence (6.加强信息公开工作。).
    if (p.role != ParagraphRole::body && p.role != ParagraphRole::preamble &&
        p.role != ParagraphRole::heading) {
      return false;
    }
    std::string_view text = utf8::trim(doc.str(p.span));
    std::size_t k = text.size();
    char32_t last = utf8::prev(text, k);
    return !cjk::is_sentence_end(last) && last != cjk::kEllipsis &&
           last != cjk::kRightDoubleQuote && last != cjk::kFullwidthRightParen && last != U')' &&
           last != U'.' && last != cjk::kRightBookTitle && last != 0x300D && last != 0x300F &&
           last != 0x2019;
  }
  return false;
}

}  // namespace

DocumentFacts find_document_facts(const Document& doc, const MatchIndex& matches,
                                  const FactDefs& defs, const CheckOptions& options) {
  DocumentType type =
      find_document_type(doc, matches, defs.patterns, defs.types, options.document_type);
  PartFacts parts;
  if (defs.pack_applies) {
    std::vector<PartDef> applying;
    for (const PartDef& def : defs.parts) {
      if (defs.pack_applies(def.id.pack, type.id)) applying.push_back(def);
    }
    parts = locate_parts(doc, matches, defs.patterns, applying);
  } else {
    parts = locate_parts(doc, matches, defs.patterns, defs.parts);
  }
  HeadingFacts headings(doc, parts.unheaded_starts);
  return DocumentFacts{std::move(type), std::move(parts), find_report_year(doc),
                       std::move(headings), ends_mid_sentence(doc)};
}

}  // namespace fzcheck::detail
