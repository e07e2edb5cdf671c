#include "engine/fingerprint.hpp"

#include <cstdint>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxText = 80;  // code points, as many as an excerpt shows
constexpr char32_t kFullwidthFirst = 0xFF01, kFullwidthLast = 0xFF5E;  // ！ … ～
constexpr char32_t kFullwidthOffset = 0xFF01 - 0x21;

// FNV-1a, 64 bits: small, and the same on every platform and compiler (std::hash is not).
class Fnv1a {
 public:
  void add(std::string_view bytes) {
    for (char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
  }
  // A field and a byte no UTF-8 text holds after it, so that fields cannot run into each other.
  void field(std::string_view bytes) {
    add(bytes);
    add(std::string_view("\xff", 1));
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string fingerprint_text(std::string_view text) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count < kMaxText;) {
    if (text[i] == '\n') break;
    char32_t c = utf8::next(text, i);
    if (c == utf8::kInvalid || utf8::is_space(c)) continue;
    if (c >= kFullwidthFirst && c <= kFullwidthLast) c -= kFullwidthOffset;
    utf8::append(out, c);
    ++count;
  }
  return out;
}

std::vector<std::string> heading_path(const Document& doc, std::uint32_t offset) {
  std::vector<std::string> path;
  if (doc.paragraphs.empty() || offset > doc.text.size()) return path;
  for (std::int32_t s = doc.paragraphs[doc.paragraph_at(offset)].section; s >= 0;) {
    const Section& section = doc.sections[static_cast<std::size_t>(s)];
    path.push_back(fingerprint_text(doc.str(section.heading)));
    s = section.parent;
  }
  return {path.rbegin(), path.rend()};
}

void assign_fingerprints(std::vector<Finding>& findings, const Document& doc) {
  // Where the text ends: something missing from the whole document (a date, a signature) is
  // reported there, under whatever heading comes last. It belongs to no heading: a section added
  // at the end must not make it new.
  std::uint32_t text_end = 0;
  for (auto p = doc.paragraphs.rbegin(); p != doc.paragraphs.rend(); ++p) {
    if (p->role == ParagraphRole::blank) continue;
    text_end = p->span.end;
    break;
  }
  // How many findings so far had the same rule, heading path and text.
  std::map<std::tuple<std::string, std::vector<std::string>, std::string>, std::size_t> seen;
  for (Finding& f : findings) {
    const bool at_end = f.begin_offset == f.end_offset && f.begin_offset >= text_end;
    std::vector<std::string> path =
        at_end ? std::vector<std::string>() : heading_path(doc, f.begin_offset);
    std::string text = f.end_offset > f.begin_offset && f.end_offset <= doc.text.size()
                           ? fingerprint_text(doc.str({f.begin_offset, f.end_offset}))
                           : std::string();
    Fnv1a hash;
    hash.field("fzcheck/v1");
    hash.field(f.rule_id);
    for (const std::string& heading : path) hash.field(heading);
    hash.field(std::string_view("\xfe", 1));  // the end of the path
    hash.field(text);
    const std::size_t n = seen[{f.rule_id, std::move(path), std::move(text)}]++;
    hash.field(std::to_string(n));
    f.fingerprint = fmt::format("{:016x}", hash.value());
  }
}

}  // namespace fzcheck::detail
