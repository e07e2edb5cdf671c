// Long passages that one text copies from another, found in time linear in the texts: the search
// behind copied-passage (between the parts of one report) and previous-report (between last
// year's report and this year's). The texts are units of code points without whitespace, each
// character with its byte offset in its document.
//
// Windows of half the minimum length are indexed at fixed steps in the indexed units; every
// window of a searched unit is looked up, a match is extended both ways to its full length, and
// the search goes on after it. Two passages copied from the same place and cut apart by a few
// changed characters are one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checks/kind.hpp"

namespace fzcheck::detail {

struct TextUnit {
  std::u32string chars;  // compared characters: no whitespace, maybe folded
  std::string label;     // how messages name the unit ("二、存在的问题")
  // Where char k starts in `text` (the text of the document the unit was made from); the end of
  // the unit for k == chars.size(). Found from the nearest mark, by reading the text forward.
  std::uint32_t offset(std::string_view text, std::size_t k) const;

  // (char index, byte offset) of the first char of every piece of text the unit was made from,
  // and of every kMarkEvery-th char: 8 bytes for many chars instead of 4 for each.
  static constexpr std::size_t kMarkEvery = 32;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> marks;
  std::uint32_t end = 0;
};

// How units are made from a document.
struct UnitOptions {
  const std::vector<Span>* regions = nullptr;  // only the text inside these (sorted, disjoint)
  bool skip_tables = false;                    // leave out the paragraphs of tables
  bool fold_years = false;    // the digits of a year (2023年, 二〇二三年) compare equal
  bool fold_numbers = false;  // every Arabic digit compares equal
};

// The preamble and each level-one section of `doc`, as units.
std::vector<TextUnit> report_units(const CheckContext& ctx, const UnitOptions& options = {});

// The first code points of a unit's text, to name it in messages (…).
std::string unit_label(std::string_view text);

// A passage of unit `unit` (from `pos`, `len` characters) that is also in indexed unit `from`
// (at `from_pos`).
struct CopiedRun {
  std::uint32_t from = 0;
  std::size_t from_pos = 0;
  std::uint32_t unit = 0;
  std::size_t pos = 0;
  std::size_t len = 0;
};

class PassageIndex {
 public:
  // Indexes `units` (which must outlive the index) for passages of at least `min_length` code
  // points.
  PassageIndex(const std::vector<TextUnit>& units, std::size_t min_length);

  // Calls found(run) for every passage of at least the minimum length in `query[v]` (v from
  // `first`) that is also in an indexed unit u with accept(u, v), in the order of the query, at
  // most `max_runs` times in all. Passages of one unit do not overlap: the search goes on after
  // each one.
  template <class Accept, class Found>
  void find(const std::vector<TextUnit>& query, std::uint32_t first, std::size_t max_runs,
            Accept&& accept, Found&& found) const;

 private:
  static constexpr std::uint64_t kBase = 1000003;
  static constexpr std::size_t kMaxGap = 8;  // code points changed between two runs of one copy

  static std::uint64_t hash(const std::u32string& c, std::size_t p, std::size_t w) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < w; ++k) h = h * kBase + c[p + k];
    return h;
  }

  // The index: open addressing, linear probing, a window's places in the order they were
  // indexed (unit by unit, then by position). A slot holds 32 bits of the window's hash (0: the
  // slot is empty) and where the window starts among the chars of all units, one after another.
  struct Slot {
    std::uint32_t check = 0;
    std::uint32_t at = 0;
  };
  static std::uint32_t check_of(std::uint64_t hash) noexcept {
    const auto c = static_cast<std::uint32_t>(hash >> 32);
    return c == 0 ? 1 : c;
  }
  std::size_t home(std::uint64_t hash) const noexcept {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  // The unit and position of a place.
  std::pair<std::uint32_t, std::size_t> place(std::uint32_t at) const noexcept {
    const auto u = static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), at) -
                                              starts_.begin() - 1);
    return {u, at - starts_[u]};
  }

  const std::vector<TextUnit>& units_;
  std::size_t min_;
  std::size_t window_;
  std::uint64_t top_ = 1;  // kBase^(window-1)
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 64;
  std::vector<std::uint32_t> starts_;  // the first char of each unit among all units' chars
};

template <class Accept, class Found>
void PassageIndex::find(const std::vector<TextUnit>& query, std::uint32_t first,
                        std::size_t max_runs, Accept&& accept, Found&& found) const {
  const std::size_t w = window_;
  std::size_t reported = 0;
  for (std::uint32_t v = first; v < query.size() && reported < max_runs; ++v) {
    const auto& c = query[v].chars;
    if (c.size() < w) continue;
    std::optional<CopiedRun> pending;
    auto flush = [&] {
      if (pending && reported++ < max_runs) found(*pending);
      pending.reset();
    };
    std::uint64_t h = hash(c, 0, w);
    std::size_t q = 0;
    std::size_t floor = 0;  // the end of the last passage found: matches start after it
    while (q + w <= c.size()) {
      std::optional<CopiedRun> best;
      const std::uint32_t check = check_of(h);
      for (std::size_t slot = home(h); slots_[slot].check != 0; slot = (slot + 1) & mask_) {
        if (slots_[slot].check != check) continue;
        const auto [u, p] = place(slots_[slot].at);
        if (!accept(u, v)) continue;
        const auto& a = units_[u].chars;
        if (a.compare(p, w, c, q, w) != 0) continue;
        std::size_t back = 0;  // extend both ways
        while (back < p && q - back > floor && a[p - back - 1] == c[q - back - 1]) ++back;
        std::size_t len = back + w;
        while (p - back + len < a.size() && q - back + len < c.size() &&
               a[p - back + len] == c[q - back + len])
          ++len;
        if (!best || len > best->len) best = CopiedRun{u, p - back, v, q - back, len};
      }
      if (best && best->len >= min_) {
        const std::size_t pend = pending ? pending->from_pos + pending->len : 0;
        if (pending && pending->from == best->from && best->from_pos >= pend &&
            best->from_pos - pend <= kMaxGap &&
            best->pos - (pending->pos + pending->len) <= kMaxGap) {
          pending->len = best->pos + best->len - pending->pos;  // the same passage, lightly changed
        } else {
          flush();
          pending = best;
        }
        // Go on after the copied passage.
        q = best->pos + best->len;
        floor = q;
        if (q + w > c.size()) break;
        h = hash(c, q, w);
        continue;
      }
      if (q + w >= c.size()) break;
      h = (h - c[q] * top_) * kBase + c[q + w];
      ++q;
    }
    flush();
  }
}

}  // namespace fzcheck::detail
