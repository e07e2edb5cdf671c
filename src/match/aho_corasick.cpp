#include "match/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <stdexcept>

namespace fzcheck::detail {

namespace {
unsigned char fold(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}
}  // namespace

std::uint32_t AhoCorasick::add(std::string_view pattern) {
  if (!table_.empty()) throw std::logic_error("AhoCorasick::add after build");
  std::string folded(pattern);
  for (char& c : folded) c = static_cast<char>(fold(static_cast<unsigned char>(c)));
  patterns_.push_back(std::move(folded));
  lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
  return static_cast<std::uint32_t>(lengths_.size() - 1);
}

void AhoCorasick::build() {
  // Byte classes: every byte that occurs in a pattern gets its own class; all others share 0.
  bool used[256] = {};
  for (const std::string& p : patterns_) {
    for (unsigned char c : p) used[c] = true;
  }
  classes_ = 1;
  for (int b = 0; b < 256; ++b) {
    if (used[fold(static_cast<unsigned char>(b))]) {
      if (b == fold(static_cast<unsigned char>(b)))
        byte_class_[b] = static_cast<std::uint8_t>(classes_++);
    }
  }
  for (int b = 0; b < 256; ++b) {  // upper-case ASCII shares its lower-case class
    unsigned char f = fold(static_cast<unsigned char>(b));
    if (f != b) byte_class_[b] = byte_class_[f];
  }
  if (classes_ > 256) throw std::logic_error("too many byte classes");

  // The trie, with goto transitions in a map per state while building.
  std::vector<std::map<std::uint32_t, std::uint32_t>> go(1);
  std::vector<std::vector<std::uint32_t>> out(1);
  for (std::uint32_t id = 0; id < patterns_.size(); ++id) {
    std::uint32_t s = 0;
    for (unsigned char c : patterns_[id]) {
      std::uint32_t cls = byte_class_[c];
      auto it = go[s].find(cls);
      if (it == go[s].end()) {
        go.emplace_back();
        out.emplace_back();
        it = go[s].emplace(cls, static_cast<std::uint32_t>(go.size() - 1)).first;
      }
      s = it->second;
    }
    out[s].push_back(id);
  }
  const std::size_t states = go.size();
  if (states >= kOutputFlag) throw std::length_error("too many automaton states");

  // Breadth-first: failure links and the complete transition table.
  std::vector<std::uint32_t> fail(states, 0);
  table_.assign(states * classes_, 0);
  std::deque<std::uint32_t> queue;
  for (std::uint32_t cls = 0; cls < classes_; ++cls) {
    auto it = go[0].find(cls);
    if (it != go[0].end()) {
      table_[cls] = it->second;
      queue.push_back(it->second);
    }
  }
  while (!queue.empty()) {
    std::uint32_t s = queue.front();
    queue.pop_front();
    // Outputs of the failure state are outputs here too (it was processed earlier).
    const auto& inherited = out[fail[s]];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    // The failure state's row (complete: it is nearer the root), then this state's own edges.
    std::copy_n(table_.begin() + static_cast<std::ptrdiff_t>(fail[s]) * classes_, classes_,
                table_.begin() + static_cast<std::ptrdiff_t>(s) * classes_);
    for (const auto& [cls, t] : go[s]) {
      fail[t] = table_[fail[s] * classes_ + cls];
      table_[s * classes_ + cls] = t;
      queue.push_back(t);
    }
  }
  // Flag the states that have outputs in the table itself, so scanning tests one bit.
  outputs_begin_.assign(states + 1, 0);
  for (std::size_t s = 0; s < states; ++s) {
    outputs_begin_[s + 1] = outputs_begin_[s] + static_cast<std::uint32_t>(out[s].size());
  }
  outputs_.reserve(outputs_begin_.back());
  for (auto& o : out) outputs_.insert(outputs_.end(), o.begin(), o.end());
  for (std::uint32_t& next : table_) {
    if (!out[next].empty()) next |= kOutputFlag;
  }
  patterns_.clear();
  patterns_.shrink_to_fit();
}

}  // namespace fzcheck::detail
