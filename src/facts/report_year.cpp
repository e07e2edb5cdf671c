#include "facts/report_year.hpp"

#include <algorithm>
#include <map>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// Calls f(year, offset) for every four-digit year followed by 年, in text order: "2024年" and the
// digit-by-digit Chinese form "二〇二四年"; `offset` is where its first digit starts.
template <class F>
void for_each_year(std::string_view text, F&& f) {
  const std::string year_char = utf8::encode(cjk::kYear);
  std::size_t pos = 0;
  while ((pos = text.find(year_char, pos)) != std::string_view::npos) {
    for (bool chinese : {false, true}) {
      std::size_t i = pos;
      int value = 0;
      int digits = 0;
      int scale = 1;
      while (i > 0 && digits < 5) {
        std::size_t j = i;
        char32_t c = utf8::prev(text, j);
        int d = chinese ? cjk::chinese_digit(c) : cjk::arabic_digit(c);
        if (d < 0) break;
        value += d * scale;
        scale *= 10;
        ++digits;
        i = j;
      }
      if (digits == 4 && value >= 1990 && value <= 2100) {
        f(value, i);
        break;
      }
    }
    pos += year_char.size();
  }
}

// The year mentioned most in the running text of paragraphs [0, end).
std::optional<int> most_mentioned(const Document& doc, std::uint32_t end) {
  std::map<int, int> counts;
  for (std::uint32_t i = 0; i < end; ++i) {
    const Paragraph& p = doc.paragraphs[i];
    if (p.role == ParagraphRole::preamble || p.role == ParagraphRole::body ||
        p.role == ParagraphRole::heading) {
      for_each_year(outside_titles(doc.str(p.span)),
                    [&](int year, std::size_t) { ++counts[year]; });
    }
  }
  std::optional<int> best;
  int best_count = 0;
  for (const auto& [year, count] : counts) {
    if (count > best_count) {
      best = year;
      best_count = count;
    }
  }
  return best;
}

}  // namespace

ReportYear find_report_year(const Document& doc) {
  ReportYear out;
  if (doc.title) {
    out.title = first_year(doc.title->text);
  }
  // The preamble and the first level-one section; then the whole text if they name no year.
  const auto all = static_cast<std::uint32_t>(doc.paragraphs.size());
  std::uint32_t first_part_end = all;
  for (const Section& s : doc.sections) {
    if (s.parent < 0) {
      first_part_end = s.end_paragraph;
      break;
    }
  }
  out.body = most_mentioned(doc, first_part_end);
  if (!out.body) out.body = most_mentioned(doc, all);
  out.report = out.title ? out.title : out.body;
  return out;
}

std::optional<std::size_t> first_year_offset(std::string_view text) {
  std::optional<std::size_t> out;
  for_each_year(text, [&](int, std::size_t at) {
    if (!out) out = at;
  });
  return out;
}

std::optional<int> first_year(std::string_view text) {
  std::optional<int> out;
  for_each_year(text, [&](int year, std::size_t) {
    if (!out) out = year;
  });
  return out;
}

std::string outside_titles(std::string_view text) {
  // Most paragraphs name no title: nothing to leave out, nothing to decode.
  if (text.find(utf8::encode(cjk::kLeftBookTitle)) == std::string_view::npos &&
      text.find(utf8::encode(cjk::kRightBookTitle)) == std::string_view::npos)
    return std::string(text);
  std::string out;
  int depth = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (c == cjk::kLeftBookTitle) {
      ++depth;
    } else if (c == cjk::kRightBookTitle) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      out.append(text, at, i - at);
    }
  }
  return out;
}

}  // namespace fzcheck::detail
