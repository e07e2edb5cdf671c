#include "match/pattern_set.hpp"

#include <re2/re2.h>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "match/regex_atoms.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

RE2::Options regex_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// RE2's messages name the construct; say what to do instead for the ones authors try first.
std::string explain_regex_error(const std::string& error) {
  if (error.find("invalid perl operator: (?=") != std::string::npos ||
      error.find("invalid perl operator: (?!") != std::string::npos ||
      error.find("invalid perl operator: (?<") != std::string::npos) {
    return error +
           " (RE2 has no lookahead or lookbehind: match the text itself and list the contexts "
           "that must not count under 'except')";
  }
  if (error.find("invalid escape sequence: \\1") != std::string::npos ||
      error.find("invalid escape sequence: \\2") != std::string::npos) {
    return error + " (RE2 has no backreferences; use a 'repeated-word' rule for doubled words)";
  }
  return error;
}

bool has_upper_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Every match of `re` in `para` (leftmost, not overlapping; an empty match steps one code point
// further), offsets from `base`.
void each_match(const RE2& re, std::string_view para, std::uint32_t base, std::vector<Match>& out) {
  const re2::StringPiece whole(para.data(), para.size());
  std::size_t pos = 0;
  re2::StringPiece m;
  while (pos <= para.size() && re.Match(whole, pos, para.size(), RE2::UNANCHORED, &m, 1)) {
    auto b = static_cast<std::uint32_t>(m.data() - para.data());
    auto e = static_cast<std::uint32_t>(b + m.size());
    out.push_back({base + b, base + e});
    if (e > pos && e > b) {
      pos = e;
    } else {  // an empty match: step over one code point
      std::size_t next = e;
      if (next >= para.size()) break;
      utf8::next(para, next);
      pos = next;
    }
  }
}

}  // namespace

std::string lift_repetition_bounds(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos) return std::string(p);
  auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // The end of an escape starting at p[i] == '\\': \x{…}, \p{…} and \P{…} run to their brace.
  auto escape_end = [&](std::size_t i) -> std::size_t {
    if (i + 1 >= p.size()) return std::string_view::npos;
    const char d = p[i + 1];
    if ((d == 'x' || d == 'p' || d == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
      std::size_t close = p.find('}', i + 3);
      return close == std::string_view::npos ? close : close + 1;
    }
    return i + 2;
  };
  std::string out;
  out.reserve(p.size());
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    std::size_t end = i + 1;
    if (c == '\\') {
      end = escape_end(i);
    } else if (c == '[') {  // a class, to its closing bracket: nothing inside is a repetition
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j != std::string_view::npos && j < p.size() && p[j] != ']') {
        if (p[j] == '\\') {
          j = escape_end(j);
        } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
          std::size_t close = p.find(":]", j + 2);
          j = close == std::string_view::npos ? close : close + 2;
        } else {
          ++j;
        }
      }
      end = j == std::string_view::npos || j >= p.size() ? j : j + 1;
    } else if (c == '{') {
      const std::size_t close = p.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view inside = p.substr(i + 1, close - i - 1);
        const std::size_t comma = inside.find(',');
        // Only a valid bound (n ≤ m ≤ 1000): an invalid one stays, for RE2 to report.
        auto number = [](std::string_view s) {
          return s.size() > 4 ? 10000 : std::stoi(std::string(s));
        };
        if (comma != std::string_view::npos && digits(inside.substr(comma + 1)) &&
            (comma == 0 || digits(inside.substr(0, comma))) &&
            (comma == 0 ? 0 : number(inside.substr(0, comma))) <=
                number(inside.substr(comma + 1)) &&
            number(inside.substr(comma + 1)) <= 1000) {
          out += '{';
          out += comma == 0 ? std::string_view("0") : inside.substr(0, comma);
          out += ",}";
          i = close + 1;
          continue;
        }
      }
    }
    if (end == std::string_view::npos || end > p.size()) return std::string(p);  // unreadable
    out.append(p.substr(i, end - i));
    i = end;
  }
  return out;
}

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

PatternId PatternSet::add_literal(std::string_view text) {
  auto [known, added] =
      literal_ids_.try_emplace(std::string(text), static_cast<PatternId>(entries_.size()));
  if (!added) return known->second;
  Entry e;
  e.text = std::string(text);
  e.exact_case = has_upper_ascii(text);
  entries_.push_back(std::move(e));
  return static_cast<PatternId>(entries_.size() - 1);
}

std::variant<PatternId, std::string> PatternSet::add_regex(std::string_view pattern, Where where,
                                                           bool trusted) {
  if (auto known = regex_ids_.find(std::string(pattern)); known != regex_ids_.end()) {
    entries_[known->second].where = entries_[known->second].where | where;
    return known->second;
  }
  auto compiled = std::make_unique<Compiled>();
  std::optional<RegexReading> reading = read_regex(pattern);
  // A trusted regex that the reader understands waits for its first use; any other is compiled
  // now, so that a mistake is reported when the rules are loaded.
  if (trusted && reading) {
    compiled->lazy = true;
    std::string lifted = lift_repetition_bounds(pattern);
    if (lifted != pattern) compiled->stand_in_text = std::move(lifted);
  } else {
    compiled->regex =
        std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), regex_options());
    if (!compiled->regex->ok()) return explain_regex_error(compiled->regex->error());
    compiled->ready.store(true, std::memory_order_relaxed);
  }
  Entry e;
  e.regex = true;
  e.text = std::string(pattern);
  e.where = where;
  e.groups = compiled->regex ? compiled->regex->NumberOfCapturingGroups() : reading->groups;
  e.compiled = std::move(compiled);
  if (reading) e.atom_clauses = std::move(reading->clauses);
  entries_.push_back(std::move(e));
  auto id = static_cast<PatternId>(entries_.size() - 1);
  regex_entries_.push_back(id);
  regex_ids_.emplace(std::string(pattern), id);
  return id;
}

void PatternSet::build() {
  for (PatternId id = 0; id < entries_.size(); ++id) {
    if (!entries_[id].regex) {
      automaton_.add(entries_[id].text);
      automaton_targets_.push_back(id);
    }
  }
  // Each distinct atom is looked for once, whichever regexes need it.
  std::unordered_map<std::string, std::uint32_t> atom_ids;
  clauses_.resize(regex_entries_.size());
  for (std::uint32_t r = 0; r < regex_entries_.size(); ++r) {
    Entry& e = entries_[regex_entries_[r]];
    if (e.where == Where::nowhere)
      e.atom_clauses.clear();  // never looked for by the scan
    else if (e.atom_clauses.empty())
      unfiltered_.push_back(r);
    for (const auto& clause : e.atom_clauses) {
      std::vector<std::uint32_t>& ids = clauses_[r].emplace_back();
      for (const std::string& atom : clause) {
        auto [it, added] = atom_ids.try_emplace(atom, static_cast<std::uint32_t>(atom_ids.size()));
        if (added) {
          automaton_.add(atom);
          automaton_targets_.push_back(-1 - static_cast<std::int64_t>(it->second));
          atom_users_.emplace_back();
        }
        ids.push_back(it->second);
        auto& users = atom_users_[it->second];
        if (users.empty() || users.back() != r) users.push_back(r);
      }
    }
    e.atom_clauses.clear();
    e.atom_clauses.shrink_to_fit();
  }
  automaton_.build();
  built_ = true;
}

const re2::RE2& PatternSet::compiled(const Entry& e) const {
  Compiled& c = *e.compiled;
  if (c.lazy) {
    std::call_once(c.once, [&] {
      c.regex =
          std::make_unique<RE2>(re2::StringPiece(e.text.data(), e.text.size()), regex_options());
      c.ready.store(true, std::memory_order_release);
    });
  }
  return *c.regex;
}

const re2::RE2& PatternSet::stand_in(const Entry& e) const {
  Compiled& c = *e.compiled;
  std::call_once(c.stand_in_once, [&] {
    c.stand_in = std::make_unique<RE2>(
        re2::StringPiece(c.stand_in_text.data(), c.stand_in_text.size()), regex_options());
  });
  return *c.stand_in;
}

std::optional<std::string> PatternSet::rewrite_error(PatternId id, std::string_view rewrite) const {
  for (std::size_t i = 0; i < rewrite.size(); ++i) {
    if (rewrite[i] != '\\') continue;
    if (++i == rewrite.size()) return std::string("a backslash at the end names no group");
    const char c = rewrite[i];
    if (c == '\\') continue;
    if (c < '0' || c > '9') {
      return std::string(
          "a backslash must be followed by a group number (0 to 9) or by another "
          "backslash");
    }
    if (c - '0' > entries_[id].groups) {
      return fmt::format(
          "\\{} names group {}, but the regular expression has {} capturing "
          "group(s)",
          c, c - '0', entries_[id].groups);
    }
  }
  return std::nullopt;
}

const re2::RE2* PatternSet::regex(PatternId id) const {
  const Entry& e = entries_[id];
  return e.regex ? &compiled(e) : nullptr;
}

std::size_t PatternSet::lazy_regexes() const {
  return static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(),
                    [](const Entry& e) { return e.compiled != nullptr && e.compiled->lazy; }));
}

std::vector<Match> PatternSet::paragraph_matches(PatternId id, const Document& doc,
                                                 std::uint32_t paragraph) const {
  const Entry& e = entries_[id];
  const Span span = doc.paragraphs[paragraph].span;
  const std::string_view para = doc.str(span);
  std::vector<Match> out;
  if (e.regex) {
    each_match(compiled(e), para, span.begin, out);
    return out;
  }
  // Every occurrence, overlapping ones too, as the automaton reports them.
  for (std::size_t pos = 0; pos < para.size(); ++pos) {
    const std::size_t found =
        e.exact_case ? para.find(e.text, pos) : ascii::ifind(para.substr(pos), e.text);
    if (found == std::string_view::npos) break;
    pos = e.exact_case ? found : pos + found;
    out.push_back({static_cast<std::uint32_t>(span.begin + pos),
                   static_cast<std::uint32_t>(span.begin + pos + e.text.size())});
  }
  return out;
}

std::optional<Match> PatternSet::find_in_text(PatternId id, std::string_view text) const {
  const Entry& e = entries_[id];
  auto at = [&](std::size_t begin, std::size_t length) {
    return Match{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + length)};
  };
  if (e.regex) {
    re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece found;
    if (!compiled(e).Match(whole, 0, whole.size(), RE2::UNANCHORED, &found, 1)) return std::nullopt;
    return at(static_cast<std::size_t>(found.data() - text.data()), found.size());
  }
  std::size_t pos = e.exact_case ? text.find(e.text) : ascii::ifind(text, e.text);
  if (pos == std::string_view::npos) return std::nullopt;
  return at(pos, e.text.size());
}

MatchIndex PatternSet::scan(const Document& doc) const {
  MatchIndex index(entries_.size());
  auto& out = index.raw();
  const std::string_view text = doc.text;
  const bool any_regex = !regex_entries_.empty();

  // The atoms found in the current paragraph: each atom's and each regex's last paragraph (+1)
  // say whether it was seen or tried there already.
  std::vector<std::uint32_t> atoms;
  std::vector<std::uint32_t> atom_seen(atom_users_.size(), 0);
  std::vector<std::uint32_t> regex_tried(regex_entries_.size(), 0);
  std::size_t paragraph = 0;
  const auto& paragraphs = doc.paragraphs;

  // Where a regex scoped to the signature or the title may run.
  const Span signature = doc.signature ? doc.signature->span : Span{};
  static const std::vector<std::uint32_t> kNoTitle;
  const std::vector<std::uint32_t>& title = doc.title ? doc.title->paragraphs : kNoTitle;
  auto overlaps = [](Span a, Span b) { return !b.empty() && a.begin < b.end && b.begin < a.end; };

  auto run_regex = [&](std::uint32_t r, Span span, Where here) {
    const PatternId id = regex_entries_[r];
    const Entry& entry = entries_[id];
    if ((static_cast<std::uint8_t>(entry.where) & static_cast<std::uint8_t>(here)) == 0 &&
        entry.where != Where::everywhere)
      return;
    const re2::StringPiece para(text.data() + span.begin, span.size());
    // Until a lazy regex is compiled, its stand-in (which matches wherever it does) says whether
    // this paragraph needs it: a document that never does never pays for compiling it.
    const Compiled& c = *entry.compiled;
    if (!c.stand_in_text.empty() && !c.ready.load(std::memory_order_acquire) &&
        !stand_in(entry).Match(para, 0, para.size(), RE2::UNANCHORED, nullptr, 0))
      return;
    each_match(compiled(entry), std::string_view(para.data(), para.size()), span.begin, out[id]);
  };

  auto run_regexes = [&](std::size_t p) {
    if (!any_regex || p >= paragraphs.size()) return;
    if (atoms.empty() && unfiltered_.empty()) return;
    const auto stamp = static_cast<std::uint32_t>(p + 1);
    const Span span = paragraphs[p].span;
    // The places this paragraph is part of, for the regexes that look only there.
    Where here = overlaps(span, signature) ? Where::signature : Where::nowhere;
    if (std::find(title.begin(), title.end(), p) != title.end()) here = here | Where::title;
    for (std::uint32_t a : atoms) {
      for (std::uint32_t r : atom_users_[a]) {
        if (regex_tried[r] == stamp) continue;
        regex_tried[r] = stamp;
        const bool all = std::all_of(clauses_[r].begin(), clauses_[r].end(), [&](const auto& c) {
          return std::any_of(c.begin(), c.end(),
                             [&](std::uint32_t x) { return atom_seen[x] == stamp; });
        });
        if (all) run_regex(r, span, here);
      }
    }
    for (std::uint32_t r : unfiltered_) run_regex(r, span, here);
    atoms.clear();
  };

  automaton_.scan(text, [&](std::uint32_t pattern, std::size_t end) {
    if (any_regex) {
      // Paragraphs passed since the last hit get their regexes run now.
      while (paragraph + 1 < paragraphs.size() && paragraphs[paragraph + 1].span.begin < end) {
        run_regexes(paragraph);
        ++paragraph;
      }
    }
    std::int64_t target = automaton_targets_[pattern];
    if (target >= 0) {
      const Entry& e = entries_[static_cast<std::size_t>(target)];
      auto begin = static_cast<std::uint32_t>(end - e.text.size());
      if (e.exact_case && text.compare(begin, e.text.size(), e.text) != 0) return;
      out[static_cast<std::size_t>(target)].push_back({begin, static_cast<std::uint32_t>(end)});
    } else {
      const auto atom = static_cast<std::uint32_t>(-1 - target);
      const auto stamp = static_cast<std::uint32_t>(paragraph + 1);
      if (atom_seen[atom] != stamp) {
        atom_seen[atom] = stamp;
        atoms.push_back(atom);
      }
    }
  });
  if (any_regex) {
    for (; paragraph < paragraphs.size(); ++paragraph) run_regexes(paragraph);
  }
  for (auto& list : out) {
    std::sort(list.begin(), list.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
  }
  return index;
}

std::span<const Match> MatchIndex::starting_in(PatternId id, Span span) const noexcept {
  const auto& list = matches_[id];
  auto first = std::lower_bound(list.begin(), list.end(), span.begin,
                                [](const Match& m, std::uint32_t b) { return m.begin < b; });
  auto last = std::lower_bound(first, list.end(), span.end,
                               [](const Match& m, std::uint32_t e) { return m.begin < e; });
  return std::span<const Match>(list.data() + (first - list.begin()),
                                static_cast<std::size_t>(last - first));
}

bool MatchIndex::any_within(PatternId id, Span span) const noexcept {
  for (const Match& m : starting_in(id, span)) {
    if (m.end <= span.end) return true;
  }
  return false;
}

}  // namespace fzcheck::detail
