// kind: heading-punctuation — the punctuation of section numbers (GB/T 15834 附录B.3.2–B.3.4):
// 一、 with a 顿号, 1. with a 下脚点, nothing after （一）, full-width brackets; with
// `check: spaces`, no space between the number and the heading; with `check: terminator`, sibling
// headings that stand on their own line agree on ending with 。 or not (GB/T 15834 B.4: titles
// usually end without punctuation; the odd ones out are reported). Sections whose form differs
// from their siblings' are left to heading-form, which proposes the whole number.
//
//   check: marker (default) | spaces | terminator
//   message: ... {found} {expected} ...          marker: punctuation after a bracket;
//                                                spaces / terminator: the heading
//   chinese_message: ... {found} {expected} ...  一. 一， instead of 一、
//   arabic_message: ... {found} {expected} ...   1、 instead of 1.
//   bracket_message: ... {found} {expected} ...  half-width, mixed or missing brackets
#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

class HeadingPunctuation final : public Check {
 public:
  enum class What { marker, spaces, terminator };
  What what = What::marker;
  MessageTemplate message;
  std::optional<MessageTemplate> chinese, arabic, bracket;

  explicit HeadingPunctuation(RuleCommon common) : Check(std::move(common)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    const HeadingFacts& facts = ctx.facts.headings;
    if (what == What::terminator) return terminators(ctx, sink);
    for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
      const Marker& m = doc.sections[i].marker;
      if (m.numeral == Numeral::none) continue;
      std::string found(doc.str(m.span));
      if (what == What::spaces) {
        if (m.spaces_after == 0) continue;
        std::string_view after = std::string_view(doc.text).substr(m.span.end);
        auto length = static_cast<std::uint32_t>(utf8::leading_space_bytes(after));
        if (length == 0) continue;  // the spaces come after an artefact; the artefact rule says so
        Span span{m.span.end, m.span.end + length};
        sink.add(*this, span, message.format({{"found", found}, {"expected", found}}),
                 std::string());
        continue;
      }
      if (facts.odd_form(doc, i)) continue;
      std::string expected = render_marker(m.form, m.ordinal);
      const MessageTemplate* text = nullptr;
      if (m.bracket == Bracket::half || m.bracket == Bracket::mixed ||
          m.bracket == Bracket::close_only) {
        text = &*bracket;
      } else if (m.bracket != Bracket::none && m.delimiter != Delimiter::none) {
        text = &message;
      } else if (m.bracket == Bracket::none && m.numeral == Numeral::chinese &&
                 m.delimiter != Delimiter::dun) {
        text = &*chinese;
      } else if (m.bracket == Bracket::none && m.numeral == Numeral::arabic &&
                 m.delimiter == Delimiter::dun) {
        text = &*arabic;
      }
      if (!text) continue;
      sink.add(*this, m.span, text->format({{"found", found}, {"expected", expected}}), expected);
    }
  }

 private:
  // Among siblings that stand alone (not run-in), the minority about a closing 。 is reported.
  void terminators(const CheckContext& ctx, FindingSink& sink) const {
    const Document& doc = ctx.doc;
    for (const SiblingGroup& g : ctx.facts.headings.groups) {
      std::vector<std::uint32_t> with, without;
      for (std::uint32_t s : g.sections) {
        const Section& sec = doc.sections[s];
        if (sec.run_in) continue;
        (sec.terminator.empty() ? without : with).push_back(s);
      }
      if (with.empty() || without.empty()) continue;
      bool minority_has_it = with.size() < without.size() ||
                             (with.size() == without.size() && with.front() > without.front());
      for (std::uint32_t s : minority_has_it ? with : without) {
        const Section& sec = doc.sections[s];
        std::string heading = ctx.heading_label(s);
        if (minority_has_it) {
          sink.add(*this, sec.terminator,
                   message.format({{"found", heading}, {"expected", heading}}), std::string());
        } else {
          sink.add(*this, {sec.heading.end, sec.heading.end},
                   message.format({{"found", heading}, {"expected", heading}}));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_heading_punctuation(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  auto check = std::make_unique<HeadingPunctuation>(spec.common);
  std::string which = f.string("check").value_or("marker");
  if (which != "marker" && which != "spaces" && which != "terminator") {
    f.error("check", fmt::format("'check' must be marker, spaces or terminator, not '{}'", which));
    return nullptr;
  }
  using What = HeadingPunctuation::What;
  check->what = which == "spaces"       ? What::spaces
                : which == "terminator" ? What::terminator
                                        : What::marker;
  auto message = ctx.message(f, "message", {"found", "expected"});
  if (check->what == What::marker) {
    check->chinese = ctx.message(f, "chinese_message", {"found", "expected"});
    check->arabic = ctx.message(f, "arabic_message", {"found", "expected"});
    check->bracket = ctx.message(f, "bracket_message", {"found", "expected"});
    if (!check->chinese || !check->arabic || !check->bracket) return nullptr;
  }
  if (!message) return nullptr;
  check->message = std::move(*message);
  return check;
}

}  // namespace fzcheck::detail
