#include "match/aho_corasick.hpp"

#include <algorithm>
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

  // The trie, its edges in a table that grows by a row per state (0: no edge; the root is
  // nobody's child), the edges in the order they were made, and the state where each pattern
  // ends.
  const std::size_t C = classes_;
  std::size_t bytes = 0;
  for (const std::string& p : patterns_) bytes += p.size();
  std::vector<std::uint32_t> trie(C, 0);
  trie.reserve((bytes + 1) * C);  // the most states there can be: no copying as it grows
  struct Edge {
    std::uint32_t from, cls, to;
  };
  std::vector<Edge> edges;
  std::vector<std::uint32_t> ends(patterns_.size());
  for (std::uint32_t id = 0; id < patterns_.size(); ++id) {
    std::uint32_t s = 0;
    for (unsigned char c : patterns_[id]) {
      const std::uint32_t cls = byte_class_[c];
      std::uint32_t t = trie[s * C + cls];
      if (t == 0) {
        const std::size_t added = trie.size() / C;
        if (added >= kOutputFlag / C) throw std::length_error("too many automaton states");
        t = static_cast<std::uint32_t>(added);
        trie[s * C + cls] = t;
        trie.resize(trie.size() + C, 0);
        edges.push_back({s, cls, t});
      }
      s = t;
    }
    ends[id] = s;
  }
  const std::size_t states = trie.size() / C;
  trie = {};

  // Each state's edges, by state.
  std::vector<std::uint32_t> first_edge(states + 1, 0);
  for (const Edge& e : edges) ++first_edge[e.from + 1];
  for (std::size_t k = 0; k < states; ++k) first_edge[k + 1] += first_edge[k];
  std::vector<Edge> by_state(edges.size());
  {
    std::vector<std::uint32_t> fill(first_edge.begin(), first_edge.end() - 1);
    for (const Edge& e : edges) by_state[fill[e.from]++] = e;
  }

  // Breadth-first numbering: order[k] is the trie state numbered k.
  std::vector<std::uint32_t> order = {0};
  std::vector<std::uint32_t> number(states, 0);
  order.reserve(states);
  for (std::size_t k = 0; k < order.size(); ++k) {
    for (std::uint32_t x = first_edge[order[k]]; x < first_edge[order[k] + 1]; ++x) {
      number[by_state[x].to] = static_cast<std::uint32_t>(order.size());
      order.push_back(by_state[x].to);
    }
  }

  // The patterns ending at each state, in the order they were added.
  std::vector<std::uint32_t> own_begin(states + 1, 0);
  for (std::uint32_t e : ends) ++own_begin[number[e] + 1];
  for (std::size_t k = 0; k < states; ++k) own_begin[k + 1] += own_begin[k];
  std::vector<std::uint32_t> own(ends.size());
  {
    std::vector<std::uint32_t> fill(own_begin.begin(), own_begin.end() - 1);
    for (std::uint32_t id = 0; id < ends.size(); ++id) own[fill[number[ends[id]]]++] = id;
  }

  // The table, state by state in breadth-first order: a state's failure state is shallower, so
  // its row and its outputs are complete already. A state's row is its failure state's with its
  // own edges written over. Entries are row offsets, flagged when the state has outputs (its own
  // or its failure state's), so that scanning tests one bit.
  table_.assign(states * C, 0);
  std::vector<std::uint32_t> fail(states, 0);
  outputs_range_.assign(states, {0, 0});
  outputs_.clear();
  outputs_.reserve(ends.size());
  for (std::size_t k = 0; k < states; ++k) {
    const std::size_t f = fail[k];
    std::uint32_t* row = table_.data() + k * C;
    if (k != 0) std::copy_n(table_.data() + f * C, C, row);
    const std::uint32_t s = order[k];
    for (std::uint32_t x = first_edge[s]; x < first_edge[s + 1]; ++x) {
      const Edge& e = by_state[x];
      const std::uint32_t t = number[e.to];
      // The failure state of t: where the failure state of k goes on the same class.
      const std::uint32_t via_fail = k == 0 ? 0 : row[e.cls];
      fail[t] = (via_fail & ~kOutputFlag) / static_cast<std::uint32_t>(C);
      const bool output = own_begin[t] != own_begin[t + 1] || (via_fail & kOutputFlag) != 0;
      row[e.cls] = static_cast<std::uint32_t>(t * C) | (output ? kOutputFlag : 0);
    }
    const auto begin = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), own.begin() + own_begin[k], own.begin() + own_begin[k + 1]);
    if (k != 0) {
      for (std::uint32_t o = outputs_range_[f].first; o < outputs_range_[f].second; ++o) {
        const std::uint32_t inherited = outputs_[o];
        outputs_.push_back(inherited);
      }
    }
    outputs_range_[k] = {begin, static_cast<std::uint32_t>(outputs_.size())};
  }
  patterns_.clear();
  patterns_.shrink_to_fit();
}

}  // namespace fzcheck::detail
