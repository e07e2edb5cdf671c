// Cheap byte-level looks at an HTML page before it is parsed: the encoding a <meta> tag
// declares, and how deep the elements nest. The second protects the HTML parser, which needs
// time proportional to the nesting depth for many tags (100,000 nested <div>s take gumbo
// 15 seconds), so pages nested far beyond ReadOptions::max_nesting are refused before parsing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fzcheck::detail {

// The charset label of the first <meta charset=…> or <meta http-equiv="Content-Type"
// content="…; charset=…"> in the first `window` bytes (ASCII-compatible encodings only), lower
// case and trimmed; nullopt when there is none. Comments are skipped.
std::optional<std::string> find_meta_charset(std::string_view bytes, std::size_t window = 4096);

// The ICU converter name for an HTML charset label: GB2312 and GBK pages are decoded as GB18030
// (their superset, as browsers do), a UTF-16 label found by an ASCII scan means UTF-8, other
// labels go through ICU's alias table. Empty when ICU knows no such encoding.
std::string html_charset_to_converter(std::string_view label);

struct HtmlDepthScan {
  bool too_deep = false;
  std::size_t offset = 0;       // the start tag that went past the limit
  std::uint32_t max_depth = 0;  // the deepest nesting seen
};

// An estimate of the element nesting the HTML parser will build, stopping at the first start
// tag deeper than `max_nesting`. It follows the tokenizer (comments, raw-text elements such as
// <script>, quoted attributes, void and self-closing elements) and the tree builder's common
// implied end tags (<p>, <li>, <dt>/<dd>, table cells and rows, <option>), so that ordinary
// pages with unclosed <p> and <li> are not over-counted. Where it is unsure it counts deeper,
// never shallower, than a browser would; the reader checks the real tree again afterwards.
HtmlDepthScan scan_html_depth(std::string_view html, std::uint32_t max_nesting);

}  // namespace fzcheck::detail
