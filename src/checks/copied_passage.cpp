// kind: copied-passage — the same long passage in two different parts of a report (a part copied
// into another). The units compared are the preamble and each level-one section; whitespace is
// ignored. Linear in the document (the search is in passages.hpp, shared with previous-report):
// windows of half the minimum length are indexed at fixed steps, every window of later units is
// looked up, and a match is extended to its full length and skipped. Two passages copied from the
// same place and cut apart by a few changed characters are one. Table rows are left out (labels
// that repeat by design, figures).
//
//   min_length: 50                   code points
//   message: ... {length} {other} {other_line} {unit} ...
#include "checks/build_context.hpp"
#include "checks/passages.hpp"
#include "model/locator.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxFindings = 100;  // per document; a pathological input stays readable

class CopiedPassage final : public Check {
 public:
  CopiedPassage(RuleCommon common, std::size_t min_length, MessageTemplate message)
      : Check(std::move(common)), min_(min_length), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    // Table rows are not passages: their labels repeat by design (a template's row and column
    // names), and their figures are no prose.
    UnitOptions options;
    options.skip_tables = true;
    std::vector<TextUnit> units = report_units(ctx, options);
    if (units.size() < 2) return;
    PassageIndex index(units, min_);
    // A unit copies from the units before it.
    index.find(
        units, 1, kMaxFindings, [](std::uint32_t u, std::uint32_t v) { return u < v; },
        [&](const CopiedRun& run) { report(ctx, sink, units, run); });
  }

 private:
  void report(const CheckContext& ctx, FindingSink& sink, const std::vector<TextUnit>& units,
              const CopiedRun& p) const {
    const TextUnit& other = units[p.from];
    const TextUnit& unit = units[p.unit];
    // The passage ends after its last character as written (not after the whitespace that
    // may follow it).
    std::size_t end = unit.offset(ctx.doc.text, p.pos + p.len - 1);
    utf8::next(ctx.doc.text, end);
    Span span{unit.offset(ctx.doc.text, p.pos), static_cast<std::uint32_t>(end)};
    sink.add(*this, span,
             message_.format({{"length", std::to_string(p.len)},
                              {"other", other.label},
                              {"other_line", std::to_string(line_at(
                                                 ctx.doc, other.offset(ctx.doc.text, p.from_pos)))},
                              {"unit", unit.label}}));
  }

  std::size_t min_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_copied_passage(RuleSpec& spec) {
  Fields& f = spec.fields;
  auto min_length = f.integer("min_length", 10, 10000).value_or(50);
  auto message = spec.ctx.message(f, "message", {"length", "other", "other_line", "unit"});
  if (!message) return nullptr;
  return std::make_unique<CopiedPassage>(spec.common, static_cast<std::size_t>(min_length),
                                         std::move(*message));
}

}  // namespace fzcheck::detail
