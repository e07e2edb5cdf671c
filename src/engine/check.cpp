// check(): scan the document once for every pattern, work out the document's facts, then run each
// rule on the same immutable context.
#include "fzcheck/check.hpp"

#include <algorithm>

#include "checks/kind.hpp"
#include "engine/sink.hpp"
#include "facts/document_facts.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options) {
  const RuleSet::Impl& impl = rules.impl();
  const detail::MatchIndex matches = impl.patterns.scan(doc);
  const detail::DocumentFacts facts = detail::find_document_facts(doc, matches, impl.parts);
  const detail::CheckContext ctx(doc, matches, options, facts, impl.parts, impl.patterns);

  Report report;
  report.file = doc.name;
  detail::DocumentSink sink(doc, report.findings);
  for (std::size_t i = 0; i < impl.checks.size(); ++i) {
    const std::string& id = impl.rules[i].id;
    if (options.disabled.count(id) || (!options.only.empty() && !options.only.count(id))) continue;
    impl.checks[i]->run(ctx, sink);
  }
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
  return report;
}

}  // namespace fzcheck
