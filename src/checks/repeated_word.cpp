// kind: repeated-word — a word written twice in a row by accident (教育教育). Only runs of Chinese
// characters of min_length to max_length are compared; `allow` lists real reduplications.
//
//   min_length: 2
//   max_length: 4
//   allow: ['研究研究', '一.一.']    RE2 patterns matched against the whole doubled text
//   message: ... {found} {word} ...   (replacement: the word once)
#include <re2/re2.h>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class RepeatedWord final : public Check {
 public:
  RepeatedWord(RuleCommon common, std::size_t min_length, std::size_t max_length,
               std::vector<std::unique_ptr<RE2>> allow, MessageTemplate message)
      : Check(std::move(common)),
        min_(min_length),
        max_(max_length),
        allow_(std::move(allow)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    for (Span region : ctx.regions(common().scope)) {
      std::string_view text = doc.str(region);
      utf8::CodePoints cps = utf8::decode(text);
      const std::u32string& c = cps.chars;
      std::size_t i = 0;
      while (i < c.size()) {
        bool found = false;
        for (std::size_t k = max_; k >= min_ && !found; --k) {
          if (i + 2 * k > c.size() || c[i] != c[i + k]) continue;
          bool han = true;
          for (std::size_t j = i; j < i + k && han; ++j) han = utf8::is_han(c[j]);
          if (!han || c.compare(i, k, c, i + k, k) != 0) continue;
          std::uint32_t b = cps.offsets[i];
          std::uint32_t m = cps.offsets[i + k];
          std::uint32_t e = cps.offsets[i + 2 * k];
          std::string doubled(text.substr(b, e - b));
          if (allowed(doubled)) continue;
          std::string word(text.substr(b, m - b));
          sink.add(*this, {region.begin + b, region.begin + e},
                   message_.format({{"found", doubled}, {"word", word}}), word);
          i += 2 * k;
          found = true;
        }
        if (!found) ++i;
      }
    }
  }

 private:
  bool allowed(const std::string& doubled) const {
    for (const auto& re : allow_) {
      if (RE2::FullMatch(doubled, *re)) return true;
    }
    return false;
  }

  std::size_t min_, max_;
  std::vector<std::unique_ptr<RE2>> allow_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_repeated_word(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto min_length = f.integer("min_length", 1, 20).value_or(2);
  auto max_length = f.integer("max_length", 1, 20).value_or(4);
  if (max_length < min_length)
    f.error("max_length", "'max_length' must not be less than 'min_length'");
  std::vector<std::unique_ptr<RE2>> allow;
  RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& text : f.strings("allow")) {
    auto re = std::make_unique<RE2>(text, options);
    if (!re->ok()) {
      f.error("allow",
              fmt::format("bad regular expression '{}' in 'allow': {}", text, re->error()));
      return nullptr;
    }
    allow.push_back(std::move(re));
  }
  auto message = spec.ctx.message(f, "message", {"found", "word"});
  if (!message || max_length < min_length) return nullptr;
  return std::make_unique<RepeatedWord>(spec.common, static_cast<std::size_t>(min_length),
                                        static_cast<std::size_t>(max_length), std::move(allow),
                                        std::move(*message));
}

}  // namespace fzcheck::detail
