// From paragraphs to structure: title, addressee, preamble, the tree of numbered sections,
// signature and date. See docs/design.md ("Document structure") for the rules and the reasons.
#include <algorithm>
#include <map>

#include "model/parse.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxTitleLine = 60;  // code points
constexpr std::size_t kMaxTitleContinuation = 30;
constexpr std::size_t kMaxAddressee = 40;
constexpr std::size_t kMaxSignature = 40;
constexpr std::size_t kMaxNote = 80;
constexpr std::size_t kMaxDocNumber = 30;
constexpr std::size_t kMaxAddresseeItem = 16;  // one organ of a 主送 list
constexpr std::size_t kMaxAnnexLine = 8;       // 附件 / 附件12 / 附件：

struct Facts {
  std::span<const Artefact> artefacts;  // those inside the paragraph
  std::string_view content;             // text without leading/trailing space and artefacts
  std::uint32_t content_begin = 0;
  std::size_t length = 0;  // code points of content
  bool blank = true;
};

bool contains_any(std::string_view s, bool (*pred)(char32_t)) {
  for (std::size_t i = 0; i < s.size();) {
    if (pred(utf8::next(s, i))) return true;
  }
  return false;
}

char32_t last_char(std::string_view s) {
  std::size_t i = s.size();
  return s.empty() ? 0 : utf8::prev(s, i);
}

char32_t first_char(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}

bool is_comma(char32_t c) {
  return c == cjk::kFullwidthComma || c == U',';
}
bool is_colon(char32_t c) {
  return c == cjk::kFullwidthColon || c == U':';
}
bool is_digit(char32_t c) {
  return cjk::arabic_digit(c) >= 0;
}

// A 发文字号: an organ's abbreviation, the year in 〔〕 (or [] () （）, wrongly), a number and 号:
// 国办发〔2018〕115号.
bool is_doc_number(std::string_view content) {
  std::u32string s;
  for (std::size_t i = 0; i < content.size();) s.push_back(utf8::next(content, i));
  if (s.size() < 6 || s.back() != cjk::kNumberSuffix) return false;
  std::size_t close = s.find_last_of(U"\u3015])\uFF09");
  if (close == std::u32string::npos || close < 5 || close + 2 > s.size() - 1) return false;
  for (std::size_t k = close + 1; k + 1 < s.size(); ++k) {
    if (!is_digit(s[k])) return false;
  }
  for (std::size_t k = close - 4; k < close; ++k) {
    if (!is_digit(s[k])) return false;
  }
  char32_t open = s[close - 5];
  return open == cjk::kLeftTortoiseShell || open == U'[' || open == U'(' ||
         open == cjk::kFullwidthLeftParen;
}

bool is_heading_terminator(char32_t c) {
  return c == cjk::kIdeographicFullStop || c == cjk::kFullwidthExclamation ||
         c == cjk::kFullwidthQuestion || c == U'!' || c == U'?';
}

class Parser {
 public:
  explicit Parser(Document& doc) : doc_(doc) {}

  void run() {
    doc_.artefacts = find_artefacts(doc_.text);
    collect_facts();
    const std::uint32_t n = static_cast<std::uint32_t>(doc_.paragraphs.size());
    for (auto& p : doc_.paragraphs) p.role = ParagraphRole::body;
    std::uint32_t first = 0;
    while (first < n && facts_[first].blank) ++first;
    if (first == n) {
      for (auto& p : doc_.paragraphs) p.role = ParagraphRole::blank;
      return;
    }
    std::uint32_t last = n - 1;
    while (facts_[last].blank) --last;
    last = skip_imprint(first, last);
    last = skip_annex(first, last);
    if (last > first && is_note(last)) {
      std::uint32_t above = last - 1;
      while (above > first && facts_[above].blank) --above;
      if (parse_date(doc_.text, doc_.paragraphs[above].span)) {  // a 附注 follows the date
        doc_.note = last;
        doc_.paragraphs[last].role = ParagraphRole::note;
        last = above;
      }
    }

    std::uint32_t body_end = find_closing(first, last);
    std::uint32_t body_begin = find_opening(first, body_end);
    build_sections(body_begin, body_end);

    for (std::uint32_t i = 0; i < n; ++i) {
      if (facts_[i].blank) doc_.paragraphs[i].role = ParagraphRole::blank;
    }
  }

 private:
  void collect_facts() {
    facts_.resize(doc_.paragraphs.size());
    std::size_t a = 0;
    const auto& arts = doc_.artefacts;
    for (std::size_t i = 0; i < doc_.paragraphs.size(); ++i) {
      Span span = doc_.paragraphs[i].span;
      while (a < arts.size() && arts[a].span.begin < span.begin) ++a;
      std::size_t b = a;
      while (b < arts.size() && arts[b].span.end <= span.end) ++b;
      Facts& f = facts_[i];
      f.artefacts = std::span<const Artefact>(arts.data() + a, b - a);
      std::uint32_t begin = skip_ignorable(doc_.text, span.begin, span.end, f.artefacts);
      std::uint32_t end = span.end;
      // Trailing whitespace and artefacts.
      while (end > begin) {
        auto it = std::find_if(f.artefacts.begin(), f.artefacts.end(),
                               [&](const Artefact& x) { return x.span.end == end; });
        if (it != f.artefacts.end()) {
          end = it->span.begin;
          continue;
        }
        std::size_t j = end;
        if (!utf8::is_space(utf8::prev(doc_.text, j))) break;
        end = static_cast<std::uint32_t>(j);
      }
      f.content_begin = begin;
      f.content = std::string_view(doc_.text).substr(begin, end - begin);
      f.blank = f.content.empty();
      f.length = utf8::length(f.content);
      a = b;
    }
  }

  // A 附注 (GB/T 9704 §7.3.7): one short line in brackets, such as （此件公开发布）.
  bool is_note(std::uint32_t i) const {
    const Facts& f = facts_[i];
    if (f.length < 3 || f.length > kMaxNote) return false;
    char32_t open = first_char(f.content);
    char32_t close = last_char(f.content);
    return (open == cjk::kFullwidthLeftParen || open == U'(') &&
           (close == cjk::kFullwidthRightParen || close == U')') && !is_heading(i);
  }

  bool is_heading(std::uint32_t i) const {
    if (doc_.paragraphs[i].in_table) return false;
    return doc_.paragraphs[i].outline_level > 0 ||
           parse_marker(doc_.text, doc_.paragraphs[i].span, facts_[i].artefacts).has_value();
  }

  std::uint32_t previous_nonblank(std::uint32_t i, std::uint32_t first) const {
    while (i > first && facts_[i].blank) --i;
    return i;
  }

  std::optional<std::uint32_t> next_nonblank(std::uint32_t i, std::uint32_t end) const {
    while (i < end && facts_[i].blank) ++i;
    return i < end ? std::optional<std::uint32_t>(i) : std::nullopt;
  }

  // 版记 (GB/T 9704 §8): 抄送…… and ……印发 (or ……日印) lines, and rules of dashes between them.
  bool is_imprint(std::uint32_t i) const {
    std::string_view c = facts_[i].content;
    if (c.starts_with(cjk::kCopyToWord) || c.ends_with(cjk::kPrintedWord)) return true;
    if (last_char(c) == cjk::kPrinted) {
      std::string_view before = c.substr(0, c.size() - utf8::encode(cjk::kPrinted).size());
      std::size_t k = before.size();
      return !before.empty() && utf8::prev(before, k) == cjk::kDay;
    }
    bool rule = facts_[i].length >= 3;
    for (std::size_t k = 0; k < c.size() && rule;) {
      char32_t ch = utf8::next(c, k);
      rule = ch == U'-' || ch == U'_' || ch == cjk::kEmDash || ch == 0x2500 || ch == 0x2501;
    }
    return rule;
  }

  std::uint32_t skip_imprint(std::uint32_t first, std::uint32_t last) {
    while (last > first && is_imprint(last)) {
      doc_.paragraphs[last].role = ParagraphRole::imprint;
      last = previous_nonblank(last - 1, first);
    }
    return last;
  }

  // An attachment (GB/T 9704 §8.2) starts with a line that is only 附件 or 附件N. A 附件 line
  // followed by a numbered list is the 附件说明 of the body instead.
  bool is_annex_start(std::uint32_t i, std::uint32_t last) const {
    const Facts& f = facts_[i];
    if (!f.content.starts_with(cjk::kAnnexWord) || f.length > kMaxAnnexLine) return false;
    std::string_view rest = f.content.substr(cjk::kAnnexWord.size());
    for (std::size_t k = 0; k < rest.size();) {
      char32_t c = utf8::next(rest, k);
      if (!is_digit(c) && !is_colon(c) && !utf8::is_space(c)) return false;
    }
    auto next = next_nonblank(i + 1, last + 1);
    return !next || !is_heading(*next);
  }

  std::uint32_t skip_annex(std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t i = first + 1; i <= last; ++i) {
      if (facts_[i].blank) continue;
      // Right after the date, any line that starts with 附件 begins the attachments.
      bool after_date =
          facts_[i].content.starts_with(cjk::kAnnexWord) &&
          parse_date(doc_.text, doc_.paragraphs[previous_nonblank(i - 1, first)].span);
      if (!after_date && !is_annex_start(i, last)) continue;
      doc_.annex = {i, last + 1};
      for (std::uint32_t k = i; k <= last; ++k) doc_.paragraphs[k].role = ParagraphRole::annex;
      return previous_nonblank(i - 1, first);
    }
    return last;
  }

  Span content_span(std::uint32_t i) const {
    const Facts& f = facts_[i];
    return {f.content_begin, f.content_begin + static_cast<std::uint32_t>(f.content.size())};
  }

  bool looks_like_signature(std::string_view content) const {
    std::size_t length = utf8::length(content);
    return length >= 2 && length <= kMaxSignature && !contains_any(content, cjk::is_clause_punct) &&
           first_char(content) != cjk::kFullwidthLeftParen && first_char(content) != U'(';
  }

  // A signature and a date on one line (平潭综合实验区公安局2022年1月7日, or with spaces
  // between): the date is the longest tail of the line that parses as one.
  bool split_signature_date(std::uint32_t i) {
    Span content = content_span(i);
    std::string_view text = doc_.text;
    for (std::uint32_t at = content.begin; at < content.end;) {
      std::size_t next = at;
      char32_t c = utf8::next(text, next);
      bool starts_number = (is_digit(c) || cjk::chinese_digit(c) >= 0) && at > content.begin;
      if (starts_number) {
        std::size_t before = at;
        char32_t prev = utf8::prev(text, before);
        starts_number = !is_digit(prev) && cjk::chinese_digit(prev) < 0;
      }
      if (starts_number) {
        if (auto date = parse_date(text, {at, content.end})) {
          std::string_view organ = utf8::trim(text.substr(content.begin, at - content.begin));
          if (looks_like_signature(organ) && !is_heading(i)) {
            auto organ_begin = static_cast<std::uint32_t>(organ.data() - text.data());
            doc_.signature =
                Signature{{i},
                          std::string(organ),
                          {organ_begin, organ_begin + static_cast<std::uint32_t>(organ.size())}};
            date->paragraph = i;
            doc_.date = *date;
            doc_.paragraphs[i].role = ParagraphRole::signature;
            return true;
          }
        }
      }
      at = static_cast<std::uint32_t>(next);
    }
    return false;
  }

  bool looks_like_title_line(std::uint32_t i, std::size_t max_length) const {
    const Facts& f = facts_[i];
    if (f.blank || f.length < 2 || f.length > max_length) return false;
    // A full stop at the very end of a title's first line is a defect of the title (a rule says
    // so), not the end of a sentence.
    std::string_view content = f.content;
    if (max_length == kMaxTitleLine && last_char(content) == cjk::kIdeographicFullStop)
      content.remove_suffix(utf8::encode(cjk::kIdeographicFullStop).size());
    if (contains_any(content, cjk::is_sentence_end) || contains_any(content, is_comma)) {
      return false;
    }
    if (is_colon(last_char(content))) return false;
    return !is_heading(i) && !parse_date(doc_.text, doc_.paragraphs[i].span) &&
           !is_doc_number(f.content);
  }

  // A second title line: right below the first, or after one blank line unless it is the organ
  // that also signs the report (a name set under the title).
  std::optional<std::uint32_t> title_continuation(std::uint32_t i, std::uint32_t body_end) const {
    auto next = next_nonblank(i, body_end);
    if (!next || *next > i + 1 || !looks_like_title_line(*next, kMaxTitleContinuation)) {
      return std::nullopt;
    }
    char32_t open = first_char(facts_[*next].content);
    if (open == cjk::kFullwidthLeftParen || open == U'(') return std::nullopt;
    if (*next > i && doc_.signature &&
        doc_.signature->text.find(facts_[*next].content) != std::string::npos) {
      return std::nullopt;
    }
    return next;
  }

  // A 主送 line: ends with a colon and lists organs, each short (各省、自治区、直辖市人民政府，
  // 国务院各部委、各直属机构：); a sentence ending with a colon (……总结如下：) is not one.
  bool is_addressee(std::uint32_t i) const {
    const Facts& f = facts_[i];
    if (f.length > kMaxAddressee * 3 || !is_colon(last_char(f.content)) || is_heading(i))
      return false;
    std::size_t item = 0;
    for (std::size_t k = 0; k < f.content.size();) {
      char32_t c = utf8::next(f.content, k);
      if (c == cjk::kLeftBookTitle || cjk::is_sentence_end(c)) return false;
      if (c == cjk::kIdeographicComma || is_comma(c) || is_colon(c)) {
        item = 0;
      } else if (++item > kMaxAddresseeItem) {
        return false;
      }
    }
    return true;
  }

  // A 发文字号 line at `i` (before or after the title) is marked; returns the next paragraph.
  std::uint32_t take_doc_number(std::uint32_t i, std::uint32_t body_end) {
    auto at = next_nonblank(i, body_end);
    if (!at || doc_.doc_number || facts_[*at].length > kMaxDocNumber ||
        !is_doc_number(facts_[*at].content)) {
      return i;
    }
    doc_.doc_number = *at;
    doc_.paragraphs[*at].role = ParagraphRole::doc_number;
    return *at + 1;
  }

  // Title, 发文字号 and addressee at the top; returns the first paragraph after them.
  std::uint32_t find_opening(std::uint32_t first, std::uint32_t body_end) {
    std::uint32_t i = take_doc_number(first, body_end);
    if (auto at = next_nonblank(i, body_end)) i = *at;
    if (i >= body_end) return i;
    auto& paras = doc_.paragraphs;
    bool styled = paras[i].title_style;
    // A line that ends with a full stop is a title (with a defect) only when text, not a heading,
    // follows it and it is not the formula "……报告如下。" that opens a report.
    auto next = next_nonblank(i + 1, body_end);
    bool stop_then_heading =
        last_char(facts_[i].content) == cjk::kIdeographicFullStop &&
        (!next || is_heading(*next) || facts_[i].content.ends_with(cjk::kAsFollowsStop));
    if (styled || (looks_like_title_line(i, kMaxTitleLine) && !stop_then_heading)) {
      Title title;
      title.paragraphs.push_back(i);
      ++i;
      if (styled) {
        if (i < body_end && !facts_[i].blank && paras[i].title_style)
          title.paragraphs.push_back(i++);
      } else if (auto next = title_continuation(i, body_end)) {
        title.paragraphs.push_back(*next);
        i = *next + 1;
      }
      for (std::uint32_t p : title.paragraphs) {
        paras[p].role = ParagraphRole::title;
        title.text += facts_[p].content;
      }
      doc_.title = std::move(title);
    }
    if (doc_.title) i = take_doc_number(i, body_end);
    if (auto j = next_nonblank(i, body_end); doc_.title && j && is_addressee(*j)) {
      paras[*j].role = ParagraphRole::addressee;
      doc_.addressee = *j;
      i = *j + 1;
    }
    return i;
  }

  // Date and signature at the end; returns one past the last paragraph of the body.
  std::uint32_t find_closing(std::uint32_t first, std::uint32_t last) {
    std::uint32_t body_end = last + 1;
    std::uint32_t i = last;
    if (auto date = parse_date(doc_.text, doc_.paragraphs[i].span)) {
      date->paragraph = i;
      doc_.date = *date;
      doc_.paragraphs[i].role = ParagraphRole::date;
      body_end = i;
      if (i == first) return body_end;
      i = previous_nonblank(i - 1, first);
    } else if (i > first && split_signature_date(i)) {
      return i;
    }
    const Facts& f = facts_[i];
    if (i > first && !f.blank && looks_like_signature(f.content) && !is_heading(i) &&
        !parse_date(doc_.text, doc_.paragraphs[i].span)) {
      doc_.signature = Signature{{i}, std::string(f.content), content_span(i)};
      doc_.paragraphs[i].role = ParagraphRole::signature;
      body_end = i;
    }
    return body_end;
  }

  struct Open {
    std::uint32_t section;
    std::uint8_t effective_form;  // the form this section stands for among its siblings
  };

  static bool same_style(const Marker& a, const Marker& b) {
    if (a.numeral != b.numeral) return false;
    if (a.numeral == Numeral::none) return a.form == b.form;
    return (a.bracket == Bracket::none) == (b.bracket == Bracket::none);
  }

  // Where a new heading goes in the tree. The rules, first match wins, looking at the open path
  // from the innermost section outwards ("style" is the kind of numeral and whether it is
  // bracketed; "exact style" adds the bracket width and the delimiter):
  //   1. same style, numbering continues (（一）→（二）)                 → sibling
  //   2. same style, numbering jumps forward (二、→六、)                  → sibling
  //   3. exact same style, numbering repeats or goes back (二、→二、)      → sibling
  //   4. numbering goes on (not 1) in a style used earlier at level L
  //      but not open now (（一）（二） under 一、, then （三） under 二、)    → at level L
  //   5. another style, numbering continues an open section's, and the form
  //      is two or more levels deeper than that section's (（二）→（3）, 二、→3、)
  //                                                                     → sibling, a slip of form
  //   6. same style, numbering repeats or goes back (not after a slip)    → sibling
  //   7. a deeper form than some open section                             → child of the innermost
  //   such
  //   8. a new list (ordinal 1) with a form above all open ones           → child of the innermost
  //   9. otherwise                                                        → top level
  // A sibling takes over the form its predecessor stood for, so that the children of a slipped
  // "3、" at level one are placed as the children of "三、" would be.
  struct Placement {
    std::size_t keep;  // how many open sections stay open; the last of them is the parent
    std::uint8_t effective_form;
  };

  static bool exact_style(const Marker& a, const Marker& b) {
    return same_style(a, b) && a.bracket == b.bracket && a.delimiter == b.delimiter;
  }

  static std::pair<int, bool> style_key(const Marker& m) {
    return {static_cast<int>(m.numeral), m.bracket != Bracket::none};
  }

  Placement place(const Marker& m) const {
    const std::size_t depth = open_.size();
    auto find = [&](auto pred) -> std::optional<std::size_t> {
      for (std::size_t k = depth; k-- > 0;) {
        if (pred(doc_.sections[open_[k].section].marker, open_[k])) return k;
      }
      return std::nullopt;
    };
    auto sibling = [&](std::size_t k) { return Placement{k, open_[k].effective_form}; };
    if (auto k = find([&](const Marker& o, const Open&) {
          return same_style(o, m) && m.ordinal == o.ordinal + 1;
        })) {
      return sibling(*k);
    }
    if (auto k = find([&](const Marker& o, const Open&) {
          return same_style(o, m) && m.ordinal > o.ordinal;
        })) {
      return sibling(*k);
    }
    if (auto k = find([&](const Marker& o, const Open&) { return exact_style(o, m); }))
      return sibling(*k);
    if (m.ordinal > 1) {
      auto used = style_levels_.find(style_key(m));
      if (used != style_levels_.end() && used->second <= depth + 1) {
        std::size_t keep = used->second - 1;
        return keep < depth ? sibling(keep) : Placement{keep, m.form};
      }
      if (auto k = find([&](const Marker& o, const Open& open) {
            return m.ordinal == o.ordinal + 1 && m.form >= open.effective_form + 2;
          })) {
        return sibling(*k);
      }
    }
    // A slipped section (3、 standing for 三、) does not restart its written style's lists.
    if (auto k = find([&](const Marker& o, const Open& open) {
          return same_style(o, m) && open.effective_form == o.form;
        })) {
      return sibling(*k);
    }
    for (std::size_t k = depth; k-- > 0;) {
      if (open_[k].effective_form < m.form) return {k + 1, m.form};
    }
    return {m.ordinal == 1 ? depth : 0, m.form};
  }

  void build_sections(std::uint32_t body_begin, std::uint32_t body_end) {
    auto& paras = doc_.paragraphs;
    std::uint32_t first_heading = body_end;
    for (std::uint32_t i = body_begin; i < body_end; ++i) {
      if (facts_[i].blank) continue;
      if (paras[i].in_table) {
        paras[i].role = ParagraphRole::table;
        paras[i].section = open_.empty() ? -1 : static_cast<std::int32_t>(open_.back().section);
        continue;
      }
      std::optional<MarkerMatch> match =
          parse_marker(doc_.text, paras[i].span, facts_[i].artefacts);
      if (!match && paras[i].outline_level > 0) {
        MarkerMatch hinted;
        hinted.marker.numeral = Numeral::none;
        hinted.marker.form = std::min<std::uint8_t>(paras[i].outline_level, 5);
        hinted.marker.ordinal = 0;
        hinted.marker.span = {facts_[i].content_begin, facts_[i].content_begin};
        hinted.content_begin = facts_[i].content_begin;
        match = hinted;
      }
      if (!match) {
        paras[i].role = i < first_heading ? ParagraphRole::preamble : ParagraphRole::body;
        paras[i].section = open_.empty() ? -1 : static_cast<std::int32_t>(open_.back().section);
        continue;
      }
      first_heading = std::min(first_heading, i);
      Section s;
      s.marker = match->marker;
      s.paragraph = i;
      split_heading(i, match->content_begin, s);
      Placement where{0, s.marker.form};
      if (s.marker.numeral == Numeral::none) {
        // A hinted heading has no number to continue: its outline level places it.
        where.keep = open_.size();
        while (where.keep > 0 && open_[where.keep - 1].effective_form >= s.marker.form)
          --where.keep;
      } else {
        where = place(s.marker);
      }
      while (open_.size() > where.keep) close_top(i);
      push_section(std::move(s), i, where.effective_form);
    }
    while (!open_.empty()) close_top(body_end);
    std::uint32_t preamble_end = first_heading;
    while (body_begin < preamble_end && facts_[body_begin].blank) ++body_begin;
    while (preamble_end > body_begin && facts_[preamble_end - 1].blank) --preamble_end;
    doc_.preamble = {body_begin, preamble_end};
  }

  void push_section(Section s, std::uint32_t paragraph, std::uint8_t effective_form) {
    auto& sections = doc_.sections;
    const auto index = static_cast<std::uint32_t>(sections.size());
    if (!open_.empty()) {
      s.parent = static_cast<std::int32_t>(open_.back().section);
      sections[open_.back().section].children.push_back(index);
      s.level = sections[open_.back().section].level + 1;
    } else {
      s.level = 1;
    }
    if (s.marker.numeral != Numeral::none) style_levels_.emplace(style_key(s.marker), s.level);
    sections.push_back(std::move(s));
    open_.push_back({index, effective_form});
    doc_.paragraphs[paragraph].role = ParagraphRole::heading;
    doc_.paragraphs[paragraph].section = static_cast<std::int32_t>(index);
  }

  void close_top(std::uint32_t end_paragraph) {
    Section& s = doc_.sections[open_.back().section];
    s.end_paragraph = end_paragraph;
    std::uint32_t last = end_paragraph - 1;
    while (last > s.paragraph && facts_[last].blank) --last;
    s.extent = {doc_.paragraphs[s.paragraph].span.begin, doc_.paragraphs[last].span.end};
    open_.pop_back();
  }

  // Heading text, terminator and run-in body of a heading paragraph.
  void split_heading(std::uint32_t i, std::uint32_t begin, Section& s) const {
    const Facts& f = facts_[i];
    const std::uint32_t content_end =
        f.content_begin + static_cast<std::uint32_t>(f.content.size());
    std::uint32_t end = std::max(begin, content_end);
    std::string_view text = doc_.text;
    for (std::size_t k = begin; k < end;) {
      std::size_t at = k;
      if (is_heading_terminator(utf8::next(text, k))) {
        s.terminator = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(k)};
        std::uint32_t rest = skip_ignorable(text, static_cast<std::uint32_t>(k), end, f.artefacts);
        s.run_in = rest < end;
        end = static_cast<std::uint32_t>(at);
        break;
      }
    }
    std::string_view heading = text.substr(begin, end - begin);
    end -= static_cast<std::uint32_t>(utf8::trailing_space_bytes(heading));
    s.heading = {begin, std::max(begin, end)};
  }

  Document& doc_;
  std::vector<Facts> facts_;
  std::vector<Open> open_;
  std::map<std::pair<int, bool>, std::uint32_t>
      style_levels_;  // the level a style was first used at
};

}  // namespace

void build_structure(Document& doc) {
  Parser(doc).run();
}

}  // namespace fzcheck::detail
