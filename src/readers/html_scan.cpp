#include "readers/html_scan.hpp"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>
#include <vector>

#include "readers/encoding.hpp"
#include "text/ascii.hpp"

namespace fzcheck::detail {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
using ascii::lower;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// One past the end of an HTML comment that starts at `i` ("<!--"), the way the tokenizer ends
// it ("-->", "--!>", and the abrupt "<!-->" and "<!--->").
std::size_t comment_end(std::string_view s, std::size_t i) {
  std::size_t j = i + 4;
  if (s.compare(j, 1, ">") == 0) return j + 1;
  if (s.compare(j, 2, "->") == 0) return j + 2;
  for (std::size_t pos = s.find("--", j); pos != std::string_view::npos;
       pos = s.find("--", pos + 1)) {
    if (s.compare(pos + 2, 1, ">") == 0) return pos + 3;
    if (s.compare(pos + 2, 2, "!>") == 0) return pos + 4;
  }
  return s.size();
}

std::size_t skip_to_gt(std::string_view s, std::size_t i) {
  std::size_t end = s.find('>', i);
  return end == std::string_view::npos ? s.size() : end + 1;
}

struct Tag {
  std::string name;  // lower case
  bool end = false;
  bool self_closing = false;
  std::size_t next = 0;  // one past the '>'
};

// Reads a start or end tag at `i` (s[i] == '<', followed by a letter or "/letter"), calling
// `attribute(name, value)` for each attribute of a start tag.
template <class OnAttribute>
Tag read_tag(std::string_view s, std::size_t i, OnAttribute&& attribute) {
  Tag tag;
  const std::size_t n = s.size();
  std::size_t j = i + 1;
  if (s[j] == '/') {
    tag.end = true;
    ++j;
  }
  std::size_t name_start = j;
  while (j < n && !is_space(s[j]) && s[j] != '/' && s[j] != '>') ++j;
  tag.name = lower(s.substr(name_start, j - name_start));
  // Attributes, as the tokenizer reads them: only a quote right after '=' starts a quoted value.
  while (j < n) {
    while (j < n && is_space(s[j])) ++j;
    if (j >= n) break;
    if (s[j] == '>') {
      ++j;
      tag.next = j;
      return tag;
    }
    if (s[j] == '/') {
      ++j;
      if (j < n && s[j] == '>') {
        tag.self_closing = true;
        tag.next = j + 1;
        return tag;
      }
      continue;
    }
    std::size_t an = j;
    ++j;  // the first character of a name may be '=' (a parse error, but part of the name)
    while (j < n && !is_space(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=') ++j;
    std::string_view attr_name = s.substr(an, j - an);
    while (j < n && is_space(s[j])) ++j;
    std::string_view value;
    if (j < n && s[j] == '=') {
      ++j;
      while (j < n && is_space(s[j])) ++j;
      if (j < n && (s[j] == '"' || s[j] == '\'')) {
        char q = s[j];
        std::size_t vs = ++j;
        while (j < n && s[j] != q) ++j;
        value = s.substr(vs, j - vs);
        if (j < n) ++j;
      } else {
        std::size_t vs = j;
        while (j < n && !is_space(s[j]) && s[j] != '>') ++j;
        value = s.substr(vs, j - vs);
      }
    }
    if (!tag.end) attribute(attr_name, value);
  }
  tag.next = n;
  return tag;
}

// The encoding named in a Content-Type value: "text/html; charset=gb2312".
std::optional<std::string> charset_from_content(std::string_view content) {
  std::string c = lower(content);
  std::size_t pos = 0;
  while ((pos = c.find("charset", pos)) != std::string::npos) {
    std::size_t j = pos + 7;
    while (j < c.size() && is_space(c[j])) ++j;
    if (j >= c.size() || c[j] != '=') {
      pos = j;
      continue;
    }
    ++j;
    while (j < c.size() && is_space(c[j])) ++j;
    if (j < c.size() && (c[j] == '"' || c[j] == '\'')) {
      char q = c[j];
      std::size_t end = c.find(q, j + 1);
      if (end == std::string::npos) return std::nullopt;
      return c.substr(j + 1, end - j - 1);
    }
    std::size_t end = j;
    while (end < c.size() && !is_space(c[end]) && c[end] != ';') ++end;
    if (end == j) return std::nullopt;
    return c.substr(j, end - j);
  }
  return std::nullopt;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<std::string> find_meta_charset(std::string_view bytes, std::size_t window) {
  std::string_view s = bytes.substr(0, window);
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      i = comment_end(s, i);
      continue;
    }
    if (i + 1 < s.size() && (is_alpha(s[i + 1]) || s[i + 1] == '/')) {
      std::optional<std::string> charset, http_equiv, content;
      Tag tag = read_tag(s, i, [&](std::string_view name, std::string_view value) {
        std::string n = lower(name);
        if (n == "charset" && !charset) charset = trim(lower(value));
        if (n == "http-equiv" && !http_equiv) http_equiv = trim(lower(value));
        if (n == "content" && !content) content = std::string(value);
      });
      if (!tag.end && tag.name == "meta") {
        if (charset && !charset->empty()) return charset;
        if (http_equiv && *http_equiv == "content-type" && content) {
          if (auto c = charset_from_content(*content)) return trim(*c);
        }
      }
      i = tag.next;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

std::string html_charset_to_converter(std::string_view label) {
  std::string l = lower(trim(label));
  if (one_of(l, {"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "chinese", "csgb2312",
                 "iso-ir-58", "csiso58gb231280", "gb18030", "cp936", "windows-936", "ms936"})) {
    return "GB18030";
  }
  if (one_of(l,
             {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode"})) {
    return "UTF-8";
  }
  if (one_of(l, {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"})) return "Big5";
  return canonical_encoding_name(l);
}

namespace {

class DepthScanner {
 public:
  DepthScanner(std::string_view html, std::uint32_t max) : s_(html), max_(max) {}

  HtmlDepthScan run() {
    const std::size_t n = s_.size();
    std::size_t i = 0;
    while (i < n && !result_.too_deep) {
      std::size_t lt = s_.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt;
      if (s_.compare(i, 4, "<!--") == 0) {
        i = comment_end(s_, i);
      } else if (s_.compare(i, 9, "<![CDATA[") == 0 && foreign()) {
        std::size_t end = s_.find("]]>", i + 9);
        i = end == std::string_view::npos ? n : end + 3;
      } else if (i + 1 < n && (s_[i + 1] == '!' || s_[i + 1] == '?')) {
        i = skip_to_gt(s_, i + 2);
      } else if (i + 2 < n && s_[i + 1] == '/' && is_alpha(s_[i + 2])) {
        Tag tag = read_tag(s_, i, [](std::string_view, std::string_view) {});
        end_tag(tag.name);
        i = tag.next;
      } else if (i + 1 < n && s_[i + 1] == '/') {
        i = skip_to_gt(s_, i + 2);  // "</>" and "</ …>" are ignored
      } else if (i + 1 < n && is_alpha(s_[i + 1])) {
        Tag tag = read_tag(s_, i, [](std::string_view, std::string_view) {});
        i = start_tag(tag, i);
      } else {
        ++i;
      }
    }
    return result_;
  }

 private:
  static constexpr std::size_t kScopeSearch = 256;

  static bool is_void(std::string_view t) {
    return one_of(
        t, {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
            "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"});
  }
  static bool is_raw_text(std::string_view t) {
    return one_of(t,
                  {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
  }
  static bool is_special(std::string_view t) {
    return one_of(
        t, {"address", "applet",     "area",     "article",    "aside",     "base",     "basefont",
            "bgsound", "blockquote", "body",     "br",         "button",    "caption",  "center",
            "col",     "colgroup",   "dd",       "details",    "dir",       "div",      "dl",
            "dt",      "embed",      "fieldset", "figcaption", "figure",    "footer",   "form",
            "frame",   "frameset",   "h1",       "h2",         "h3",        "h4",       "h5",
            "h6",      "head",       "header",   "hgroup",     "hr",        "html",     "iframe",
            "img",     "input",      "keygen",   "li",         "link",      "listing",  "main",
            "marquee", "menu",       "meta",     "nav",        "noembed",   "noframes", "noscript",
            "object",  "ol",         "p",        "param",      "plaintext", "pre",      "script",
            "section", "select",     "source",   "style",      "summary",   "table",    "tbody",
            "td",      "template",   "textarea", "tfoot",      "th",        "thead",    "title",
            "tr",      "track",      "ul",       "wbr",        "xmp"});
  }
  static bool closes_p(std::string_view t) {
    return one_of(
        t,
        {"address", "article", "aside",    "blockquote", "center", "details", "dialog",  "dir",
         "div",     "dl",      "fieldset", "figcaption", "figure", "footer",  "header",  "hgroup",
         "main",    "menu",    "nav",      "ol",         "p",      "section", "summary", "ul",
         "h1",      "h2",      "h3",       "h4",         "h5",     "h6",      "pre",     "listing",
         "form",    "table",   "xmp",      "li",         "dd",     "dt"});
  }
  static bool scope_boundary(std::string_view t) {
    return one_of(t, {"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                      "template", "foreignobject", "desc"});
  }
  static bool table_boundary(std::string_view t) {
    return one_of(t, {"html", "table", "template"});
  }

  bool foreign() const { return count("svg") + count("math") > 0; }
  int count(const std::string& name) const {
    auto it = counts_.find(name);
    return it == counts_.end() ? 0 : it->second;
  }

  void push(const std::string& name, std::size_t offset) {
    stack_.push_back(name);
    ++counts_[name];
    auto depth = static_cast<std::uint32_t>(stack_.size());
    result_.max_depth = std::max(result_.max_depth, depth);
    if (depth > max_) {
      result_.too_deep = true;
      result_.offset = offset;
    }
  }
  void pop_to_size(std::size_t size) {
    while (stack_.size() > size) {
      --counts_[stack_.back()];
      stack_.pop_back();
    }
  }

  // The index in the stack of the innermost element named one of `names`, searching down from
  // the top and stopping at an element for which `stop` is true or after kScopeSearch steps.
  template <class Stop>
  std::optional<std::size_t> find(std::initializer_list<std::string_view> names,
                                  Stop&& stop) const {
    std::size_t steps = 0;
    for (std::size_t k = stack_.size(); k-- > 0 && steps < kScopeSearch; ++steps) {
      if (one_of(stack_[k], names)) return k;
      if (stop(stack_[k])) return std::nullopt;
    }
    return std::nullopt;
  }

  void close_in(std::initializer_list<std::string_view> names, bool (*stop)(std::string_view)) {
    bool any = false;
    for (std::string_view name : names) any = any || count(std::string(name)) > 0;
    if (!any) return;
    if (auto k = find(names, stop)) pop_to_size(*k);
  }

  std::size_t start_tag(const Tag& tag, std::size_t offset) {
    const std::string& t = tag.name;
    if (t == "html" || t == "head" || t == "body" || is_void(t)) return tag.next;
    if (foreign()) {
      if (!tag.self_closing) push(t, offset);
      return tag.next;
    }
    if (t == "plaintext") return s_.size();  // everything after it is text
    if (closes_p(t)) {
      close_in({"p"}, [](std::string_view x) { return scope_boundary(x) || x == "button"; });
    }
    if (t == "li") {
      close_in({"li"}, [](std::string_view x) {
        return is_special(x) && !one_of(x, {"address", "div", "p"});
      });
    } else if (t == "dd" || t == "dt") {
      close_in({"dd", "dt"}, [](std::string_view x) {
        return is_special(x) && !one_of(x, {"address", "div", "p"});
      });
    } else if (t == "td" || t == "th") {
      close_in({"td", "th"}, table_boundary);
    } else if (t == "tr") {
      close_in({"tr"}, table_boundary);
    } else if (t == "tbody" || t == "thead" || t == "tfoot") {
      close_in({"tbody", "thead", "tfoot"}, table_boundary);
    } else if (t == "option" || t == "optgroup") {
      if (!stack_.empty() && stack_.back() == "option") pop_to_size(stack_.size() - 1);
      if (t == "optgroup" && !stack_.empty() && stack_.back() == "optgroup") {
        pop_to_size(stack_.size() - 1);
      }
    }
    if (is_raw_text(t)) {
      // Its content is text up to the matching end tag.
      std::string close = "</" + t;
      std::size_t j = tag.next;
      for (;;) {
        std::size_t lt = s_.find("</", j);
        if (lt == std::string_view::npos) return s_.size();
        if (lower(s_.substr(lt, close.size())) == close) return lt;
        j = lt + 2;
      }
    }
    push(t, offset);  // a self-closing "<div/>" still opens a div in HTML
    return tag.next;
  }

  void end_tag(const std::string& t) {
    if (count(t) == 0) return;
    std::optional<std::size_t> k;
    if (is_special(t)) {
      k = find({t}, scope_boundary);
    } else {
      // "Any other end tag": it closes the element only if no special element is in between.
      k = find({t}, [&](std::string_view x) { return is_special(x); });
    }
    if (k) pop_to_size(*k);
  }

  std::string_view s_;
  std::uint32_t max_;
  std::vector<std::string> stack_;
  std::unordered_map<std::string, int> counts_;
  HtmlDepthScan result_;
};

}  // namespace

HtmlDepthScan scan_html_depth(std::string_view html, std::uint32_t max_nesting) {
  return DepthScanner(html, max_nesting).run();
}

}  // namespace fzcheck::detail
