#include "match/regex_atoms.hpp"

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// An exact part is one of at most this many strings (a class, an alternation, their products).
constexpr std::size_t kMaxExact = 16;
// A clause made of an alternation of inexact branches holds at most this many atoms.
constexpr std::size_t kMaxClauseAtoms = 64;
// Clauses kept per regex: the most selective ones.
constexpr std::size_t kMaxClauses = 3;
// Atoms of fewer bytes than one Chinese character occur almost everywhere: clauses of such atoms
// are kept only when the regex has no better one.
constexpr std::size_t kStrongAtomBytes = 3;
// RE2's own limit on a counted repetition.
constexpr int kMaxRepeat = 1000;
// Deeper nesting is left to RE2 (which refuses it past its own limit).
constexpr int kMaxDepth = 200;

// What is known of a part of a regex.
struct Info {
  bool exact = false;                // the part matches one of `strings`, and nothing else
  std::vector<std::string> strings;  // exact: may hold "" (the part can match nothing)
  AtomClauses clauses;               // not exact: what every match of the part contains

  static Info any() { return {}; }
  static Info empty() { return exactly({std::string()}); }
  static Info exactly(std::vector<std::string> s) {
    Info i;
    i.exact = true;
    if (s.size() > 1) {
      std::sort(s.begin(), s.end());
      s.erase(std::unique(s.begin(), s.end()), s.end());
    }
    i.strings = std::move(s);
    return i;
  }
};

bool has_empty(const std::vector<std::string>& strings) {
  return std::any_of(strings.begin(), strings.end(),
                     [](const std::string& s) { return s.empty(); });
}

std::size_t shortest(const std::vector<std::string>& clause) {
  std::size_t n = std::numeric_limits<std::size_t>::max();
  for (const std::string& s : clause) n = std::min(n, s.size());
  return n;
}

// More selective first: longer shortest atom, then fewer atoms.
bool better(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::size_t la = shortest(a), lb = shortest(b);
  if (la != lb) return la > lb;
  return a.size() < b.size();
}

// The clauses worth looking for, at most kMaxClauses: the strong ones, or the weak ones when there
// is no strong one.
AtomClauses prune(AtomClauses clauses) {
  for (auto& c : clauses) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
  }
  std::sort(clauses.begin(), clauses.end(),
            [](const auto& a, const auto& b) { return better(a, b) || (!better(b, a) && a < b); });
  clauses.erase(std::unique(clauses.begin(), clauses.end()), clauses.end());
  auto weak = std::find_if(clauses.begin(), clauses.end(),
                           [](const auto& c) { return shortest(c) < kStrongAtomBytes; });
  if (weak != clauses.begin()) clauses.erase(weak, clauses.end());
  if (clauses.size() > kMaxClauses) clauses.resize(kMaxClauses);
  return clauses;
}

// The one clause that stands for a part inside an alternation or under a repetition.
std::optional<std::vector<std::string>> as_clause(const Info& info) {
  if (info.exact) {
    if (info.strings.empty() || has_empty(info.strings)) return std::nullopt;
    return info.strings;
  }
  if (info.clauses.empty()) return std::nullopt;
  return prune(info.clauses).front();
}

Info concatenation(const std::vector<Info>& items) {
  std::vector<std::string> run = {std::string()};  // the exact strings of the current run
  AtomClauses clauses;
  bool all_exact = true;
  auto flush = [&] {
    if (!has_empty(run)) clauses.push_back(run);
    run = {std::string()};
  };
  for (const Info& item : items) {
    if (!item.exact) {
      all_exact = false;
      flush();
      clauses.insert(clauses.end(), item.clauses.begin(), item.clauses.end());
      continue;
    }
    if (item.strings.size() == 1) {  // the common case: more characters, appended in place
      for (std::string& r : run) r += item.strings.front();
      continue;
    }
    if (run.size() * item.strings.size() > kMaxExact) {
      all_exact = false;
      flush();
    }
    std::vector<std::string> next;
    next.reserve(run.size() * item.strings.size());
    for (const std::string& head : run) {
      for (const std::string& tail : item.strings) next.push_back(head + tail);
    }
    run = std::move(next);
  }
  if (all_exact) return Info::exactly(std::move(run));
  flush();
  Info out;
  out.clauses = prune(std::move(clauses));
  return out;
}

Info alternation(const std::vector<Info>& branches) {
  std::vector<std::string> all;
  bool all_exact = true;
  for (const Info& b : branches) {
    all_exact = all_exact && b.exact;
    if (b.exact) all.insert(all.end(), b.strings.begin(), b.strings.end());
  }
  if (all_exact) {
    Info out = Info::exactly(std::move(all));
    if (out.strings.size() <= kMaxExact) return out;
  }
  std::vector<std::string> clause;
  for (const Info& b : branches) {
    auto c = as_clause(b);
    if (!c) return Info::any();
    clause.insert(clause.end(), c->begin(), c->end());
  }
  if (clause.size() > kMaxClauseAtoms) return Info::any();
  Info out;
  out.clauses = prune({std::move(clause)});
  return out;
}

Info repetition(const Info& item, int min, int max) {
  if (min == 1 && max == 1) return item;
  if (min == 0) {
    if (max == 1 && item.exact && item.strings.size() < kMaxExact) {
      std::vector<std::string> s = item.strings;
      s.emplace_back();
      return Info::exactly(std::move(s));
    }
    return Info::any();
  }
  if (!item.exact) return item;  // every match holds at least one copy
  Info out;
  if (auto c = as_clause(item)) out.clauses = {*c};
  return out;
}

// Every spelling of `c` under case folding. The automaton folds ASCII letters itself, so they are
// spelt in lower case only; but an ASCII letter may also stand for one beyond ASCII (k for the
// Kelvin sign K, s for ſ), and that spelling is kept.
std::vector<std::string> spellings(char32_t c, bool fold) {
  if (!fold || (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))))
    return {utf8::encode(c)};
  icu::UnicodeSet closure(static_cast<UChar32>(c), static_cast<UChar32>(c));
  closure.closeOver(USET_CASE_INSENSITIVE);
  std::vector<std::string> out;
  for (int32_t k = 0; k < closure.size(); ++k) {
    UChar32 form = closure.charAt(k);
    if (form >= 'A' && form <= 'Z') form += 'a' - 'A';
    if (form >= 0) out.push_back(utf8::encode(static_cast<char32_t>(form)));
  }
  if (out.empty()) out.push_back(utf8::encode(c));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  std::optional<RegexReading> read() {
    Info info = alternatives(0);
    if (failed_ || i_ != p_.size()) return std::nullopt;
    RegexReading out;
    out.groups = groups_;
    if (!info.exact) {
      out.clauses = prune(std::move(info.clauses));
    } else if (!info.strings.empty() && !has_empty(info.strings)) {
      out.clauses = prune({info.strings});
    }
    return out;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return p_[i_]; }
  bool eat(char c) {
    if (!at_end() && p_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  Info fail() {
    failed_ = true;
    return Info::any();
  }

  // a|b|…, up to a ')' or the end. Flags set inside ((?i)) last to the end of the group.
  Info alternatives(int depth) {
    if (depth > kMaxDepth) return fail();
    const bool fold = fold_;
    std::vector<Info> branches;
    std::vector<Info> items;
    while (!failed_) {
      if (at_end() || peek() == ')') break;
      if (eat('|')) {
        branches.push_back(concatenation(items));
        items.clear();
        continue;
      }
      if (Info run = plain_run(); !run.strings.empty()) {
        items.push_back(std::move(run));
        continue;
      }
      items.push_back(repeated(depth));
    }
    branches.push_back(concatenation(items));
    fold_ = fold;
    return branches.size() == 1 ? branches.front() : alternation(branches);
  }

  // Characters that stand for themselves, none of them repeated, as one exact string (the bulk
  // of most patterns, read without an Info per character). Empty when the next character is not
  // one, or is repeated, or may be spelt in other cases.
  Info plain_run() {
    Info out;
    if (fold_) return out;
    auto plain = [](char c) {
      return std::string_view("\\[]()|.^$*+?{}").find(c) == std::string_view::npos;
    };
    auto repeat = [](char c) { return c == '*' || c == '+' || c == '?' || c == '{'; };
    std::string run;
    while (!at_end() && plain(peek())) {
      const std::size_t from = i_;
      if (next_char() == utf8::kInvalid) {
        i_ = from;
        failed_ = false;
        break;
      }
      if (!at_end() && repeat(peek())) {  // this character belongs to the repetition
        i_ = from;
        break;
      }
      run.append(p_.substr(from, i_ - from));
    }
    if (!run.empty()) out = Info::exactly({std::move(run)});
    return out;
  }

  // One item and the repetition after it.
  Info repeated(int depth) {
    Info item = single(depth);
    if (flags_only_) {  // (?i) is no item: RE2 applies a repetition after it to the item before
      flags_only_ = false;
      if (!at_end() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{'))
        return fail();
      return item;
    }
    while (!failed_ && !at_end()) {
      int min = 0, max = -1;
      if (eat('*')) {
        min = 0;
      } else if (eat('+')) {
        min = 1;
      } else if (eat('?')) {
        max = 1;
      } else if (peek() == '{') {
        if (!bounds(min, max)) return fail();
      } else {
        break;
      }
      eat('?');  // non-greedy: the same matches for this purpose
      item = repetition(item, min, max);
    }
    return item;
  }

  // {n}, {n,}, {n,m}; a brace that is not one is left to RE2.
  bool bounds(int& min, int& max) {
    ++i_;  // {
    auto number = [&](int& out) {
      const std::size_t from = i_;
      long long v = 0;
      while (!at_end() && peek() >= '0' && peek() <= '9' && i_ - from < 5)
        v = v * 10 + (p_[i_++] - '0');
      out = static_cast<int>(v);
      return i_ > from && (at_end() || peek() < '0' || peek() > '9');
    };
    if (!number(min)) return false;
    max = min;
    if (eat(',')) {
      max = -1;
      if (!at_end() && peek() != '}' && !number(max)) return false;
    }
    if (!eat('}')) return false;
    return min <= kMaxRepeat && max <= kMaxRepeat && (max < 0 || max >= min);
  }

  Info single(int depth) {
    const char c = peek();
    switch (c) {
      case '(':
        ++i_;
        return group(depth);
      case '[':
        return char_class();
      case '\\':
        return escape();
      case '.':
        ++i_;
        return Info::any();
      case '^':
      case '$':
        ++i_;
        return Info::empty();
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
        return fail();
      default:
        return literal(next_char());
    }
  }

  char32_t next_char() {
    const char32_t c = utf8::next(p_, i_);
    if (c == utf8::kInvalid) failed_ = true;
    return c;
  }

  Info literal(char32_t c) { return failed_ ? Info::any() : Info::exactly(spellings(c, fold_)); }

  Info group(int depth) {
    if (eat('?')) {
      if (eat('P') || (!at_end() && peek() == '<')) {  // (?P<name>…) or (?<name>…)
        if (!eat('<')) return fail();
        const std::size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return fail();
        i_ = close + 1;
        ++groups_;
      } else {  // flags: (?i) for the rest of the group, (?i:…) for the group
        bool negate = false;
        bool fold = fold_;
        while (!at_end() && peek() != ')' && peek() != ':') {
          const char f = p_[i_++];
          if (f == '-') {
            negate = true;
          } else if (f == 'i') {
            fold = !negate;
          } else if (f != 'm' && f != 's' && f != 'U') {
            return fail();
          }
        }
        if (eat(')')) {
          fold_ = fold;
          flags_only_ = true;
          return Info::empty();
        }
        if (!eat(':')) return fail();
        const bool outer = fold_;
        fold_ = fold;
        Info inner = alternatives(depth + 1);
        fold_ = outer;
        return eat(')') ? inner : fail();
      }
    } else {
      ++groups_;
    }
    Info inner = alternatives(depth + 1);
    return eat(')') ? inner : fail();
  }

  // \d \s \w and \p{…}: classes too large to be exact. Returns whether one was read.
  bool class_escape() {
    if (i_ + 1 >= p_.size()) return false;
    const char e = p_[i_ + 1];
    if (e == 'd' || e == 'D' || e == 's' || e == 'S' || e == 'w' || e == 'W') {
      i_ += 2;
      return true;
    }
    if (e == 'p' || e == 'P') {
      i_ += 2;
      if (eat('{')) {
        const std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos) return failed_ = true, true;
        i_ = close + 1;
      } else if (!at_end()) {
        ++i_;
      } else {
        failed_ = true;
      }
      return true;
    }
    return false;
  }

  // An escape that stands for one character (\x{3000}, \n, \.); kInvalid when it is not one.
  char32_t escaped_char() {
    if (i_ + 1 >= p_.size()) return utf8::kInvalid;
    const char e = p_[i_ + 1];
    auto hex = [](std::string_view digits) -> char32_t {
      std::uint32_t v = 0;
      const char* end = digits.data() + digits.size();
      if (digits.empty() || digits.size() > 8) return utf8::kInvalid;
      const auto [ptr, ec] = std::from_chars(digits.data(), end, v, 16);
      if (ec != std::errc() || ptr != end || v > 0x10FFFF) return utf8::kInvalid;
      return static_cast<char32_t>(v);
    };
    if (e == 'x') {
      if (i_ + 2 < p_.size() && p_[i_ + 2] == '{') {
        const std::size_t close = p_.find('}', i_ + 3);
        if (close == std::string_view::npos) return utf8::kInvalid;
        const char32_t c = hex(p_.substr(i_ + 3, close - i_ - 3));
        i_ = close + 1;
        return c;
      }
      if (i_ + 4 > p_.size()) return utf8::kInvalid;
      const char32_t c = hex(p_.substr(i_ + 2, 2));
      i_ += 4;
      return c;
    }
    const char* controls = "ntrfva";
    const char32_t values[] = {'\n', '\t', '\r', '\f', '\v', '\a'};
    for (int k = 0; controls[k] != 0; ++k) {
      if (e == controls[k]) {
        i_ += 2;
        return values[k];
      }
    }
    const auto u = static_cast<unsigned char>(e);
    if (u < 0x80 && !((e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))) {
      i_ += 2;  // escaped punctuation
      return static_cast<char32_t>(e);
    }
    return utf8::kInvalid;
  }

  Info escape() {
    if (class_escape()) return Info::any();
    if (i_ + 1 < p_.size()) {
      const char e = p_[i_ + 1];
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        i_ += 2;
        return Info::empty();
      }
      if (e == 'C') {
        i_ += 2;
        return Info::any();
      }
      if (e == 'Q') {  // \Q…\E: literal text
        i_ += 2;
        std::size_t end = p_.find("\\E", i_);
        if (end == std::string_view::npos) end = p_.size();
        std::vector<Info> chars;
        while (i_ < end && !failed_) chars.push_back(literal(next_char()));
        i_ = end == p_.size() ? end : end + 2;
        return concatenation(chars);
      }
    }
    const char32_t c = escaped_char();
    if (c == utf8::kInvalid) return fail();
    return literal(c);
  }

  // [...]: exact when it lists a few characters.
  Info char_class() {
    ++i_;  // [
    bool large = eat('^');
    std::vector<char32_t> chars;
    bool first = true;
    while (!failed_) {
      if (at_end()) return fail();
      if (peek() == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (peek() == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {  // [:alpha:]
        const std::size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return fail();
        i_ = close + 2;
        large = true;
        continue;
      }
      char32_t lo = 0;
      if (peek() == '\\') {
        if (class_escape()) {
          large = true;
          continue;
        }
        lo = escaped_char();
      } else {
        lo = next_char();
      }
      if (lo == utf8::kInvalid) return fail();
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        hi = peek() == '\\' ? escaped_char() : next_char();
        if (hi == utf8::kInvalid || hi < lo) return fail();
      }
      if (hi - lo >= kMaxExact) {
        large = true;
        continue;
      }
      for (char32_t c = lo; c <= hi; ++c) chars.push_back(c);
    }
    if (failed_ || large) return Info::any();
    std::vector<std::string> strings;
    for (char32_t c : chars) {
      for (std::string& s : spellings(c, fold_)) strings.push_back(std::move(s));
    }
    Info out = Info::exactly(std::move(strings));
    if (out.strings.size() > kMaxExact) return Info::any();
    return out;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool fold_ = false;  // (?i) is in force
  bool failed_ = false;
  bool flags_only_ = false;  // the item just read was (?flags)
  int groups_ = 0;
};

}  // namespace

std::optional<RegexReading> read_regex(std::string_view pattern) {
  return Reader(pattern).read();
}

}  // namespace fzcheck::detail
