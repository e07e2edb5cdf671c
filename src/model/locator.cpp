#include "model/locator.hpp"

#include <algorithm>
#include <string_view>

#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

const SourceAnchor* anchor_of(const Document& doc, std::uint32_t offset) {
  if (doc.anchors.empty()) return nullptr;
  auto it = std::upper_bound(doc.anchors.begin(), doc.anchors.end(), offset,
                             [](std::uint32_t o, const SourceAnchor& a) { return o < a.offset; });
  return it == doc.anchors.begin() ? &doc.anchors.front() : &*(it - 1);
}

}  // namespace

Locator::Locator(const Document& doc) : doc_(doc) {
  const std::string_view text = doc.text;
  before_.reserve(text.size() / kBlock + 1);
  std::uint32_t count = 0;
  for (std::size_t at = 0; at <= text.size(); at += kBlock) {
    before_.push_back(count);
    count += static_cast<std::uint32_t>(utf8::length(text.substr(at, kBlock)));
  }
}

std::uint32_t Locator::code_points_before(std::uint32_t offset) const {
  const std::uint32_t block = offset / kBlock;
  const std::string_view text = doc_.text;
  return before_[block] +
         static_cast<std::uint32_t>(utf8::length(text.substr(block * kBlock, offset % kBlock)));
}

Position Locator::locate(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(doc_.text.size()));
  const SourceAnchor* a = anchor_of(doc_, offset);
  if (a == nullptr) return {};
  if (offset < a->offset) return a->pos;  // before the first anchor
  return {a->pos.line, a->pos.column + code_points_before(offset) - code_points_before(a->offset)};
}

std::uint32_t line_at(const Document& doc, std::uint32_t offset) {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(doc.text.size()));
  const SourceAnchor* a = anchor_of(doc, offset);
  return a == nullptr ? 0 : a->pos.line;
}

}  // namespace fzcheck::detail
