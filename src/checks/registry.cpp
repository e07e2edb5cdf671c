// The rule kinds, one explicit table sorted by name. To add a kind: write src/checks/<kind>.cpp
// with its factory, declare it below, add one line to the table, document it in
// docs/rule-authors.md and give it a test file tests/checks/<kind>_test.cpp.
#include <algorithm>

#include "checks/registry.hpp"

namespace fzcheck::detail {

std::unique_ptr<Check> make_canonical_name(RuleSpec& spec);
std::unique_ptr<Check> make_consistent_citation(RuleSpec& spec);
std::unique_ptr<Check> make_conversion_artefact(RuleSpec& spec);
std::unique_ptr<Check> make_copied_passage(RuleSpec& spec);
std::unique_ptr<Check> make_coverage(RuleSpec& spec);
std::unique_ptr<Check> make_date_form(RuleSpec& spec);
std::unique_ptr<Check> make_deadline(RuleSpec& spec);
std::unique_ptr<Check> make_doubled_punctuation(RuleSpec& spec);
std::unique_ptr<Check> make_element_matches(RuleSpec& spec);
std::unique_ptr<Check> make_element_present(RuleSpec& spec);
std::unique_ptr<Check> make_enumeration_sequence(RuleSpec& spec);
std::unique_ptr<Check> make_every_item(RuleSpec& spec);
std::unique_ptr<Check> make_halfwidth_punctuation(RuleSpec& spec);
std::unique_ptr<Check> make_heading_form(RuleSpec& spec);
std::unique_ptr<Check> make_heading_punctuation(RuleSpec& spec);
std::unique_ptr<Check> make_heading_sequence(RuleSpec& spec);
std::unique_ptr<Check> make_layout(RuleSpec& spec);
std::unique_ptr<Check> make_length(RuleSpec& spec);
std::unique_ptr<Check> make_next_year_mentioned(RuleSpec& spec);
std::unique_ptr<Check> make_order(RuleSpec& spec);
std::unique_ptr<Check> make_paired_punctuation(RuleSpec& spec);
std::unique_ptr<Check> make_paragraph_end(RuleSpec& spec);
std::unique_ptr<Check> make_pattern(RuleSpec& spec);
std::unique_ptr<Check> make_previous_report(RuleSpec& spec);
std::unique_ptr<Check> make_repeated_word(RuleSpec& spec);
std::unique_ptr<Check> make_required_section(RuleSpec& spec);
std::unique_ptr<Check> make_table_sum(RuleSpec& spec);
std::unique_ptr<Check> make_title_year(RuleSpec& spec);
std::unique_ptr<Check> make_truncated_text(RuleSpec& spec);
std::unique_ptr<Check> make_unknown_part(RuleSpec& spec);
std::unique_ptr<Check> make_whitespace(RuleSpec& spec);

const std::vector<KindEntry>& rule_kinds() {
  static const std::vector<KindEntry> kinds = {
      {"canonical-name", make_canonical_name, "official names quoted exactly (variants derived)",
       "body"},
      {"consistent-citation", make_consistent_citation, "one document cited under one name",
       "body"},
      {"conversion-artefact", make_conversion_artefact, "converter leftovers such as [bookmark: …]",
       "document"},
      {"copied-passage", make_copied_passage, "a long passage repeated in two parts", ""},
      {"coverage", make_coverage, "every concept of a set is mentioned in a scope", "body"},
      {"date-form", make_date_form, "the date is written in an allowed form and exists", ""},
      {"deadline", make_deadline, "dated, submitted and published before days of the next year",
       ""},
      {"doubled-punctuation", make_doubled_punctuation, "two clause marks in a row", "document"},
      {"element-matches", make_element_matches,
       "the title or signature matches a pattern (names an organ)", ""},
      {"element-present", make_element_present, "the report has a title, signature or date", ""},
      {"enumeration-sequence", make_enumeration_sequence,
       "一是、二是… in running text count up without repeats or gaps", "text"},
      {"every-item", make_every_item,
       "every item of a part (a sub-section or an enumerated run) mentions something", "body"},
      {"halfwidth-punctuation", make_halfwidth_punctuation,
       "ASCII , ; : ( ) ! ? next to Chinese text", "document"},
      {"heading-form", make_heading_form, "section numbers written in the form their place needs",
       ""},
      {"heading-punctuation", make_heading_punctuation, "the punctuation of section numbers", ""},
      {"heading-sequence", make_heading_sequence, "section numbers without gaps or repeats", ""},
      {"layout", make_layout, "fonts, sizes and page margins (.docx only)", ""},
      {"length", make_length, "a scope is at most (or at least) so many characters long", "body"},
      {"next-year-mentioned", make_next_year_mentioned,
       "the plan names the year after the report year", "body"},
      {"order", make_order, "the parts appear in a given order", ""},
      {"paired-punctuation", make_paired_punctuation,
       "quotes, brackets and book-title marks in pairs", "document"},
      {"paragraph-end", make_paragraph_end, "running text ends with sentence punctuation",
       "document"},
      {"pattern", make_pattern, "text that must not appear, with an optional replacement", "body"},
      {"previous-report", make_previous_report,
       "this year's report beside last year's: copied passages, near copies, plan items", "body"},
      {"repeated-word", make_repeated_word, "a word written twice by accident", "text"},
      {"required-section", make_required_section,
       "a part the report must have, found by its heading", ""},
      {"table-sum", make_table_sum, "sums over the cells of a table hold (A+B = C+D)", "text"},
      {"title-year", make_title_year, "the title names the report year, as the body does", ""},
      {"truncated-text", make_truncated_text,
       "the text stops mid-sentence with no signature or date (cut off)", ""},
      {"unknown-part", make_unknown_part, "level-one parts that are none of the declared parts",
       ""},
      {"whitespace", make_whitespace, "spaces left by conversions", ""},
  };
  return kinds;
}

const KindEntry* find_kind(std::string_view name) {
  const auto& kinds = rule_kinds();
  auto it = std::lower_bound(kinds.begin(), kinds.end(), name,
                             [](const KindEntry& k, std::string_view n) { return k.name < n; });
  return it != kinds.end() && it->name == name ? &*it : nullptr;
}

}  // namespace fzcheck::detail
