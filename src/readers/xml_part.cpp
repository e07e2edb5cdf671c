#include "readers/xml_part.hpp"

#include <algorithm>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "fzcheck/i18n.hpp"
#include "readers/encoding.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

bool starts_at(std::string_view s, std::size_t i, std::string_view prefix) {
  return s.size() - i >= prefix.size() && s.compare(i, prefix.size(), prefix) == 0;
}

bool starts_at_nocase(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

// One past the end of `terminator` searched from `from`, or the end of the text.
std::size_t skip_past(std::string_view s, std::size_t from, std::string_view terminator) {
  std::size_t end = s.find(terminator, from);
  return end == std::string_view::npos ? s.size() : end + terminator.size();
}

std::uint32_t line_of(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<std::uint32_t>(
                 std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Where the first text or attribute value that is not valid UTF-8 is in the source (as near as
// pugixml tells), or nothing when all are valid.
std::optional<std::size_t> invalid_text(const pugi::xml_document& doc) {
  auto where = [](std::ptrdiff_t offset) {
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, offset));
  };
  for (pugi::xml_node node = doc.first_child(); node;) {
    if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
        !utf8::valid(node.value())) {
      return where(node.offset_debug());
    }
    for (pugi::xml_attribute a : node.attributes()) {
      if (!utf8::valid(a.value())) return where(node.offset_debug());
    }
    // Depth first, without recursion.
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  return std::nullopt;
}

}  // namespace

XmlScan scan_xml(std::string_view xml, std::uint32_t max_nesting, std::uint64_t max_nodes) {
  XmlScan scan;
  std::uint32_t depth = 0;
  std::size_t i = 0;
  const std::size_t n = xml.size();
  while (i < n) {
    const void* lt = std::memchr(xml.data() + i, '<', n - i);
    if (lt == nullptr) break;
    i = static_cast<std::size_t>(static_cast<const char*>(lt) - xml.data());
    if (starts_at(xml, i, "<!--")) {
      i = skip_past(xml, i + 4, "-->");
    } else if (starts_at(xml, i, "<![CDATA[")) {
      i = skip_past(xml, i + 9, "]]>");
    } else if (starts_at(xml, i, "<?")) {
      i = skip_past(xml, i + 2, "?>");
    } else if (starts_at(xml, i, "<!")) {
      if (starts_at_nocase(xml, i, "<!DOCTYPE") || starts_at_nocase(xml, i, "<!ENTITY")) {
        scan.problem = XmlScan::Problem::doctype;
        scan.offset = i;
        return scan;
      }
      i = skip_past(xml, i + 2, ">");
    } else if (starts_at(xml, i, "</")) {
      if (depth > 0) --depth;
      i = skip_past(xml, i + 2, ">");
    } else {
      // A start tag: find its end, skipping quoted attribute values (they may hold '>'), and
      // count it and its attributes (one '=' outside quotes each).
      const std::size_t start = i;
      char quote = 0;
      std::size_t j = i + 1;
      std::uint64_t nodes = 1;
      for (; j < n; ++j) {
        char c = xml[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '=') {
          ++nodes;
        } else if (c == '>') {
          break;
        }
      }
      scan.nodes += nodes;
      if (scan.nodes > max_nodes) {
        scan.problem = XmlScan::Problem::too_many_nodes;
        scan.offset = start;
        return scan;
      }
      bool empty_element = j < n && j > start + 1 && xml[j - 1] == '/';
      if (!empty_element) {
        ++depth;
        scan.max_depth = std::max(scan.max_depth, depth);
        if (depth > max_nesting) {
          scan.problem = XmlScan::Problem::too_deep;
          scan.offset = start;
          return scan;
        }
      } else {
        scan.max_depth = std::max(scan.max_depth, depth + 1);
      }
      i = j + 1;
    }
  }
  return scan;
}

Result<std::unique_ptr<pugi::xml_document>> load_xml_part(std::string_view xml,
                                                          std::string_view part,
                                                          std::string_view file,
                                                          std::uint32_t max_nesting, bool editable,
                                                          std::uint64_t max_nodes) {
  // Every message names the part as {part}.
  auto fail = [&](ErrorCode code, const char* key, MessageValues args = {}) {
    args.emplace_back("part", std::string(part));
    return ui_error(code, key, std::move(args), std::string(file));
  };
  // Word writes UTF-8; the standard allows UTF-16 too. Scan and parse UTF-8 either way.
  std::string converted;
  std::string_view text = xml;
  auto bom = detect_bom(xml.substr(0, 4));
  bool utf16 = (bom && (bom->encoding == "UTF-16LE" || bom->encoding == "UTF-16BE"));
  if (!utf16 && xml.size() >= 2 && (xml[0] == '\0' || xml[1] == '\0')) utf16 = true;
  if (utf16) {
    std::string encoding = bom ? bom->encoding : (xml[0] == '\0' ? "UTF-16BE" : "UTF-16LE");
    auto utf8 = convert_to_utf8(xml.substr(bom ? bom->length : 0), encoding);
    if (!utf8) return fail(ErrorCode::corrupt, "error_xml_bad_encoding", {{"encoding", encoding}});
    converted = std::move(*utf8);
    text = converted;
  }
  // XML is well-formed only in its encoding: a byte that is not UTF-8 would reach the text.
  if (auto bad = utf8::find_invalid(text); bad != std::string_view::npos) {
    return fail(ErrorCode::corrupt, "error_xml_bad_utf8",
                {{"byte", fmt::format("0x{:02X}", static_cast<unsigned char>(text[bad]))},
                 {"line", std::to_string(line_of(text, bad))}});
  }
  XmlScan scan = scan_xml(text, max_nesting, max_nodes);
  if (scan.problem == XmlScan::Problem::doctype) {
    return fail(ErrorCode::corrupt, "error_xml_doctype",
                {{"line", std::to_string(line_of(text, scan.offset))}});
  }
  if (scan.problem == XmlScan::Problem::too_many_nodes) {
    return fail(ErrorCode::limit_exceeded, "error_xml_too_many_nodes",
                {{"limit", std::to_string(max_nodes)},
                 {"line", std::to_string(line_of(text, scan.offset))}});
  }
  if (scan.problem == XmlScan::Problem::too_deep) {
    return fail(ErrorCode::limit_exceeded, "error_xml_too_deep",
                {{"limit", std::to_string(max_nesting)},
                 {"line", std::to_string(line_of(text, scan.offset))}});
  }
  auto doc = std::make_unique<pugi::xml_document>();
  // Keep whitespace-only text: <w:t xml:space="preserve"> </w:t> is a real space.
  unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata;
  if (editable) {
    flags = (flags & ~pugi::parse_wconv_attribute) | pugi::parse_declaration | pugi::parse_pi |
            pugi::parse_comments;
  }
  pugi::xml_parse_result parsed =
      doc->load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
  if (!parsed) {
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset));
    return fail(
        ErrorCode::corrupt, "error_xml_malformed",
        {{"reason", parsed.description()}, {"line", std::to_string(line_of(text, offset))}});
  }
  // pugixml writes a character reference (&#xD800;) as the code point's bytes whatever the number:
  // a surrogate or a number above U+10FFFF would reach the text as invalid UTF-8.
  if (auto bad = invalid_text(*doc)) {
    return fail(ErrorCode::corrupt, "error_xml_bad_char_ref",
                {{"line", std::to_string(line_of(text, *bad))}});
  }
  if (editable) {
    pugi::xml_node declaration = doc->first_child();
    if (declaration.type() == pugi::node_declaration && declaration.attribute("encoding")) {
      declaration.attribute("encoding").set_value("UTF-8");  // it is saved as UTF-8
    }
  }
  return doc;
}

std::string namespace_prefix(pugi::xml_node root, std::string_view uri, std::string_view fallback) {
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view name = a.name();
    if (std::string_view(a.value()) != uri) continue;
    if (name == "xmlns") return "";
    if (name.substr(0, 6) == "xmlns:") return std::string(name.substr(6)) + ":";
  }
  return std::string(fallback);
}

}  // namespace fzcheck::detail
