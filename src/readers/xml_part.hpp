// Loading the XML parts of a .docx safely: a byte-level pre-scan refuses DTDs (no entity
// expansion, no external entities, whatever the parser would do) and nesting deeper than
// ReadOptions::max_nesting before pugixml builds a tree; then pugixml parses the part.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "fzcheck/error.hpp"

namespace fzcheck::detail {

struct XmlScan {
  enum class Problem { none, doctype, too_deep, too_many_nodes };
  Problem problem = Problem::none;
  std::size_t offset = 0;       // where the problem starts (byte offset in the scanned text)
  std::uint32_t max_depth = 0;  // the deepest element nesting seen (up to the problem)
  std::uint64_t nodes = 0;      // elements and attributes seen (up to the problem)
};

// Scans UTF-8 (or any ASCII-compatible) XML for a <!DOCTYPE>, for element nesting deeper than
// `max_nesting` and for more than `max_nodes` elements and attributes (each becomes a node of the
// parser's tree: this bounds its memory). Comments, CDATA sections, processing instructions and
// quoted attribute values are skipped. It does not check well-formedness (the parser does); it
// stops at the first problem.
XmlScan scan_xml(std::string_view xml, std::uint32_t max_nesting,
                 std::uint64_t max_nodes = UINT64_MAX);

// Parses one part of an archive (`part` names it in errors, `file` is the document). UTF-16
// parts are converted to UTF-8 first. Errors: ErrorCode::corrupt for a DTD or XML that is not
// well-formed (with the parser's reason and the line), ErrorCode::limit_exceeded for nesting and
// for more than `max_nodes` elements and attributes (ReadOptions::max_xml_nodes).
// With `editable`, the tree keeps what writing it back needs: the declaration (its encoding set
// to UTF-8), comments, processing instructions and attribute values as they are.
Result<std::unique_ptr<pugi::xml_document>> load_xml_part(
    std::string_view xml, std::string_view part, std::string_view file, std::uint32_t max_nesting,
    bool editable = false, std::uint64_t max_nodes = UINT64_MAX);

// The prefix, with its colon ("w:"), that the element `root` binds to namespace `uri`, or
// `fallback` when it binds none ("" for a default namespace).
std::string namespace_prefix(pugi::xml_node root, std::string_view uri, std::string_view fallback);

// The part of `name` after `prefix` ("p" for "w:p" and prefix "w:"), or empty when the name does
// not start with the prefix.
inline std::string_view local_name(const char* name, std::string_view prefix) {
  std::string_view n(name);
  if (n.size() <= prefix.size() || n.substr(0, prefix.size()) != prefix) return {};
  n.remove_prefix(prefix.size());
  if (prefix.empty() && n.find(':') != std::string_view::npos) return {};
  return n;
}

}  // namespace fzcheck::detail
