// A byte-level Aho–Corasick automaton compiled to a dense DFA over byte classes: one table
// lookup per input byte, every occurrence of every pattern reported (overlaps included).
// ASCII letters are folded to lower case on both sides; callers that need exact case compare the
// bytes of a hit themselves. Valid UTF-8 patterns only ever match on code-point boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fzcheck::detail {

class AhoCorasick {
 public:
  // Adds a pattern (not empty) and returns its index: 0, 1, 2, …
  std::uint32_t add(std::string_view pattern);
  // Builds the automaton; add() may not be called after it.
  void build();
  std::size_t pattern_count() const noexcept { return lengths_.size(); }
  std::size_t state_count() const noexcept {
    return outputs_begin_.empty() ? 0 : outputs_begin_.size() - 1;
  }
  std::uint32_t pattern_length(std::uint32_t pattern) const noexcept { return lengths_[pattern]; }

  // Calls hit(pattern, end_offset) for every occurrence in `text`, in order of end offset.
  template <class Hit>
  void scan(std::string_view text, Hit&& hit) const {
    if (lengths_.empty()) return;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t next = table_[state * classes_ + byte_class_[p[i]]];
      state = next & ~kOutputFlag;
      if (next & kOutputFlag) {
        for (std::uint32_t k = outputs_begin_[state]; k < outputs_begin_[state + 1]; ++k)
          hit(outputs_[k], i + 1);
      }
    }
  }

 private:
  static constexpr std::uint32_t kOutputFlag = 0x80000000u;

  std::vector<std::string> patterns_;  // folded; cleared after build()
  std::vector<std::uint32_t> lengths_;
  std::uint8_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;
  std::vector<std::uint32_t> table_;          // state * classes_ + class → next state (| flag)
  std::vector<std::uint32_t> outputs_begin_;  // per state, into outputs_
  std::vector<std::uint32_t> outputs_;        // pattern indices, including those of suffixes
};

}  // namespace fzcheck::detail
