// kind: enumeration-sequence — a series of enumeration words in running text (一是……二是……三是)
// counts up by one: a repeat (二是……二是) or a gap (一是……三是) is reported. A series runs
// through the text under one heading; 一是 starts a new one. Words count only at the start of a
// paragraph or after punctuation ("统一是" starts nothing).
//
//   enumeration: '([一二三四五六七八九十]+)是'   the first group is the Chinese numeral
//   message: ... {found} {expected} ...
#include <re2/re2.h>

#include "checks/build_context.hpp"
#include "model/parse.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class EnumerationSequence final : public Check {
 public:
  EnumerationSequence(RuleCommon common, const PatternSet& set, PatternId enumeration,
                      MessageTemplate message)
      : Check(std::move(common)),
        set_(set),
        enumeration_(enumeration),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    const RE2& re = *set_.regex(enumeration_);
    std::uint32_t previous = 0;  // the last number of the series, 0 before one starts
    std::int32_t section = -2;   // the series runs under one heading
    for (Span region : ctx.regions(common().scope)) {
      for (const Match& m : ctx.matches.starting_in(enumeration_, region)) {
        if (m.end > region.end || !ctx.at_clause_start(m.begin)) continue;
        std::int32_t here = doc.paragraphs[doc.paragraph_at(m.begin)].section;
        if (here != section) previous = 0, section = here;
        std::uint32_t n = number(re, doc.str({m.begin, m.end}));
        if (n == 0) continue;
        if (n != 1 && n != previous + 1 && previous != 0) {
          std::u32string expected;
          cjk::append_chinese_number(expected, previous + 1);
          std::string found(doc.str({m.begin, m.end}));
          std::string expected_word;
          for (char32_t c : expected) utf8::append(expected_word, c);
          expected_word += found.substr(found.size() - utf8::encode(last_char(found)).size());
          sink.add(*this, {m.begin, m.end},
                   message_.format({{"found", found},
                                    {"expected", expected_word},
                                    {"previous", std::to_string(previous)}}));
        }
        previous = n;
      }
    }
  }

 private:
  static char32_t last_char(std::string_view s) {
    std::size_t i = s.size();
    return utf8::prev(s, i);
  }

  // The value of the numeral the first group captures (0 if none).
  static std::uint32_t number(const RE2& re, std::string_view word) {
    re2::StringPiece group;
    if (!RE2::PartialMatch(re2::StringPiece(word.data(), word.size()), re, &group)) return 0;
    std::u32string digits;
    std::string_view g(group.data(), group.size());
    for (std::size_t i = 0; i < g.size();) digits.push_back(utf8::next(g, i));
    return chinese_number(digits);
  }

  const PatternSet& set_;
  PatternId enumeration_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_enumeration_sequence(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto text = f.string("enumeration", true);
  auto message = spec.ctx.message(f, "message", {"found", "expected", "previous"});
  if (!text) return nullptr;
  auto pattern = spec.ctx.pattern(f, *text, f.pos("enumeration"));
  if (!pattern || !message) return nullptr;
  const PatternId id = *pattern;
  if (spec.ctx.pattern_set().capturing_groups(id) < 1) {
    f.error("enumeration",
            "'enumeration' must be a regular expression whose first group captures "
            "the Chinese numeral, such as '([一二三四五六七八九十]+)是'");
    return nullptr;
  }
  return std::make_unique<EnumerationSequence>(spec.common, spec.ctx.pattern_set(), id,
                                               std::move(*message));
}

}  // namespace fzcheck::detail
