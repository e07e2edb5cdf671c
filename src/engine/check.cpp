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
  const detail::DocumentFacts facts =
      detail::find_document_facts(doc, matches, {impl.patterns, impl.types, impl.parts}, options);
  const detail::CheckContext ctx(doc, matches, options, facts, impl.parts, impl.patterns);

  Report report;
  report.file = doc.name;
  report.type = facts.type;
  // A pack runs on the document types it applies to (all, when it names none).
  std::vector<bool> applies(impl.packs.size());
  for (std::size_t p = 0; p < impl.packs.size(); ++p) {
    const auto& types = impl.packs[p].applies_to;
    applies[p] =
        types.empty() || std::find(types.begin(), types.end(), facts.type.id) != types.end();
    if (applies[p]) report.packs.push_back(impl.packs[p].id);
  }
  detail::DocumentSink sink(doc, report.findings);
  for (std::size_t i = 0; i < impl.checks.size(); ++i) {
    const std::string& id = impl.rules[i].id;
    if (!applies[impl.check_pack[i]]) continue;
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
