// The per-document view rules work on: scope regions and the usual places for findings.
#include <unicode/uchar.h>

#include <algorithm>

#include <fmt/format.h>

#include "checks/kind.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

void merge(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (Span s : spans) {
    if (s.empty()) continue;
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  spans = std::move(out);
}

}  // namespace

std::vector<Span> CheckContext::regions(const Scope& scope) const {
  std::vector<Span> out;
  const auto& paras = doc.paragraphs;
  switch (scope.kind) {
    case ScopeKind::document:
      out.push_back({0, static_cast<std::uint32_t>(doc.text.size())});
      break;
    case ScopeKind::title:
      if (doc.title) {
        for (auto p : doc.title->paragraphs) out.push_back(paras[p].span);
      }
      break;
    case ScopeKind::preamble:
      if (!doc.preamble.empty()) {
        out.push_back({paras[doc.preamble.begin].span.begin, paras[doc.preamble.end - 1].span.end});
      }
      break;
    case ScopeKind::body: {
      for (const Paragraph& p : paras) {
        if (p.role == ParagraphRole::preamble || p.role == ParagraphRole::body ||
            p.role == ParagraphRole::heading || p.role == ParagraphRole::table ||
            p.role == ParagraphRole::annex) {
          out.push_back(p.span);
        }
      }
      break;
    }
    case ScopeKind::headings:
      for (const Section& s : doc.sections) out.push_back({s.marker.span.begin, s.heading.end});
      break;
    case ScopeKind::part_headings:
      for (const auto& [id, where] : facts.parts.found) {
        if (where.how != PartHow::heading && where.how != PartHow::thematic &&
            where.how != PartHow::subheading)
          continue;
        for (std::uint32_t s : where.sections) out.push_back(heading_span(s));
      }
      break;
    case ScopeKind::text:
      for (const Paragraph& p : paras) {
        if (p.role == ParagraphRole::preamble || p.role == ParagraphRole::body ||
            p.role == ParagraphRole::annex)
          out.push_back(p.span);
      }
      for (const Section& s : doc.sections) {
        if (s.run_in) out.push_back({s.terminator.end, paras[s.paragraph].span.end});
      }
      break;
    case ScopeKind::signature:
      if (doc.signature) {
        out.push_back(doc.signature->span);
      }
      break;
    case ScopeKind::date:
      if (doc.date) out.push_back(doc.date->span);
      break;
    case ScopeKind::part:
      if (const PartLocation* where = part(scope.part)) {
        out.insert(out.end(), where->regions.begin(), where->regions.end());
      }
      break;
  }
  merge(out);
  return out;
}

std::optional<Match> CheckContext::first_in(PatternId id, const std::vector<Span>& regions) const {
  for (Span r : regions) {
    for (const Match& m : matches.starting_in(id, r)) {
      if (m.end <= r.end) return m;
    }
  }
  return std::nullopt;
}

bool CheckContext::inside_any(Match m, const std::vector<Span>& regions) {
  auto it = std::upper_bound(regions.begin(), regions.end(), m.begin,
                             [](std::uint32_t b, Span r) { return b < r.begin; });
  if (it == regions.begin()) return false;
  --it;
  return m.begin >= it->begin && m.end <= it->end;
}

Span CheckContext::body_of(std::uint32_t section) const {
  const Section& s = doc.sections[section];
  const Paragraph& heading = doc.paragraphs[s.paragraph];
  std::uint32_t begin = s.run_in ? s.terminator.end : heading.span.end;
  return {std::min(begin, s.extent.end), s.extent.end};
}

Span CheckContext::document_start() const {
  for (const Paragraph& p : doc.paragraphs) {
    if (p.role != ParagraphRole::blank) {
      std::uint32_t at =
          p.span.begin + static_cast<std::uint32_t>(utf8::leading_space_bytes(doc.str(p.span)));
      return {at, at};
    }
  }
  return {0, 0};
}

bool CheckContext::at_clause_start(std::uint32_t offset) const {
  const Paragraph& p = doc.paragraphs[doc.paragraph_at(offset)];
  std::string_view before = std::string_view(doc.text).substr(p.span.begin, offset - p.span.begin);
  std::size_t i = before.size() - utf8::trailing_space_bytes(before);
  if (i == 0) return true;
  char32_t c = utf8::prev(before, i);
  return u_ispunct(static_cast<UChar32>(c)) != 0;
}

std::string CheckContext::heading_label(std::uint32_t section) const {
  const Section& s = doc.sections[section];
  return fmt::format("{}{}", doc.str(s.marker.span), doc.str(s.heading));
}

Span CheckContext::heading_span(std::uint32_t section) const {
  const Section& s = doc.sections[section];
  return {s.marker.span.begin, s.heading.end};
}

const PartLocation* CheckContext::part(const PartId& id) const {
  auto it = facts.parts.found.find(id);
  return it == facts.parts.found.end() ? nullptr : &it->second;
}

std::string CheckContext::part_name(const PartId& part) const {
  for (const PartDef& p : part_defs) {
    if (p.id == part) return p.name;
  }
  return part.part;
}

}  // namespace fzcheck::detail
