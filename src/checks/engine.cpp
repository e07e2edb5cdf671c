// check(): scan the document once for every pattern, find the parts and the report year, then
// run each rule.
#include <algorithm>
#include <map>

#include "checks/check.hpp"
#include "model/cjk.hpp"
#include "rules/ruleset_impl.hpp"
#include "util/utf8.hpp"

namespace fzcheck {

namespace {

using detail::CheckContext;
using detail::outside_titles;
using detail::PartDef;

bool heading_matches(const CheckContext& ctx, const PartDef& part, Span heading) {
  auto any = [&](const std::vector<detail::PatternId>& ids) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](detail::PatternId id) { return ctx.matches.any_within(id, heading); });
  };
  return any(part.any) && !any(part.none);
}

// Each section at a part's level is assigned to the first part (by priority) whose heading
// patterns match. A part with no such section may be found deeper if its rule allows that.
void classify_parts(CheckContext& ctx, const std::vector<PartDef>& parts) {
  const auto& sections = ctx.doc.sections;
  ctx.top_level_part.assign(sections.size(), "");
  for (std::uint32_t i = 0; i < sections.size(); ++i) {
    for (const PartDef& part : parts) {
      if (part.level == sections[i].level && heading_matches(ctx, part, sections[i].heading)) {
        if (sections[i].parent < 0) ctx.top_level_part[i] = part.id;
        ctx.parts[part.id].sections.push_back(i);
        break;
      }
    }
  }
  for (const PartDef& part : parts) {
    if (!part.subsection || ctx.parts.count(part.id)) continue;
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
      if (sections[i].level > part.level && heading_matches(ctx, part, sections[i].heading)) {
        ctx.parts[part.id] = {{i}, true};
        break;
      }
    }
  }
}

// Calls f(year) for every four-digit year followed by 年, in text order: "2024年" and the
// digit-by-digit Chinese form "二〇二四年".
template <class F>
void for_each_year(std::string_view text, F&& f) {
  const std::string year_char = utf8::encode(cjk::kYear);
  std::size_t pos = 0;
  while ((pos = text.find(year_char, pos)) != std::string_view::npos) {
    for (bool chinese : {false, true}) {
      std::size_t i = pos;
      int value = 0;
      int digits = 0;
      int scale = 1;
      while (i > 0 && digits < 5) {
        std::size_t j = i;
        char32_t c = utf8::prev(text, j);
        int d = chinese ? cjk::chinese_digit(c) : cjk::arabic_digit(c);
        if (d < 0) break;
        value += d * scale;
        scale *= 10;
        ++digits;
        i = j;
      }
      if (digits == 4 && value >= 1990 && value <= 2100) {
        f(value);
        break;
      }
    }
    pos += year_char.size();
  }
}

// The report year is the first year of the title, else the year the body mentions most. The body
// year is the one the preamble and the first part mention most (not the plan for next year).
void find_years(CheckContext& ctx) {
  const Document& doc = ctx.doc;
  if (doc.title) {
    for_each_year(doc.title->text, [&](int year) {
      if (!ctx.title_year) ctx.title_year = year;
    });
  }
  auto most_mentioned = [&](std::uint32_t end_paragraph) -> std::optional<int> {
    std::map<int, int> counts;
    for (std::uint32_t i = 0; i < end_paragraph; ++i) {
      const Paragraph& p = doc.paragraphs[i];
      if (p.role == ParagraphRole::preamble || p.role == ParagraphRole::body ||
          p.role == ParagraphRole::heading) {
        for_each_year(outside_titles(doc.str(p.span)), [&](int year) { ++counts[year]; });
      }
    }
    std::optional<int> best;
    int best_count = 0;
    for (const auto& [year, count] : counts) {
      if (count > best_count) {
        best = year;
        best_count = count;
      }
    }
    return best;
  };
  // The preamble and the first level-one section; then the whole text if they name no year.
  std::uint32_t first_part_end = static_cast<std::uint32_t>(doc.paragraphs.size());
  for (const Section& s : doc.sections) {
    if (s.parent < 0) {
      first_part_end = s.end_paragraph;
      break;
    }
  }
  ctx.body_year = most_mentioned(first_part_end);
  if (!ctx.body_year)
    ctx.body_year = most_mentioned(static_cast<std::uint32_t>(doc.paragraphs.size()));
  ctx.report_year = ctx.title_year ? ctx.title_year : ctx.body_year;
}

}  // namespace

std::size_t Report::count(Severity severity) const noexcept {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

Report check(const Document& doc, const RuleSet& rules, const CheckOptions& options) {
  const RuleSet::Impl& impl = rules.impl();
  detail::MatchIndex matches = impl.patterns.scan(doc);
  CheckContext ctx(doc, matches, options);
  ctx.part_defs = &impl.parts;
  ctx.patterns = &impl.patterns;
  classify_parts(ctx, impl.parts);
  find_years(ctx);

  Report report;
  report.file = doc.name;
  detail::FindingSink sink(doc, report.findings);
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

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  Date d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > kDays[d.month - 1] || (d.month == 2 && d.day == 29 && !leap)) return std::nullopt;
  return d;
}

}  // namespace fzcheck
