#include "facts/parts.hpp"

#include <algorithm>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

bool any_within(const MatchIndex& matches, const std::vector<PatternId>& ids, Span span) {
  return std::any_of(ids.begin(), ids.end(),
                     [&](PatternId id) { return matches.any_within(id, span); });
}

bool heading_matches(const MatchIndex& matches, const PartDef& part, Span heading) {
  return any_within(matches, part.any, heading) && !any_within(matches, part.none, heading);
}

// The first match of one of `ids` inside `span`.
std::optional<Match> first_within(const MatchIndex& matches, const std::vector<PatternId>& ids,
                                  Span span) {
  std::optional<Match> best;
  for (PatternId id : ids) {
    for (const Match& m : matches.starting_in(id, span)) {
      if (m.end > span.end) continue;
      if (!best || m.begin < best->begin) best = m;
      break;
    }
  }
  return best;
}

// The sentence around a match: from after the previous sentence end to the next one.
Span sentence_around(const Document& doc, Span paragraph, Match m) {
  std::string_view text = doc.text;
  std::size_t begin = m.begin;
  while (begin > paragraph.begin) {
    std::size_t k = begin;
    if (cjk::is_sentence_end(utf8::prev(text, k))) break;
    begin = k;
  }
  std::size_t end = m.end;
  while (end < paragraph.end) {
    char32_t c = utf8::next(text, end);
    if (cjk::is_sentence_end(c)) break;
  }
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

class Locator {
 public:
  Locator(const Document& doc, const MatchIndex& matches, const PatternSet& patterns,
          const std::vector<PartDef>& defs)
      : doc_(doc), matches_(matches), patterns_(patterns), defs_(defs) {}

  PartFacts run() {
    out_.top_level.assign(doc_.sections.size(), std::nullopt);
    own_headings();
    themes();
    unheaded(false);  // a paragraph of its own says more than a heading inside another part
    subheadings();
    unheaded(true);  // a sentence says least
    close_unheaded_regions();
    return std::move(out_);
  }

 private:
  // Each section at a part's level goes to the first part (by priority) whose heading matches.
  void own_headings() {
    const auto& sections = doc_.sections;
    for (std::uint32_t i = 0; i < sections.size(); ++i) {
      for (const PartDef& part : defs_) {
        if (part.any.empty() || part.level != sections[i].level ||
            !heading_matches(matches_, part, sections[i].heading)) {
          continue;
        }
        if (sections[i].parent < 0) out_.top_level[i] = part.id;
        add_section(part, PartHow::heading, i);
        break;
      }
    }
  }

  // Level-one sections that are no part are themes of the thematic part (一、坚持党的领导
  // 二、依法全面履行政府职能 … of a thematic report), up to the first part that ends the themes.
  void themes() {
    for (const PartDef& part : defs_) {
      if (!part.thematic) continue;
      auto ends_themes = [&](const PartId& id) {
        return part.themes_until.empty()
                   ? id != part.id
                   : std::find(part.themes_until.begin(), part.themes_until.end(), id.part) !=
                         part.themes_until.end();
      };
      for (std::uint32_t i = 0; i < doc_.sections.size(); ++i) {
        if (doc_.sections[i].parent >= 0) continue;
        if (out_.top_level[i]) {
          if (ends_themes(*out_.top_level[i])) break;
          continue;
        }
        out_.top_level[i] = part.id;
        add_section(part, PartHow::thematic, i);
      }
    }
  }

  // A part without a level-one heading of its own may be a heading further down.
  void subheadings() {
    for (const PartDef& part : defs_) {
      if (!part.subheading || out_.found.count(part.id)) continue;
      const auto& any = part.sub_any.empty() ? part.any : part.sub_any;
      const auto& none = part.sub_any.empty() ? part.none : part.sub_none;
      for (std::uint32_t i = 0; i < doc_.sections.size(); ++i) {
        Span heading = doc_.sections[i].heading;
        if (doc_.sections[i].level > part.level && any_within(matches_, any, heading) &&
            !any_within(matches_, none, heading)) {
          add_section(part, PartHow::subheading, i);
          break;
        }
      }
    }
  }

  // Content with no heading: the first paragraph (or sentence) that the part's words recognise.
  // A sentence may also be in the text of a run-in heading (（一）标题。正文……).
  void unheaded(bool sentences) {
    struct Candidate {
      std::uint32_t paragraph;
      Span text;
      bool run_in;
    };
    std::vector<Candidate> body;
    for (std::uint32_t i = 0; i < doc_.paragraphs.size(); ++i) {
      const Paragraph& p = doc_.paragraphs[i];
      if (p.role == ParagraphRole::preamble || p.role == ParagraphRole::body) {
        body.push_back({i, p.span, false});
      } else if (p.role == ParagraphRole::heading && p.section >= 0) {
        const Section& s = doc_.sections[static_cast<std::size_t>(p.section)];
        if (s.run_in) body.push_back({i, {s.terminator.end, p.span.end}, true});
      }
    }
    const bool has_parts = std::any_of(doc_.sections.begin(), doc_.sections.end(),
                                       [](const Section& s) { return s.parent < 0; });
    for (const PartDef& part : defs_) {
      if (part.content.empty() || part.sentence != sentences || out_.found.count(part.id)) continue;
      if (part.where == ContentWhere::no_parts && has_parts) continue;
      const std::size_t from = part.where == ContentWhere::end ? body.size() / 2 : 0;
      for (std::size_t k = from; k < body.size(); ++k) {
        const auto [p, span, run_in] = body[k];
        if (run_in && !part.sentence) continue;
        if (part.where == ContentWhere::end && !part.inside_others &&
            under_own_heading_of_other(p, part))
          continue;
        auto m = first_content(part, p, span);
        if (!m) continue;
        PartLocation& where = out_.found[part.id];
        where.paragraph = p;
        if (part.sentence) {
          where.how = PartHow::sentence;
          where.found = sentence_around(doc_, span, *m);
          where.regions = {span};
        } else {
          where.how = PartHow::paragraph;
          where.found = {m->begin, m->end};
          where.regions = {span};
          out_.unheaded_starts.insert(
              std::upper_bound(out_.unheaded_starts.begin(), out_.unheaded_starts.end(), p), p);
        }
        break;
      }
    }
  }

  // A paragraph part runs from its paragraph to the next part's start or the next level-one
  // heading, and takes the numbered items in between.
  void close_unheaded_regions() {
    for (auto& [id, where] : out_.found) {
      if (where.how != PartHow::paragraph) continue;
      std::uint32_t end = static_cast<std::uint32_t>(doc_.paragraphs.size());
      for (std::uint32_t s : out_.unheaded_starts) {
        if (s > where.paragraph) {
          end = s;
          break;
        }
      }
      for (const Section& s : doc_.sections) {
        if (s.paragraph > where.paragraph && s.paragraph < end && s.parent < 0) end = s.paragraph;
      }
      std::uint32_t last = where.paragraph;
      for (std::uint32_t p = where.paragraph; p < end; ++p) {
        ParagraphRole r = doc_.paragraphs[p].role;
        if (r == ParagraphRole::body || r == ParagraphRole::heading || r == ParagraphRole::table ||
            r == ParagraphRole::preamble) {
          last = p;
        }
      }
      where.regions = {
          {doc_.paragraphs[where.paragraph].span.begin, doc_.paragraphs[last].span.end}};
    }
  }

  // Whether paragraph `p` lies in a level-one section that is another part's own.
  bool under_own_heading_of_other(std::uint32_t p, const PartDef& part) const {
    std::int32_t s = doc_.paragraphs[p].section;
    while (s >= 0 && doc_.sections[static_cast<std::size_t>(s)].parent >= 0)
      s = doc_.sections[static_cast<std::size_t>(s)].parent;
    if (s < 0) return false;
    const auto& owner = out_.top_level[static_cast<std::size_t>(s)];
    if (!owner || *owner == part.id) return false;
    auto it = out_.found.find(*owner);
    return it != out_.found.end() && it->second.how == PartHow::heading;
  }

  void add_section(const PartDef& part, PartHow how, std::uint32_t section) {
    PartLocation& where = out_.found[part.id];
    const Section& s = doc_.sections[section];
    if (where.sections.empty()) {
      where.how = how;
      where.found = {s.marker.span.begin, s.heading.end};
      where.paragraph = s.paragraph;
    }
    where.sections.push_back(section);
    where.regions.push_back(s.extent);
  }

  // The first match of the part's content patterns inside `span` (in paragraph p). The scan does
  // not look for the content regexes (Where::nowhere: most reports have the part under its own
  // heading and never need them), so the index has none of their matches; they are matched here,
  // paragraph by paragraph, as needed.
  std::optional<Match> first_content(const PartDef& part, std::uint32_t p, Span span) const {
    std::optional<Match> best = first_within(matches_, part.content, span);
    for (PatternId id : part.content) {
      if (!patterns_.is_regex(id) || patterns_.where(id) != Where::nowhere) continue;
      for (const Match& m : patterns_.paragraph_matches(id, doc_, p)) {
        if (m.begin < span.begin || m.end > span.end) continue;
        if (!best || m.begin < best->begin) best = m;
        break;
      }
    }
    return best;
  }

  const Document& doc_;
  const MatchIndex& matches_;
  const PatternSet& patterns_;
  const std::vector<PartDef>& defs_;
  PartFacts out_;
};

}  // namespace

PartFacts locate_parts(const Document& doc, const MatchIndex& matches, const PatternSet& patterns,
                       const std::vector<PartDef>& defs) {
  return Locator(doc, matches, patterns, defs).run();
}

}  // namespace fzcheck::detail
