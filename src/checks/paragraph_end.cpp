// kind: paragraph-end — a paragraph of running text ends with sentence-final punctuation.
// Headings, titles, signatures and dates are not running text; the text after a run-in heading is.
//
//   end_marks: '。！？；…”’）》：'   marks a paragraph may end with
//   min_length: 40                  shorter paragraphs are left alone (list items, captions)
//   message: ...
#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class ParagraphEnd final : public Check {
 public:
  ParagraphEnd(RuleCommon common, std::u32string marks, std::size_t min_length,
               MessageTemplate message)
      : Check(std::move(common)),
        marks_(std::move(marks)),
        min_length_(min_length),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    std::vector<Span> regions = ctx.regions(common().scope);
    for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
      const Paragraph& p = doc.paragraphs[i];
      Span text = p.span;
      if (p.role == ParagraphRole::heading) {
        const Section& s = doc.sections[static_cast<std::size_t>(p.section)];
        if (!s.run_in) continue;
        text.begin = s.terminator.end;
      } else if (p.role != ParagraphRole::body && p.role != ParagraphRole::preamble) {
        continue;
      }
      if (!CheckContext::inside_any({text.begin, text.end}, regions)) continue;
      std::string_view body = utf8::trim(doc.str(text));
      // Count code points only up to the minimum: a long paragraph is long enough.
      std::size_t counted = 0;
      for (std::size_t k = 0; k < body.size() && counted < min_length_; ++k)
        counted += (body[k] & 0xC0) != 0x80;
      if (counted < min_length_) continue;
      std::size_t end = body.size();
      char32_t last = utf8::prev(body, end);
      if (marks_.find(last) != std::u32string::npos) continue;
      auto at = static_cast<std::uint32_t>(body.data() + body.size() - doc.text.data());
      sink.add(*this, {at, at}, message_.format({}));
    }
  }

 private:
  std::u32string marks_;
  std::size_t min_length_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_paragraph_end(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto marks = f.string("end_marks", true);
  auto min_length = f.integer("min_length", 1, 100000).value_or(40);
  auto message = spec.ctx.message(f, "message", {});
  if (!message || !marks) return nullptr;
  return std::make_unique<ParagraphEnd>(spec.common, utf8::decode(*marks).chars,
                                        static_cast<std::size_t>(min_length), std::move(*message));
}

}  // namespace fzcheck::detail
