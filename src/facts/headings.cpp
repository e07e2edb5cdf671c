#include "facts/headings.hpp"

#include <algorithm>
#include <map>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// The most frequent value; of equally frequent ones, the one that comes first. Counted once (a
// document of 100,000 sibling headings took seconds when each value was counted over all).
template <class T>
std::optional<T> majority(const std::vector<T>& values) {
  std::map<T, std::size_t> counts;
  for (const T& v : values) ++counts[v];
  std::optional<T> best;
  std::size_t best_count = 0;
  for (const T& v : values) {
    std::size_t count = counts[v];
    if (count > best_count) {  // strictly more: the first value wins ties
      best = v;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

HeadingFacts::HeadingFacts(const Document& doc, const std::vector<std::uint32_t>& restarts) {
  const auto& sections = doc.sections;
  group_of.assign(sections.size(), 0);
  // Siblings are the sections of one parent between two restarts.
  std::map<std::pair<std::int32_t, std::size_t>, std::size_t> index;
  for (std::uint32_t i = 0; i < sections.size(); ++i) {
    std::size_t segment = 0;
    if (sections[i].parent >= 0) {
      segment = static_cast<std::size_t>(
          std::upper_bound(restarts.begin(), restarts.end(), sections[i].paragraph) -
          restarts.begin());
    }
    auto [it, added] = index.emplace(std::pair{sections[i].parent, segment}, groups.size());
    if (added) {
      groups.push_back({sections[i].parent, {}, std::nullopt, Bracket::none, false});
      if (sections[i].parent >= 0) {
        const auto parent_at = sections[static_cast<std::size_t>(sections[i].parent)].paragraph;
        groups.back().after_restart =
            segment >
            static_cast<std::size_t>(std::upper_bound(restarts.begin(), restarts.end(), parent_at) -
                                     restarts.begin());
      }
    }
    groups[it->second].sections.push_back(i);
    group_of[i] = static_cast<std::uint32_t>(it->second);
  }
  std::map<std::uint32_t, std::vector<std::uint8_t>> forms_by_level;
  for (SiblingGroup& g : groups) {
    std::vector<std::uint8_t> forms;
    std::vector<Bracket> brackets;
    for (std::uint32_t s : g.sections) {
      const Marker& m = sections[s].marker;
      if (m.numeral == Numeral::none) continue;
      forms.push_back(m.form);
      if (m.bracket != Bracket::none) brackets.push_back(m.bracket);
    }
    g.form = majority(forms);
    g.bracket = majority(brackets).value_or(Bracket::none);
    if (g.form) forms_by_level[sections[g.sections.front()].level].push_back(*g.form);
  }
  for (const auto& [level, forms] : forms_by_level) {
    if (level_form.size() <= level) level_form.resize(level + 1);
    // Each sibling group votes once; a tie goes to the form GB/T 9704 gives that level.
    std::optional<std::uint8_t> best = majority(forms);
    std::size_t best_count =
        static_cast<std::size_t>(std::count(forms.begin(), forms.end(), *best));
    if (level <= 5 &&
        static_cast<std::size_t>(std::count(forms.begin(), forms.end(), level)) == best_count) {
      best = static_cast<std::uint8_t>(level);
    }
    level_form[level] = best;
  }
}

bool HeadingFacts::odd_form(const Document& doc, std::uint32_t section) const {
  const SiblingGroup& g = groups[group_of[section]];
  const Marker& m = doc.sections[section].marker;
  return m.numeral != Numeral::none && g.form && *g.form != m.form;
}

std::string render_marker(std::uint8_t form, std::uint32_t ordinal) {
  std::u32string out;
  switch (form) {
    case 1:
      cjk::append_chinese_number(out, ordinal);
      out.push_back(cjk::kIdeographicComma);
      break;
    case 2:
      out.push_back(cjk::kFullwidthLeftParen);
      cjk::append_chinese_number(out, ordinal);
      out.push_back(cjk::kFullwidthRightParen);
      break;
    case 3:
      for (char c : std::to_string(ordinal)) out.push_back(static_cast<char32_t>(c));
      out.push_back(U'.');
      break;
    case 4:
      out.push_back(cjk::kFullwidthLeftParen);
      for (char c : std::to_string(ordinal)) out.push_back(static_cast<char32_t>(c));
      out.push_back(cjk::kFullwidthRightParen);
      break;
    default:
      if (ordinal >= 1 && ordinal <= 20) out.push_back(cjk::kCircledOne + ordinal - 1);
      break;
  }
  std::string utf8_out;
  for (char32_t c : out) utf8::append(utf8_out, c);
  return utf8_out;
}

}  // namespace fzcheck::detail
