// check(): scan the document once for every pattern, work out the document's facts, then run each
// rule on the same immutable context.
#include "fzcheck/check.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "checks/kind.hpp"
#include "engine/sink.hpp"
#include "facts/document_facts.hpp"
#include "rules/ruleset_impl.hpp"

namespace fzcheck {

namespace {

// One defect, one finding: a finding of a rule that another rule supersedes goes when it overlaps
// a finding of that other rule.
void drop_superseded(std::vector<Finding>& findings, const std::vector<RuleInfo>& rules) {
  std::map<std::string_view, const std::vector<std::string>*> supersedes;
  for (const RuleInfo& r : rules) {
    if (!r.supersedes.empty()) supersedes[r.id] = &r.supersedes;
  }
  if (supersedes.empty()) return;
  std::vector<const Finding*> dominant;
  for (const Finding& f : findings) {
    if (supersedes.count(f.rule_id)) dominant.push_back(&f);
  }
  if (dominant.empty()) return;
  std::vector<bool> drop(findings.size(), false);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    for (const Finding* d : dominant) {
      const auto& over = *supersedes[d->rule_id];
      if (d->begin_offset < f.end_offset && f.begin_offset < d->end_offset &&
          std::find(over.begin(), over.end(), f.rule_id) != over.end()) {
        drop[i] = true;
        break;
      }
    }
  }
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(findings[i]));
  }
  findings = std::move(kept);
}

}  // namespace

Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options) {
  const RuleSet::Impl& impl = rules.impl();
  const detail::MatchIndex matches = impl.patterns.scan(doc);
  const detail::DocumentFacts facts =
      detail::find_document_facts(doc, matches, {impl.patterns, impl.types, impl.parts}, options);
  const detail::CheckContext ctx(doc, matches, options, facts, impl.parts, impl.patterns);

  Report report;
  report.file = doc.name;
  report.type = facts.type;
  report.year = facts.year.report.value_or(0);
  // A pack runs on the document types it applies to (all, when it names none).
  std::vector<bool> applies(impl.packs.size());
  for (std::size_t p = 0; p < impl.packs.size(); ++p) {
    const auto& types = impl.packs[p].applies_to;
    applies[p] =
        types.empty() || std::find(types.begin(), types.end(), facts.type.id) != types.end();
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
      status.line = doc.locate(where->found.begin).line;
    } else if (facts.truncated) {
      status.how = PartStatus::How::unknown;
    }
    report.parts.push_back(std::move(status));
  }
  detail::DocumentSink sink(doc, report.findings);
  for (std::size_t i = 0; i < impl.checks.size(); ++i) {
    const std::string& id = impl.rules[i].id;
    if (!applies[impl.check_pack[i]]) continue;
    if (options.disabled.count(id) || (!options.only.empty() && !options.only.count(id))) continue;
    impl.checks[i]->run(ctx, sink);
  }
  drop_superseded(report.findings, impl.rules);
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
