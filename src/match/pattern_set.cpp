#include "match/pattern_set.hpp"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <unordered_map>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// Atoms shorter than this (in bytes) are not worth filtering on: one Chinese character is 3.
constexpr int kMinAtomBytes = 1;

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

// RE2 lowers the atoms it extracts with Unicode case folding (Ⅱ → ⅱ, Ｐ → ｐ, É → é), even for a
// case-sensitive regex, while the automaton folds ASCII only: an atom with a non-ASCII letter
// that has an upper-case form may be in the text without the automaton seeing it.
bool lowered_beyond_ascii(std::string_view atom) {
  std::size_t i = 0;
  while (i < atom.size()) {
    char32_t c = utf8::next(atom, i);
    if (c >= 0x80 && c != utf8::kInvalid &&
        u_toupper(static_cast<UChar32>(c)) != static_cast<UChar32>(c)) {
      return true;
    }
  }
  return false;
}

// Every spelling of such an atom whose letters beyond ASCII are in any case (ｘ → ｘ, Ｘ): what
// the text may hold where RE2 wrote the lowered atom. Empty when there would be more than
// kMaxSpellings (the atom is then taken as present everywhere).
constexpr std::size_t kMaxSpellings = 16;
std::vector<std::string> case_spellings(std::string_view atom) {
  std::vector<std::string> out = {""};
  std::size_t i = 0;
  while (i < atom.size()) {
    const std::size_t from = i;
    const char32_t c = utf8::next(atom, i);
    std::vector<std::string> forms;
    if (c >= 0x80 && c != utf8::kInvalid) {
      icu::UnicodeSet closure(static_cast<UChar32>(c), static_cast<UChar32>(c));
      closure.closeOver(USET_CASE_INSENSITIVE);
      for (int32_t k = 0; k < closure.size(); ++k) {
        const UChar32 form = closure.charAt(k);
        if (closure.contains(form)) forms.push_back(utf8::encode(static_cast<char32_t>(form)));
      }
    }
    if (forms.empty()) forms.emplace_back(atom.substr(from, i - from));
    if (out.size() * forms.size() > kMaxSpellings) return {};
    std::vector<std::string> next;
    for (const std::string& head : out) {
      for (const std::string& form : forms) next.push_back(head + form);
    }
    out = std::move(next);
  }
  return out;
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

PatternSet::PatternSet() : filter_(std::make_unique<re2::FilteredRE2>(kMinAtomBytes)) {}
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
  int filtered_id = -1;
  std::unique_ptr<Lazy> lazy;
  if (trusted) {
    // The stand-in, when lifting the bounds changes the pattern and it compiles.
    const std::string lifted = lift_repetition_bounds(pattern);
    if (lifted != pattern && filter_->Add(lifted, regex_options(), &filtered_id) == RE2::NoError) {
      lazy = std::make_unique<Lazy>();
    }
  }
  if (!lazy) {
    RE2::ErrorCode code = filter_->Add(re2::StringPiece(pattern.data(), pattern.size()),
                                       regex_options(), &filtered_id);
    if (code != RE2::NoError) {
      RE2 probe(re2::StringPiece(pattern.data(), pattern.size()), regex_options());
      return explain_regex_error(probe.error());
    }
  }
  Entry e;
  e.regex = true;
  e.text = std::string(pattern);
  e.filtered_id = filtered_id;
  e.where = where;
  e.lazy = std::move(lazy);
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
  if (!regex_entries_.empty()) {
    std::vector<std::string> atoms;
    filter_->Compile(&atoms);
    for (std::size_t a = 0; a < atoms.size(); ++a) {
      std::vector<std::string> spellings = {atoms[a]};
      if (lowered_beyond_ascii(atoms[a])) {
        spellings = case_spellings(atoms[a]);
        if (spellings.empty()) {
          always_atoms_.push_back(static_cast<int>(a));  // taken as present in every paragraph
          continue;
        }
      }
      for (const std::string& spelling : spellings) {
        automaton_.add(spelling);
        automaton_targets_.push_back(-1 - static_cast<std::int64_t>(a));
      }
    }
    // The regexes that pass the filter with no atom found run on every paragraph.
    filter_->AllPotentials(always_atoms_, &unfiltered_);
  }
  automaton_.build();
  built_ = true;
}

const re2::RE2& PatternSet::compiled(const Entry& e) const {
  if (!e.lazy) return filter_->GetRE2(e.filtered_id);
  std::call_once(e.lazy->once, [&] {
    e.lazy->regex =
        std::make_unique<RE2>(re2::StringPiece(e.text.data(), e.text.size()), regex_options());
    e.lazy->ready.store(true, std::memory_order_release);
  });
  return *e.lazy->regex;
}

const re2::RE2* PatternSet::groups(PatternId id) const noexcept {
  const Entry& e = entries_[id];
  return e.regex ? &filter_->GetRE2(e.filtered_id) : nullptr;
}

const re2::RE2* PatternSet::regex(PatternId id) const {
  const Entry& e = entries_[id];
  return e.regex ? &compiled(e) : nullptr;
}

std::size_t PatternSet::lazy_regexes() const {
  return static_cast<std::size_t>(std::count_if(entries_.begin(), entries_.end(),
                                                [](const Entry& e) { return e.lazy != nullptr; }));
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

  // Atoms found, per paragraph, for the regexes.
  std::vector<int> atoms;
  std::vector<int> potentials;
  std::size_t paragraph = 0;
  const auto& paragraphs = doc.paragraphs;

  // Where a regex scoped to the signature may run.
  const Span signature = doc.signature ? doc.signature->span : Span{};
  auto overlaps = [](Span a, Span b) { return !b.empty() && a.begin < b.end && b.begin < a.end; };

  auto run_regexes = [&](std::size_t p) {
    if (!any_regex || p >= paragraphs.size()) return;
    if (atoms.empty() && unfiltered_.empty()) return;
    atoms.insert(atoms.end(), always_atoms_.begin(), always_atoms_.end());
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    filter_->AllPotentials(atoms, &potentials);
    const Span span = paragraphs[p].span;
    // The places this paragraph is part of, for the regexes that look only there.
    const Where here = overlaps(span, signature) ? Where::signature : Where::nowhere;
    const re2::StringPiece para(text.data() + span.begin, span.size());
    for (int rid : potentials) {
      const Entry& entry = entries_[regex_entries_[static_cast<std::size_t>(rid)]];
      if ((static_cast<std::uint8_t>(entry.where) & static_cast<std::uint8_t>(here)) == 0 &&
          entry.where != Where::everywhere)
        continue;
      // Until a lazy regex is compiled, its stand-in (which matches wherever it does) says whether
      // this paragraph needs it: a document that never does never pays for compiling it.
      if (entry.lazy && !entry.lazy->ready.load(std::memory_order_acquire) &&
          !filter_->GetRE2(rid).Match(para, 0, para.size(), RE2::UNANCHORED, nullptr, 0))
        continue;
      const RE2& re = compiled(entry);
      auto& list = out[regex_entries_[static_cast<std::size_t>(rid)]];
      std::size_t pos = 0;
      re2::StringPiece m;
      while (pos <= para.size() && re.Match(para, pos, para.size(), RE2::UNANCHORED, &m, 1)) {
        auto b = static_cast<std::uint32_t>(m.data() - para.data());
        auto e = static_cast<std::uint32_t>(b + m.size());
        list.push_back({span.begin + b, span.begin + e});
        if (e > pos && e > b) {
          pos = e;
        } else {  // an empty match: step over one code point
          std::size_t next = e;
          if (next >= para.size()) break;
          utf8::next(std::string_view(para.data(), para.size()), next);
          pos = next;
        }
      }
    }
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
      atoms.push_back(static_cast<int>(-1 - target));
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
