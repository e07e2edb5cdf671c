// HTML: a saved web page (or a page exported by a word processor) to paragraphs. The encoding is
// found as a browser would, the page is parsed with gumbo, the element that holds the report is
// chosen (ReadOptions::html_selector, else a text-density guess), and its block elements become
// paragraphs with whitespace collapsed. What is read and what is not: docs/input-formats.md.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fzcheck/i18n.hpp"
#include "model/builder.hpp"
#include "model/parse.hpp"
#include "readers/encoding.hpp"
#include "readers/html_scan.hpp"
#include "readers/readers.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

Error fail(ErrorCode code, std::string key, std::string_view file, MessageValues args = {},
           Position pos = {}) {
  return ui_error(code, std::move(key), std::move(args), std::string(file), pos);
}

// ---- decoding -------------------------------------------------------------------------------

// The encoding a browser would use, with one difference: bytes that are valid UTF-8 (and not
// plain ASCII) are read as UTF-8 even when a <meta> names a legacy encoding, because pages saved
// by a browser or re-encoded by an editor keep their old <meta charset=gbk>, while GBK text that
// happens to be valid UTF-8 does not occur in practice. Otherwise: a BOM, else the <meta>
// charset, else the text reader's detection (GB18030); or the encoding the caller forces.
Result<DecodedText> decode_html(std::string_view bytes, const ReadOptions& options,
                                std::string_view name) {
  if (!options.encoding.empty() || detect_bom(bytes)) {
    return decode_text(bytes, options.encoding, name);
  }
  if (utf8::valid(bytes)) return decode_text(bytes, "", name);
  if (auto label = find_meta_charset(bytes)) {
    std::string converter = html_charset_to_converter(*label);
    if (!converter.empty() && converter != "UTF-8") {
      if (auto utf8 = convert_to_utf8(bytes, converter)) {
        DecodedText out;
        out.utf8 = std::move(*utf8);
        out.encoding = converter;
        return out;
      }
    }
    // Not in the encoding it declares: detect it as if nothing were declared.
  }
  return decode_text(bytes, "", name);
}

// ---- source positions -----------------------------------------------------------------------

// Byte offsets of the decoded page to lines (CR, LF and CRLF each end a line, as in gumbo)
// and code-point columns.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        starts_.push_back(i + 1);
      }
    }
  }

  Position at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    std::size_t start = starts_[line - 1];
    // Text nodes come in source order: continue counting from the last answer on this line.
    if (line != cursor_line_ || offset < cursor_offset_) {
      cursor_line_ = line;
      cursor_offset_ = start;
      cursor_column_ = 1;
    }
    cursor_column_ += utf8::length(text_.substr(cursor_offset_, offset - cursor_offset_));
    cursor_offset_ = offset;
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(cursor_column_)};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::size_t cursor_line_ = 0, cursor_offset_ = 0, cursor_column_ = 1;
};

// ---- elements -------------------------------------------------------------------------------

const GumboElement* element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE ? &node->v.element
                                                                               : nullptr;
}

GumboTag tag_of(const GumboNode* node) {
  const GumboElement* e = element(node);
  return e ? e->tag : GUMBO_TAG_LAST;
}

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboElement* e = element(node);
  if (!e) return {};
  const GumboAttribute* a = gumbo_get_attribute(&e->attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode* node, const char* name) {
  const GumboElement* e = element(node);
  return e && gumbo_get_attribute(&e->attributes, name) != nullptr;
}

std::string ascii_lower_no_space(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += ascii::lower(c);
  }
  return out;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

int heading_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

// Elements whose content is not report text. <header> and <footer> are page chrome at page
// level, but an article's own header holds its title, so inside <article>/<main> they count.
// <form> is not in the list: many government sites (ASP.NET) wrap the whole page in one.
bool skipped(const GumboNode* node, bool in_article) {
  const GumboElement* e = element(node);
  if (!e) return false;
  if (e->tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // <svg>, <math>
  switch (e->tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
      return !in_article;
    default:
      break;
  }
  if (has_attribute(node, "hidden")) return true;
  std::string_view style = attribute(node, "style");
  if (!style.empty()) {
    std::string s = ascii_lower_no_space(style);
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

bool opens_article(const GumboNode* node) {
  GumboTag t = tag_of(node);
  return t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN;
}

std::size_t count_han(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (utf8::is_han(utf8::next(s, i))) ++n;
  }
  return n;
}

// ---- one pass over the whole tree: nesting check and text statistics ------------------------

struct Stats {
  std::size_t han = 0;       // Han characters of report-like text below the element
  std::size_t link_han = 0;  // of them, inside links
};

struct TreeFacts {
  std::unordered_map<const GumboNode*, Stats> stats;
  const GumboNode* body = nullptr;
  std::uint32_t depth = 0;
  const GumboNode* too_deep = nullptr;
};

TreeFacts survey(const GumboNode* root, std::uint32_t max_nesting) {
  TreeFacts facts;
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool in_link;
    bool in_article;
    bool skip;  // its text does not count (it is still walked, for the nesting check)
    Stats stats;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0, false, false, false, {}});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboElement* e = element(f.node);
    const GumboVector* children = f.node->type == GUMBO_NODE_DOCUMENT
                                      ? &f.node->v.document.children
                                      : (e ? &e->children : nullptr);
    if (children && f.next < children->length) {
      auto* child = static_cast<const GumboNode*>(children->data[f.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
          child->type == GUMBO_NODE_CDATA) {
        std::size_t han = count_han(child->v.text.text);
        (f.in_link ? f.stats.link_han : f.stats.han) += han;
        continue;
      }
      if (!element(child)) continue;
      if (tag_of(child) == GUMBO_TAG_BODY && !facts.body) facts.body = child;
      auto depth = static_cast<std::uint32_t>(stack.size());
      facts.depth = std::max(facts.depth, depth);
      if (depth > max_nesting) {
        facts.too_deep = child;
        return facts;
      }
      stack.push_back({child,
                       0,
                       f.in_link || tag_of(child) == GUMBO_TAG_A,
                       f.in_article || opens_article(child),
                       skipped(child, f.in_article),
                       {}});
      continue;
    }
    Frame done = f;
    stack.pop_back();
    if (done.skip) done.stats = {};
    facts.stats[done.node] = done.stats;
    if (!stack.empty()) {
      stack.back().stats.han += done.stats.han;
      stack.back().stats.link_han += done.stats.link_han;
    }
  }
  return facts;
}

// The deepest element that holds at least 80% of the page's non-link Han text: the report's
// container, without the site's header, menus, related links and footer around it.
const GumboNode* guess_content(const GumboNode* body, const TreeFacts& facts) {
  const GumboNode* best = body;
  auto stat = [&](const GumboNode* n) {
    auto it = facts.stats.find(n);
    return it == facts.stats.end() ? Stats{} : it->second;
  };
  const std::size_t total = stat(body).han;
  if (total == 0) return body;
  for (;;) {
    const GumboElement* e = element(best);
    const GumboNode* next = nullptr;
    for (unsigned i = 0; e && i < e->children.length; ++i) {
      auto* child = static_cast<const GumboNode*>(e->children.data[i]);
      if (element(child) && stat(child).han * 5 >= total * 4) {
        next = child;
        break;
      }
    }
    if (!next) return best;
    best = next;
  }
}

// ---- selectors ------------------------------------------------------------------------------

struct Selector {
  enum Kind { id, cls, tag } kind = tag;
  std::string value;
};

std::optional<Selector> parse_selector(std::string_view s) {
  auto valid = [](std::string_view v) {
    return !v.empty() && std::none_of(v.begin(), v.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '#' || c == '.' || c == '>' || c == '[' || c == ',';
    });
  };
  if (s.empty()) return std::nullopt;
  if (s[0] == '#' && valid(s.substr(1))) return Selector{Selector::id, std::string(s.substr(1))};
  if (s[0] == '.' && valid(s.substr(1))) return Selector{Selector::cls, std::string(s.substr(1))};
  if (valid(s)) {
    std::string t(s);
    for (char& c : t) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return Selector{Selector::tag, t};
  }
  return std::nullopt;
}

bool matches(const GumboNode* node, const Selector& sel) {
  const GumboElement* e = element(node);
  if (!e) return false;
  switch (sel.kind) {
    case Selector::id:
      return attribute(node, "id") == sel.value;
    case Selector::cls: {
      std::string_view classes = attribute(node, "class");
      std::size_t i = 0;
      while (i < classes.size()) {
        while (i < classes.size() && std::strchr(" \t\n\r\f", classes[i])) ++i;
        std::size_t j = i;
        while (j < classes.size() && !std::strchr(" \t\n\r\f", classes[j])) ++j;
        if (j > i && classes.substr(i, j - i) == sel.value) return true;
        i = j;
      }
      return false;
    }
    case Selector::tag: {
      if (e->tag != GUMBO_TAG_UNKNOWN) return sel.value == gumbo_normalized_tagname(e->tag);
      GumboStringPiece original = e->original_tag;
      gumbo_tag_from_original_text(&original);
      std::string name(original.data ? original.data : "", original.length);
      for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      return name == sel.value;
    }
  }
  return false;
}

// The first element in document order below `root` that `pred` accepts, stopping at `stop`.
template <class Pred>
const GumboNode* find_element(const GumboNode* root, Pred&& pred, const GumboNode* stop = nullptr) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboElement* e = element(node);
    const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                    : (e ? &e->children : nullptr);
    if (!children || next >= children->length) {
      stack.pop_back();
      continue;
    }
    auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (child == stop) return nullptr;
    if (!element(child)) continue;
    if (pred(child)) return child;
    stack.push_back({child, 0});
  }
  return nullptr;
}

// ---- text extraction ------------------------------------------------------------------------

// colspan or rowspan as a browser reads it: digits at the start, else the default. 0 is kept
// for rowspan (the rest of the table); model/table.cpp clamps what is too large.
std::uint32_t span_attribute(const GumboNode* node, const char* name, std::uint32_t fallback) {
  std::string_view value = attribute(node, name);
  std::size_t i = 0;
  while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
  std::uint64_t n = 0;
  std::size_t digits = 0;
  for (; i < value.size() && value[i] >= '0' && value[i] <= '9' && digits < 9; ++i, ++digits) {
    n = n * 10 + static_cast<std::uint64_t>(value[i] - '0');
  }
  return digits == 0 ? fallback : static_cast<std::uint32_t>(n);
}

struct Para {
  std::string text;
  std::vector<SourceAnchor> anchors;  // offsets relative to the paragraph
  int heading = 0;                    // h1–h6 it comes from, 0 for none
  bool in_table = false;              // inside a <table>
};

bool is_wide(char32_t c) {
  return utf8::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2E80 && c <= 0x2FDF);
}

bool collapsible(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class Extractor {
 public:
  Extractor(std::string_view source, LineIndex& lines) : source_(source), lines_(lines) {}

  // Reads the text of `root` and everything below it (the root itself is never skipped).
  void read(const GumboNode* root, bool in_article) {
    struct Frame {
      const GumboNode* node;
      unsigned next;
      bool in_article;
    };
    std::vector<Frame> stack;
    enter(root);
    stack.push_back({root, 0, in_article || opens_article(root)});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboElement* e = element(f.node);
      if (!e || f.next >= e->children.length) {
        leave(f.node);
        stack.pop_back();
        continue;
      }
      auto* child = static_cast<const GumboNode*>(e->children.data[f.next++]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
        text(child);
        continue;
      }
      if (!element(child) || skipped(child, f.in_article)) continue;
      bool in_art = f.in_article || opens_article(child);
      enter(child);
      stack.push_back({child, 0, in_art});
    }
    block_break();
  }

  std::vector<Para> take() {
    block_break();
    return std::move(paragraphs_);
  }
  // The tables read, their paragraphs counted in what take() returns.
  std::vector<TableSketch> take_tables() { return std::move(tables_done_); }

 private:
  void enter(const GumboNode* node) {
    GumboTag t = tag_of(node);
    if (is_block(t)) block_break();
    if (int h = heading_level(t)) headings_.push_back(h);
    if (t == GUMBO_TAG_TABLE) {
      ++tables_;
      TableSketch& table = open_tables_.emplace_back();
      table.placement = GridPlacement::html;
      table.first_paragraph = static_cast<std::uint32_t>(paragraphs_.size());
    }
    if (!open_tables_.empty()) {
      TableSketch& table = open_tables_.back();
      if (t == GUMBO_TAG_TR) {
        table.rows.emplace_back().paragraph = static_cast<std::uint32_t>(paragraphs_.size());
      } else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        if (table.rows.empty()) {
          table.rows.emplace_back().paragraph = static_cast<std::uint32_t>(paragraphs_.size());
        }
        CellSketch& cell = table.rows.back().cells.emplace_back();
        cell.first_paragraph = static_cast<std::uint32_t>(paragraphs_.size());
        cell.column_span = span_attribute(node, "colspan", 1);
        cell.row_span = span_attribute(node, "rowspan", 1);
        open_cells_.push_back(node);
      }
    }
    if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT ||
        t == GUMBO_TAG_XMP) {
      ++pre_;
    }
  }

  void leave(const GumboNode* node) {
    GumboTag t = tag_of(node);
    if (is_block(t)) block_break();
    if (heading_level(t) && !headings_.empty()) headings_.pop_back();
    if (!open_cells_.empty() && open_cells_.back() == node && !open_tables_.empty() &&
        !open_tables_.back().rows.empty() && !open_tables_.back().rows.back().cells.empty()) {
      open_tables_.back().rows.back().cells.back().end_paragraph =
          static_cast<std::uint32_t>(paragraphs_.size());
      open_cells_.pop_back();
    }
    if (t == GUMBO_TAG_TABLE && tables_ > 0) {
      --tables_;
      if (!open_tables_.empty()) {
        TableSketch table = std::move(open_tables_.back());
        open_tables_.pop_back();
        table.end_paragraph = static_cast<std::uint32_t>(paragraphs_.size());
        std::erase_if(table.rows, [](const RowSketch& r) { return r.cells.empty(); });
        if (!table.rows.empty()) tables_done_.push_back(std::move(table));
      }
    }
    if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT ||
        t == GUMBO_TAG_XMP) {
      --pre_;
    }
  }

  void block_break() {
    pending_space_ = false;
    pending_newline_ = false;
    if (!utf8::is_blank(cur_.text)) paragraphs_.push_back(std::move(cur_));
    cur_ = Para{};
    last_ = 0;
  }

  void put(char32_t c, Position pos) {
    // The page was valid in its encoding and gumbo turns references to surrogates and numbers
    // above U+10FFFF into U+FFFD; what is not a character never reaches the text all the same.
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (cur_.text.empty()) {
      cur_.heading = headings_.empty() ? 0 : headings_.back();
      cur_.in_table = tables_ > 0;
    }
    if (cur_.anchors.empty() || !(pos.line == expected_.line && pos.column == expected_.column)) {
      cur_.anchors.push_back({static_cast<std::uint32_t>(cur_.text.size()), pos});
    }
    utf8::append(cur_.text, c);
    expected_ = {pos.line, pos.column + 1};
    last_ = c;
  }

  void character(char32_t c, Position pos) {
    if (pre_ > 0) {
      if (c == '\n') {
        block_break();
        return;
      }
      put(c, pos);
      return;
    }
    if (collapsible(c)) {
      if (cur_.text.empty()) return;  // leading white space
      if (!pending_space_) space_pos_ = pos;
      pending_space_ = true;
      if (c == '\n') pending_newline_ = true;
      return;
    }
    if (pending_space_) {
      // A line break in the source between two Chinese characters is not a space (CSS Text:
      // segment breaks between East Asian wide characters are removed).
      if (!(pending_newline_ && is_wide(last_) && is_wide(c))) put(U' ', space_pos_);
      pending_space_ = false;
      pending_newline_ = false;
    }
    put(c, pos);
  }

  // A text node: its decoded text, each character placed at its place in the source. The
  // source (original_text) and the decoded text are walked together; they differ at character
  // references (&amp; &#12288; …) and CRLF. If they cannot be aligned (a rare construct), the
  // rest of the node is placed at the last place known.
  void text(const GumboNode* node) {
    const GumboText& t = node->v.text;
    std::string_view decoded = t.text;
    std::string_view orig(t.original_text.data ? t.original_text.data : "", t.original_text.length);
    std::size_t base = orig.data() && orig.data() >= source_.data() &&
                               orig.data() <= source_.data() + source_.size()
                           ? static_cast<std::size_t>(orig.data() - source_.data())
                           : t.start_pos.offset;
    bool exact = orig.data() != nullptr;
    std::size_t i = 0;  // in orig
    std::size_t j = 0;  // in decoded
    std::size_t known = base;
    while (j < decoded.size()) {
      std::size_t jj = j;
      char32_t c = utf8::next(decoded, jj);
      if (exact) known = base + i;
      character(c, lines_.at(known));
      if (exact) exact = advance(orig, i, decoded, j, jj, c);
      j = jj;
    }
  }

  // Moves `i` past the source of the character decoded[j, jj). False when lost.
  static bool advance(std::string_view orig, std::size_t& i, std::string_view decoded,
                      std::size_t j, std::size_t jj, char32_t c) {
    if (i >= orig.size()) return false;
    auto aligned = [&](std::size_t at) {
      // The text after the character must continue the same way in both (up to the next place
      // where they may differ).
      for (std::size_t a = at, b = jj; b < decoded.size() && a < orig.size(); ++a, ++b) {
        char x = orig[a];
        if (x == '&' || x == '\r' || decoded[b] == '\n') return true;
        if (x != decoded[b]) return false;
        if (b - jj >= 8) return true;
      }
      return true;
    };
    if (orig[i] == '&') {
      std::size_t k = i + 1;
      if (k < orig.size() && orig[k] == '#') {
        ++k;
        if (k < orig.size() && (orig[k] == 'x' || orig[k] == 'X')) ++k;
        while (k < orig.size() && std::isxdigit(static_cast<unsigned char>(orig[k]))) ++k;
      } else {
        while (k < orig.size() && std::isalnum(static_cast<unsigned char>(orig[k]))) ++k;
      }
      if (k < orig.size() && orig[k] == ';') ++k;
      if (c == '&' && aligned(i + 1)) {
        i += 1;  // a bare '&'
        return true;
      }
      if (aligned(k)) {
        i = k;
        return true;
      }
      return false;
    }
    if (orig[i] == '\r') {
      if (c != '\n') return false;
      i += (i + 1 < orig.size() && orig[i + 1] == '\n') ? 2 : 1;
      return true;
    }
    std::size_t len = jj - j;
    if (orig.compare(i, len, decoded.substr(j, len)) != 0) return false;
    i += len;
    return true;
  }

  std::string_view source_;
  LineIndex& lines_;
  std::vector<Para> paragraphs_;
  Para cur_;
  std::vector<int> headings_;
  int pre_ = 0;
  int tables_ = 0;                            // <table> elements open
  std::vector<TableSketch> open_tables_;      // the <table>s open, innermost last
  std::vector<const GumboNode*> open_cells_;  // their <td>/<th>s open
  std::vector<TableSketch> tables_done_;
  bool pending_space_ = false;
  bool pending_newline_ = false;
  Position space_pos_;
  Position expected_;
  char32_t last_ = 0;
};

// The page's article heading when it sits just outside the content element (a common layout:
// <h1> title, a line of date and source, then the text): the last h1–h3 before `content` inside
// its parent or grandparent, without links (a site logo is a linked heading).
const GumboNode* outside_title(const GumboNode* content) {
  const GumboNode* scope = content;
  for (int up = 0; up < 2; ++up) {
    scope = scope->parent;
    if (!scope || !element(scope) || tag_of(scope) == GUMBO_TAG_BODY ||
        tag_of(scope) == GUMBO_TAG_HTML) {
      return nullptr;
    }
    const GumboNode* last = nullptr;
    find_element(
        scope,
        [&](const GumboNode* n) {
          int h = heading_level(tag_of(n));
          if (h >= 1 && h <= 3 && !skipped(n, true) &&
              !find_element(n, [](const GumboNode* x) { return tag_of(x) == GUMBO_TAG_A; })) {
            last = n;
          }
          return false;
        },
        content);
    if (last) return last;
  }
  return nullptr;
}

// Paragraphs inserted before the tables' (the title read from outside the content).
void shift_tables(std::vector<TableSketch>& tables, std::uint32_t by) {
  for (TableSketch& t : tables) {
    t.first_paragraph += by;
    t.end_paragraph += by;
    for (RowSketch& r : t.rows) {
      r.paragraph += by;
      for (CellSketch& c : r.cells) {
        c.first_paragraph += by;
        c.end_paragraph += by;
      }
    }
  }
}

struct GumboDeleter {
  void operator()(GumboOutput* out) const noexcept {
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
};

}  // namespace

Result<Document> read_html(std::string_view bytes, std::string_view name,
                           const ReadOptions& options) {
  auto decoded = decode_html(bytes, options, name);
  if (!decoded) return decoded.errors();
  const std::string& html = decoded->utf8;
  LineIndex lines(html);

  HtmlDepthScan scan = scan_html_depth(html, options.max_nesting);
  if (scan.too_deep) {
    Position pos = lines.at(scan.offset);
    return fail(
        ErrorCode::limit_exceeded, "error_html_too_deep", name,
        {{"limit", std::to_string(options.max_nesting)}, {"line", std::to_string(pos.line)}}, pos);
  }

  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // parse errors are not reported; do not collect them
  std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()));
  if (!output) return fail(ErrorCode::internal, "error_html_parser", name);

  TreeFacts facts = survey(output->document, options.max_nesting);
  if (facts.too_deep) {
    Position pos = lines.at(facts.too_deep->v.element.start_pos.offset);
    return fail(
        ErrorCode::limit_exceeded, "error_html_too_deep", name,
        {{"limit", std::to_string(options.max_nesting)}, {"line", std::to_string(pos.line)}}, pos);
  }
  const GumboNode* body = facts.body ? facts.body : output->root;

  const GumboNode* content = nullptr;
  if (!options.html_selector.empty()) {
    auto selector = parse_selector(options.html_selector);
    if (!selector) {
      return fail(ErrorCode::usage, "error_html_bad_selector", name,
                  {{"selector", options.html_selector}});
    }
    content =
        find_element(output->document, [&](const GumboNode* n) { return matches(n, *selector); });
    if (!content) {
      return fail(ErrorCode::usage, "error_html_selector_unmatched", name,
                  {{"selector", options.html_selector}});
    }
  } else {
    content = guess_content(body, facts);
    // A table's rows are never the report: when its rows hold most of the text, the report is
    // the table and what is around it (a cell, by contrast, may hold a whole page's text).
    while (content != body && content->parent &&
           (tag_of(content) == GUMBO_TAG_TBODY || tag_of(content) == GUMBO_TAG_THEAD ||
            tag_of(content) == GUMBO_TAG_TFOOT || tag_of(content) == GUMBO_TAG_TR ||
            tag_of(content) == GUMBO_TAG_TABLE)) {
      content = content->parent;
    }
  }

  bool in_article = false;
  for (const GumboNode* a = content->parent; a; a = a->parent)
    in_article = in_article || opens_article(a);
  Extractor extractor(html, lines);
  extractor.read(content, in_article);
  std::vector<Para> paras = extractor.take();
  std::vector<TableSketch> tables = extractor.take_tables();

  // The article's title just outside the chosen element.
  if (options.html_selector.empty() && content != body &&
      (paras.empty() || paras.front().heading == 0 || paras.front().heading > 3)) {
    if (const GumboNode* heading = outside_title(content)) {
      Extractor title(html, lines);
      title.read(heading, true);
      std::vector<Para> lines_of_title = title.take();
      bool repeated = !paras.empty() && !lines_of_title.empty() &&
                      utf8::trim(paras.front().text) == utf8::trim(lines_of_title.front().text);
      if (!repeated) {
        paras.insert(paras.begin(), lines_of_title.begin(), lines_of_title.end());
        shift_tables(tables, static_cast<std::uint32_t>(lines_of_title.size()));
      }
    }
  }

  if (paras.empty()) {
    return fail(ErrorCode::empty, "error_html_empty", name);
  }

  DocumentBuilder builder(std::string(name), InputFormat::html, decoded->encoding, decoded->bom);
  // Headings at the very start (h1–h3, before any other text) are the title: the structure
  // parser takes title-styled lines as the title. Other headings give outline hints.
  bool at_start = true;
  for (Para& p : paras) {
    builder.begin_paragraph(p.anchors.front().pos);
    for (std::size_t k = 0; k < p.anchors.size(); ++k) {
      std::size_t from = p.anchors[k].offset;
      std::size_t to = k + 1 < p.anchors.size() ? p.anchors[k + 1].offset : p.text.size();
      builder.append_at(std::string_view(p.text).substr(from, to - from), p.anchors[k].pos);
    }
    Paragraph& para = builder.paragraph();
    para.in_table = p.in_table;
    bool title = false;
    if (at_start && p.heading >= 1 && p.heading <= 3 && !p.in_table) {
      std::string_view text = p.text;
      title = !parse_marker(text, {0, static_cast<std::uint32_t>(text.size())}, {}).has_value();
    }
    if (title) {
      para.title_style = true;
    } else {
      at_start = false;
      if (p.heading > 0) para.outline_level = static_cast<std::uint8_t>(p.heading);
    }
    builder.end_paragraph();
  }
  for (TableSketch& table : tables) builder.add_table(std::move(table));
  return std::move(builder).finish();
}

}  // namespace fzcheck::detail
