// kind: consistent-citation — one document cited under two names in the same report: the names
// differ only in spacing, bracket width or dash, or one is the other without its leading part
// (《湟中区2024年法治政府建设工作要点》 after 《西宁市湟中区2024年法治政府建设工作要点》).
// Reported once per pair of names, where the second name is first used.
//
//   open: '《'  close: '》'          the marks around a cited name
//   min_length: 8                   code points a shortened name must keep
//   omissible_prefixes: [中华人民共和国]   customary short forms that are not a second name
//   message: ... {found} {other} {line} ...
#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "model/locator.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxName = 120;  // code points between the marks

struct Cited {
  std::string raw;
  std::u32string normal;
  Span first;  // first use
};

class ConsistentCitation final : public Check {
 public:
  ConsistentCitation(RuleCommon common, char32_t open, char32_t close, std::size_t min_length,
                     std::vector<std::u32string> omissible, MessageTemplate message)
      : Check(std::move(common)),
        open_(open),
        close_(close),
        min_(min_length),
        omissible_(std::move(omissible)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    std::vector<Cited> names;  // distinct raw names, in order of first use
    const std::string open = utf8::encode(open_);
    for (Span region : ctx.regions(common().scope)) {
      std::string_view text = doc.str(region);
      constexpr std::size_t kNone = std::string_view::npos;
      std::size_t start = kNone;  // after the opening mark of the name being read
      std::size_t length = 0;
      std::size_t i = 0;
      while (i < text.size()) {
        if (start == kNone) {  // jump to the next opening mark
          i = text.find(open, i);
          if (i == kNone) break;
        }
        std::size_t at = i;
        char32_t c = utf8::next(text, i);
        if (c == open_) {
          start = i;
          length = 0;
        } else if (c == close_ && start != kNone) {
          std::string raw(text.substr(start, at - start));
          if (std::none_of(names.begin(), names.end(),
                           [&](const Cited& n) { return n.raw == raw; })) {
            names.push_back({raw,
                             normalise(raw),
                             {region.begin + static_cast<std::uint32_t>(start),
                              region.begin + static_cast<std::uint32_t>(at)}});
          }
          start = kNone;
        } else if (c == U'\n' || ++length > kMaxName) {
          start = kNone;
        }
      }
    }
    for (std::size_t b = 1; b < names.size(); ++b) {
      for (std::size_t a = 0; a < b; ++a) {
        if (!same_document(names[a].normal, names[b].normal)) continue;
        sink.add(*this, names[b].first,
                 message_.format({{"found", names[b].raw},
                                  {"other", names[a].raw},
                                  {"line", std::to_string(line_at(doc, names[a].first.begin))}}));
        break;
      }
    }
  }

 private:
  // Spaces dropped; brackets, dashes and full-width digits written one way.
  static std::u32string normalise(std::string_view raw) {
    std::u32string out;
    for (char32_t c : utf8::decode(raw).chars) {
      if (utf8::is_space(c)) continue;
      if (c == U'(') c = cjk::kFullwidthLeftParen;
      if (c == U')') c = cjk::kFullwidthRightParen;
      if (c == U'-' || c == 0x2013 || c == 0x2015 || c == cjk::kFullwidthHyphen || c == U'~' ||
          c == 0xFF5E)
        c = cjk::kEmDash;
      if (c >= cjk::kFullwidthDigitZero && c <= cjk::kFullwidthDigitNine)
        c = c - cjk::kFullwidthDigitZero + U'0';
      out.push_back(c);
    }
    return out;
  }

  bool same_document(const std::u32string& a, const std::u32string& b) const {
    if (a == b) return true;  // raw names differ, normal forms agree
    const std::u32string& shorter = a.size() < b.size() ? a : b;
    const std::u32string& longer = a.size() < b.size() ? b : a;
    for (const std::u32string& prefix : omissible_) {
      if (longer.size() == prefix.size() + shorter.size() && longer.starts_with(prefix) &&
          longer.compare(prefix.size(), shorter.size(), shorter) == 0) {
        return false;  // 《中华人民共和国宪法》 and 《宪法》: the customary short form
      }
    }
    return shorter.size() >= min_ &&
           longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0;
  }

  char32_t open_, close_;
  std::size_t min_;
  std::vector<std::u32string> omissible_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_consistent_citation(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto mark = [&](const char* key) -> std::optional<char32_t> {
    auto text = f.string(key, true);
    if (!text) return std::nullopt;
    std::u32string c = utf8::decode(*text).chars;
    if (c.size() != 1) {
      f.error(key, fmt::format("'{}' must be one punctuation mark", key));
      return std::nullopt;
    }
    return c[0];
  };
  auto open = mark("open");
  auto close = mark("close");
  auto min_length = f.integer("min_length", 2, 200).value_or(8);
  std::vector<std::u32string> omissible;
  for (const std::string& prefix : f.strings("omissible_prefixes"))
    omissible.push_back(utf8::decode(prefix).chars);
  auto message = spec.ctx.message(f, "message", {"found", "other", "line"});
  if (!message || !open || !close) return nullptr;
  return std::make_unique<ConsistentCitation>(spec.common, *open, *close,
                                              static_cast<std::size_t>(min_length),
                                              std::move(omissible), std::move(*message));
}

}  // namespace fzcheck::detail
