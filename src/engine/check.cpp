// check(): scan the document once for every pattern, work out the document's facts, then run each
// rule on the same immutable context.
#include "fzcheck/check.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>

#include "checks/kind.hpp"
#include "engine/fingerprint.hpp"
#include "engine/sink.hpp"
#include "facts/document_facts.hpp"
#include "facts/organ.hpp"
#include "model/locator.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

namespace {

// One defect, one finding: a finding of a rule that another rule supersedes goes when it overlaps
// a finding of that other rule. For each superseded rule, the spans of the findings that supersede
// it, sorted by start with the furthest end so far: a finding overlaps one of them when, among
// the spans starting before its end, the furthest end lies past its start.
void drop_superseded(std::vector<Finding>& findings, const std::vector<RuleInfo>& rules) {
  std::map<std::string_view, std::vector<std::string_view>> superseded_by;  // rule → its masters
  for (const RuleInfo& r : rules) {
    for (const std::string& over : r.supersedes) superseded_by[over].push_back(r.id);
  }
  if (superseded_by.empty()) return;
  struct Spans {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;  // begin, end
    std::vector<std::uint32_t> furthest_end;                     // max end of spans[0..i]
  };
  std::map<std::string_view, Spans> masters;  // superseded rule → spans of its masters' findings
  for (const auto& [over, by] : superseded_by) {
    Spans s;
    for (const Finding& f : findings) {
      if (std::find(by.begin(), by.end(), f.rule_id) != by.end())
        s.spans.emplace_back(f.begin_offset, f.end_offset);
    }
    if (s.spans.empty()) continue;
    std::sort(s.spans.begin(), s.spans.end());
    std::uint32_t furthest = 0;
    for (const auto& span : s.spans)
      s.furthest_end.push_back(furthest = std::max(furthest, span.second));
    masters.emplace(over, std::move(s));
  }
  if (masters.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    auto it = masters.find(f.rule_id);
    if (it == masters.end()) return false;
    const Spans& s = it->second;
    auto before_end = std::lower_bound(s.spans.begin(), s.spans.end(), f.end_offset,
                                       [](const std::pair<std::uint32_t, std::uint32_t>& span,
                                          std::uint32_t end) { return span.first < end; });
    const auto k = static_cast<std::size_t>(before_end - s.spans.begin());
    return k > 0 && s.furthest_end[k - 1] > f.begin_offset;
  });
}

// Drops the findings whose text lies inside an occurrence of a term the office allows.
void drop_allowed(std::vector<Finding>& findings, std::string_view text,
                  const CheckOptions& options) {
  if (options.allowed_terms.empty() && options.allowed_terms_by_rule.empty()) return;
  auto inside_term = [&](const Finding& f, const std::string& term) {
    if (term.empty() || f.end_offset <= f.begin_offset) return false;
    if (f.end_offset - f.begin_offset > term.size()) return false;
    // An occurrence that starts at or before the finding and ends at or after it lies in
    // [end - size, begin + size): only that much is searched, however many findings there are.
    std::size_t from = f.end_offset >= term.size() ? f.end_offset - term.size() : 0;
    std::size_t to = std::min(text.size(), std::size_t{f.begin_offset} + term.size());
    return from < to && text.substr(from, to - from).find(term) != std::string_view::npos;
  };
  std::erase_if(findings, [&](const Finding& f) {
    for (const std::string& term : options.allowed_terms) {
      if (inside_term(f, term)) return true;
    }
    auto it = options.allowed_terms_by_rule.find(f.rule_id);
    if (it == options.allowed_terms_by_rule.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::string& term) { return inside_term(f, term); });
  });
}

// Whether a rule with `years` runs on a report about `year` (a rule without it runs on every one).
bool in_years(const RuleInfo& rule, const std::optional<int>& year) {
  if (!rule.from_year && !rule.until_year) return true;
  if (!year) return false;
  return (!rule.from_year || *year >= *rule.from_year) &&
         (!rule.until_year || *year <= *rule.until_year);
}

}  // namespace

Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options) {
  const RuleSet::Impl& impl = rules.impl();
  const detail::MatchIndex matches = impl.patterns.scan(doc);
  // A pack runs on the document types it applies to (all, when it names none).
  auto pack_applies = [&](const std::string& pack, const std::string& type) {
    auto it = std::find_if(impl.packs.begin(), impl.packs.end(),
                           [&](const PackInfo& p) { return p.id == pack; });
    if (it == impl.packs.end() || it->applies_to.empty()) return true;
    return std::find(it->applies_to.begin(), it->applies_to.end(), type) != it->applies_to.end();
  };
  const detail::DocumentFacts facts = detail::find_document_facts(
      doc, matches, {impl.patterns, impl.types, impl.parts, pack_applies}, options);
  // Last year's report: the same facts, found as for a document of this one's type.
  CheckOptions previous_options;
  std::optional<detail::MatchIndex> previous_matches;
  std::optional<detail::DocumentFacts> previous_facts;
  std::optional<detail::CheckContext> previous;
  if (options.previous) {
    previous_options.document_type = facts.type.id;
    const Document& last = *options.previous;
    previous_matches.emplace(impl.patterns.scan(last));
    previous_facts.emplace(detail::find_document_facts(
        last, *previous_matches, {impl.patterns, impl.types, impl.parts, pack_applies},
        previous_options));
    previous.emplace(last, *previous_matches, previous_options, *previous_facts, impl.parts,
                     impl.patterns);
  }
  const detail::CheckContext ctx(doc, matches, options, facts, impl.parts, impl.patterns,
                                 previous ? &*previous : nullptr);

  Report report;
  report.file = doc.name;
  if (options.previous) report.previous = options.previous->name;
  report.type = facts.type;
  report.year = facts.year.report.value_or(0);
  std::vector<bool> applies(impl.packs.size());
  for (std::size_t p = 0; p < impl.packs.size(); ++p) {
    applies[p] = pack_applies(impl.packs[p].id, facts.type.id);
    if (applies[p]) report.packs.push_back(impl.packs[p].id);
  }
  for (const detail::PartDef& def : impl.parts) {
    auto pack = std::find_if(impl.packs.begin(), impl.packs.end(),
                             [&](const PackInfo& p) { return p.id == def.id.pack; });
    if (pack == impl.packs.end() || !applies[static_cast<std::size_t>(pack - impl.packs.begin())])
      continue;
    PartStatus status{def.id.pack, def.id.part, def.name, PartStatus::How::missing, 0};
    if (const detail::PartLocation* where = ctx.part(def.id)) {
      status.how = static_cast<PartStatus::How>(where->how);
      status.line = detail::line_at(doc, where->found.begin);
    } else if (facts.truncated) {
      status.how = PartStatus::How::unknown;
    }
    report.parts.push_back(std::move(status));
  }
  detail::DocumentSink sink(doc, report.findings);
  for (std::size_t i = 0; i < impl.checks.size(); ++i) {
    const std::string& id = impl.rules[i].id;
    if (!applies[impl.check_pack[i]] || impl.rules[i].disabled()) continue;
    if (options.disabled.count(id) || (!options.only.empty() && !options.only.count(id))) continue;
    if (!in_years(impl.rules[i], facts.year.report)) continue;
    impl.checks[i]->run(ctx, sink);
  }
  drop_superseded(report.findings, impl.rules);
  drop_allowed(report.findings, doc.text, options);
  for (Finding& f : report.findings) {
    if (auto it = options.severity_overrides.find(f.rule_id);
        it != options.severity_overrides.end()) {
      f.severity = it->second;
    }
  }
  std::stable_sort(
      report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.begin, a.rule_id, a.end) < std::tie(b.begin, b.rule_id, b.end);
      });
  detail::assign_fingerprints(report.findings, doc);  // in this order: the n-th identical one
  return report;
}

ReportIdentity identify(const Document& doc, const RuleSet& rules, const CheckOptions& options) {
  ReportIdentity out;
  out.organ = detail::report_organ(doc);
  // The title's year is the report's (find_report_year() looks at the text only without one).
  std::optional<int> year = doc.title ? detail::first_year(doc.title->text) : std::nullopt;
  out.year = year ? *year : detail::find_report_year(doc).report.value_or(0);
  if (out.organ.empty() || out.year == 0) return out;  // it cannot be paired: no type needed
  const RuleSet::Impl& impl = rules.impl();
  // A title that names the type needs no scan of the text (most reports): only a document whose
  // type would come from the words of its text is scanned, as check() scans it.
  DocumentType type = detail::find_document_type(doc, detail::MatchIndex(impl.patterns.size()),
                                                 impl.patterns, impl.types, options.document_type);
  if (type.basis == DocumentType::Basis::fallback && (!doc.title || type.genre.empty())) {
    type = detail::find_document_type(doc, impl.patterns.scan(doc), impl.patterns, impl.types,
                                      options.document_type);
  }
  out.type = type.id;
  return out;
}

std::vector<PreviousMatch> pair_previous(const std::vector<ReportIdentity>& reports) {
  std::vector<PreviousMatch> out(reports.size());
  // Reports by type, organ and year: each looks up its own key with the year one less.
  std::map<std::tuple<std::string_view, std::string_view, int>, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const ReportIdentity& r = reports[i];
    if (r.organ.empty() || r.year == 0) continue;
    by_key[{r.type, r.organ, r.year}].push_back(i);
  }
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const ReportIdentity& r = reports[i];
    if (r.organ.empty() || r.year == 0) continue;
    auto it = by_key.find({r.type, r.organ, r.year - 1});
    if (it == by_key.end()) continue;
    out[i].candidates = it->second;
    if (it->second.size() == 1) out[i].previous = it->second.front();
  }
  return out;
}

}  // namespace fzcheck
