// Source positions for many byte offsets of one document. Document::locate() counts the code
// points from the anchor of the offset's line, which is quadratic when a long line holds many
// findings; a Locator counts the code points before every block of the text once, so that each
// position costs a binary search over the anchors and a count within one block.
#pragma once

#include <cstdint>
#include <vector>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

class Locator {
 public:
  // Keeps a reference to `doc`, which must outlive it and not change.
  explicit Locator(const Document& doc);

  // The same as doc.locate(offset), in time independent of the length of the line.
  Position locate(std::uint32_t offset) const;

 private:
  static constexpr std::uint32_t kBlock = 256;  // bytes
  // Code points in text[0, offset).
  std::uint32_t code_points_before(std::uint32_t offset) const;

  const Document& doc_;
  std::vector<std::uint32_t> before_;  // code points before each block of kBlock bytes
};

// The source line of a byte offset (doc.locate(offset).line, without counting columns).
std::uint32_t line_at(const Document& doc, std::uint32_t offset);

}  // namespace fzcheck::detail
