#include "facts/document_type.hpp"

#include <algorithm>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

DocumentType from(const TypeDef& def, DocumentType::Basis basis) {
  DocumentType t;
  t.id = def.id;
  t.name = def.name;
  t.basis = basis;
  return t;
}

// The 文种 a title ends with: the longest genre word at its end (a closing bracket or
// punctuation after it is ignored).
std::string genre_of(std::string_view title, const std::vector<std::string>& genres) {
  std::string_view t = utf8::trim(title);
  while (!t.empty()) {
    std::size_t i = t.size();
    char32_t c = utf8::prev(t, i);
    if (!cjk::is_clause_punct(c) && c != cjk::kFullwidthRightParen && c != U')') break;
    t = utf8::trim(t.substr(0, i));
  }
  std::string best;
  for (const std::string& g : genres) {
    if (t.ends_with(g) && g.size() > best.size()) best = g;
  }
  return best;
}

std::optional<std::string> title_match(const PatternSet& patterns, const TypeDef& def,
                                       std::string_view title) {
  for (PatternId id : def.not_title) {
    if (patterns.find_in_text(id, title)) return std::nullopt;
  }
  for (PatternId id : def.title) {
    if (auto m = patterns.find_in_text(id, title))
      return std::string(title.substr(m->begin, m->end - m->begin));
  }
  return std::nullopt;
}

}  // namespace

const TypeDef* TypeTable::find(std::string_view id) const {
  for (const TypeDef& t : types) {
    if (t.id == id) return &t;
  }
  return fallback && fallback->id == id ? &*fallback : nullptr;
}

DocumentType find_document_type(const Document& doc, const MatchIndex& matches,
                                const PatternSet& patterns, const TypeTable& table,
                                const std::string& forced) {
  const std::string title = doc.title ? doc.title->text : std::string();
  const std::string genre = genre_of(title, table.genres);
  auto finish = [&](DocumentType t) {
    t.genre = genre;
    return t;
  };
  if (!forced.empty()) {
    if (const TypeDef* def = table.find(forced))
      return finish(from(*def, DocumentType::Basis::forced));
  }
  if (doc.title) {
    for (const TypeDef& def : table.types) {
      if (auto words = title_match(patterns, def, title)) {
        DocumentType t = from(def, DocumentType::Basis::title);
        t.evidence = *words;
        return finish(t);
      }
    }
  }
  if (!doc.title || genre.empty()) {
    // No title, or one that names no 文种 (the organ alone): the type whose words the text uses
    // most, if it uses them often enough.
    const std::size_t length = std::max<std::size_t>(1, utf8::length(doc.text));
    const TypeDef* best = nullptr;
    std::uint32_t best_count = 0;
    std::string best_word;
    for (const TypeDef& def : table.types) {
      if (def.body_min == 0) continue;
      std::uint32_t count = 0;
      std::uint32_t most = 0;
      std::string word;
      for (PatternId id : def.body) {
        auto all = matches.all(id);
        count += static_cast<std::uint32_t>(all.size());
        if (all.size() > most) {
          most = static_cast<std::uint32_t>(all.size());
          word = std::string(doc.str({all.front().begin, all.front().end}));
        }
      }
      if (count >= def.body_min && count * 1000 >= def.body_per_thousand * length &&
          count > best_count) {
        best = &def;
        best_count = count;
        best_word = word;
      }
    }
    if (best) {
      DocumentType t = from(*best, DocumentType::Basis::body);
      t.count = best_count;
      t.evidence = best_word;
      return finish(t);
    }
  }
  DocumentType t;
  if (table.fallback) t = from(*table.fallback, DocumentType::Basis::fallback);
  return finish(t);
}

}  // namespace fzcheck::detail
