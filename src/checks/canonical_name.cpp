// kind: canonical-name — the official names of key documents, quoted exactly. Each name is
// written once in its canonical form; the variants met in reports (half-width brackets, a hyphen
// or tilde for the dash of a year range, the 年 of a range or the brackets round it left out,
// spaces) are derived from it and reported with the canonical name as the replacement. The
// characters that serve as the 一字线 (— ― － –; GB/T 15834 does not fix one code point) are all
// accepted.
//
//   names: ['《法治政府建设实施纲要（2021—2025年）》', ...]
//   message: ... {found} {expected} ...
#include <re2/re2.h>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

// The code points used for the 一字线 in practice.
bool is_one_em_dash(char32_t c) {
  return c == cjk::kEmDash || c == 0x2015 || c == cjk::kFullwidthHyphen || c == 0x2013;
}

bool is_dash(char32_t c) {
  return c == U'-' || c == U'~' || c == cjk::kEmDash || c == 0x2013 || c == 0x2015 ||
         c == cjk::kFullwidthHyphen || c == 0xFF5E;
}

// A regex that matches the name and its common variants.
std::string variants_regex(const std::u32string& name) {
  const std::string dash_class = "\\s*[-~\\x{2013}\\x{2014}\\x{2015}\\x{FF0D}\\x{FF5E}]\\s*";
  std::string re;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char32_t c = name[i];
    bool digit_before = i > 0 && name[i - 1] >= U'0' && name[i - 1] <= U'9';
    bool digit_after = i + 1 < name.size() && name[i + 1] >= U'0' && name[i + 1] <= U'9';
    // Brackets round a year range may be left out: "纲要2015-2020".
    if (c == cjk::kFullwidthLeftParen || c == U'(') {
      re += digit_after ? "\\s*[(\\x{FF08}]?\\s*" : "\\s*[(\\x{FF08}]\\s*";
    } else if (c == cjk::kFullwidthRightParen || c == U')') {
      bool year_before = digit_before || (i > 0 && name[i - 1] == cjk::kYear);
      re += year_before ? "\\s*[)\\x{FF09}]?" : "\\s*[)\\x{FF09}]";
    } else if (is_dash(c) && digit_before && digit_after) {
      re += dash_class;
    } else if (c == cjk::kYear && i + 1 < name.size() &&
               (name[i + 1] == cjk::kFullwidthRightParen || name[i + 1] == U')')) {
      re += utf8::encode(c) + "?";  // "（2021-2025）" leaves the 年 out
    } else {
      re += RE2::QuoteMeta(utf8::encode(c));
    }
  }
  return re;
}

std::u32string canonical_chars(const std::string& name) {
  std::u32string c = utf8::decode(name).chars;
  for (char32_t& x : c) {
    if (is_one_em_dash(x)) x = cjk::kEmDash;
  }
  return c;
}

class CanonicalName final : public Check {
 public:
  CanonicalName(RuleCommon common, std::vector<std::pair<PatternId, std::string>> names,
                MessageTemplate message)
      : Check(std::move(common)), names_(std::move(names)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Span> regions = ctx.regions(common().scope);
    // Not a structured binding: clang before 16 refuses a lambda that captures one (C++20 allows
    // it, GCC accepts it).
    for (const auto& name : names_) {
      const std::string& canonical = name.second;
      ctx.for_each_in(name.first, regions, [&](const Match& m) {
        std::string found(ctx.doc.str({m.begin, m.end}));
        std::u32string normal = utf8::decode(found).chars;
        for (char32_t& c : normal) {
          if (is_one_em_dash(c)) c = cjk::kEmDash;
        }
        if (normal == canonical_chars(canonical)) return;
        sink.add(*this, {m.begin, m.end},
                 message_.format({{"found", found}, {"expected", canonical}}), canonical);
      });
    }
  }

 private:
  std::vector<std::pair<PatternId, std::string>> names_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_canonical_name(RuleSpec& spec) {
  Fields& f = spec.fields;
  std::vector<std::pair<PatternId, std::string>> names;
  for (const Item& item : f.scalars("names", true)) {
    const std::string& name = item.scalar;
    if (!spec.ctx.count_pattern(f, item.pos)) continue;
    auto added = spec.ctx.pattern_set().add_regex(variants_regex(utf8::decode(name).chars));
    if (auto* error = std::get_if<std::string>(&added)) {
      f.error("names", fmt::format("cannot use the name '{}': {}", name, *error));
      continue;
    }
    names.emplace_back(std::get<PatternId>(added), name);
  }
  auto message = spec.ctx.message(f, "message", {"found", "expected"});
  if (!message || names.empty()) return nullptr;
  return std::make_unique<CanonicalName>(spec.common, std::move(names), std::move(*message));
}

}  // namespace fzcheck::detail
