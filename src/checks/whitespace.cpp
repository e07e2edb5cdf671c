// kind: whitespace — stray spaces that conversions leave: lines holding only spaces inside the text
// (check: blank-lines), and ASCII spaces or tabs at the start of a paragraph (check:
// leading-spaces; the ideographic space U+3000 of a first-line indent is fine). Both are removed by
// the replacement.
//
//   check: blank-lines | leading-spaces
//   message: ...
#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class Whitespace final : public Check {
 public:
  Whitespace(RuleCommon common, bool blank_lines, MessageTemplate message)
      : Check(std::move(common)), blank_lines_(blank_lines), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    const auto& paras = doc.paragraphs;
    std::size_t first = 0;
    std::size_t last = paras.size();
    while (first < paras.size() && paras[first].role == ParagraphRole::blank) ++first;
    while (last > first && paras[last - 1].role == ParagraphRole::blank) --last;
    for (std::size_t i = first; i < last; ++i) {
      const Paragraph& p = paras[i];
      std::string_view text = doc.str(p.span);
      if (blank_lines_) {
        // Only spaces: an empty line is a normal paragraph break.
        if (p.role == ParagraphRole::blank && !text.empty() && utf8::is_blank(text)) {
          sink.add(*this, p.span, message_.format({}), std::string());
        }
        continue;
      }
      if (p.role == ParagraphRole::blank) continue;
      std::size_t n = text.find_first_not_of(" \t");
      if (n == 0 || n == std::string_view::npos) continue;
      sink.add(*this, {p.span.begin, p.span.begin + static_cast<std::uint32_t>(n)},
               message_.format({}), std::string());
    }
  }

 private:
  bool blank_lines_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_whitespace(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto which = f.string("check", true);
  if (which && *which != "blank-lines" && *which != "leading-spaces") {
    f.error("check",
            fmt::format("'check' must be blank-lines or leading-spaces, not '{}'", *which));
    return nullptr;
  }
  auto message = spec.ctx.message(f, "message", {});
  if (!message || !which) return nullptr;
  return std::make_unique<Whitespace>(spec.common, *which == "blank-lines", std::move(*message));
}

}  // namespace fzcheck::detail
