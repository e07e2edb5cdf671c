// A byte-level Aho–Corasick automaton compiled to a dense DFA over byte classes: one table
// lookup per input byte, every occurrence of every pattern reported (overlaps included). The
// states are numbered breadth-first (the shallow states, where a scan spends most of its time,
// share cache lines) and the table holds each next state's row offset, so that the step from one
// byte to the next is a load and an add.
// ASCII letters are folded to lower case on both sides; callers that need exact case compare the
// bytes of a hit themselves. Valid UTF-8 patterns only ever match on code-point boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fzcheck::detail {

class AhoCorasick {
 public:
  // Adds a pattern (not empty) and returns its index: 0, 1, 2, …
  std::uint32_t add(std::string_view pattern);
  // Builds the automaton; add() may not be called after it.
  void build();
  std::size_t pattern_count() const noexcept { return lengths_.size(); }
  std::size_t state_count() const noexcept { return outputs_range_.size(); }
  std::uint32_t pattern_length(std::uint32_t pattern) const noexcept { return lengths_[pattern]; }

  // Calls hit(pattern, end_offset) for every occurrence in `text`, in order of end offset.
  template <class Hit>
  void scan(std::string_view text, Hit&& hit) const {
    if (lengths_.empty()) return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::uint32_t* table = table_.data();
    const std::uint8_t* byte_class = byte_class_;
    const std::uint32_t classes = classes_;
    std::uint32_t row = 0;  // the current state's offset in the table
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t next = table[row + byte_class[p[i]]];
      row = next & ~kOutputFlag;
      if (next & kOutputFlag) {
        const auto [begin, end] = outputs_range_[row / classes];
        for (std::uint32_t k = begin; k < end; ++k) hit(outputs_[k], i + 1);
      }
    }
  }

 private:
  static constexpr std::uint32_t kOutputFlag = 0x80000000u;

  std::vector<std::string> patterns_;  // folded; cleared after build()
  std::vector<std::uint32_t> lengths_;
  std::uint8_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;
  std::vector<std::uint32_t> table_;  // state * classes_ + class → next state * classes_ (| flag)
  // Per state, its patterns in outputs_ (those ending there, then those of its suffixes).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> outputs_range_;
  std::vector<std::uint32_t> outputs_;
};

}  // namespace fzcheck::detail
