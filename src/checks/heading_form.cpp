// kind: heading-form — the way a section number is written fits its place (GB/T 15834 附录B.3.8):
// siblings share one form; a form skips at most one level below its parent's (一、→ 1. is
// fine, 一、→（1） is not); a higher-level form never appears below a lower-level one.
//
//   message:          ... {found} {expected} {usual} {heading} ...   (a sibling in another form;
//                                                                     with a replacement)
//   bracket_message:  ... {found} {usual} {heading} ...              (siblings' brackets differ)
//   depth_message:    ... {found} {expected} {form} {parent} {heading} ...
//   reversed_message: ... {found} {form} {parent} {parent_form} {heading} ...
#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class HeadingForm final : public Check {
 public:
  HeadingForm(RuleCommon common, MessageTemplate sibling, MessageTemplate bracket,
              MessageTemplate depth, MessageTemplate reversed)
      : Check(std::move(common)),
        sibling_(std::move(sibling)),
        bracket_(std::move(bracket)),
        depth_(std::move(depth)),
        reversed_(std::move(reversed)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Document& doc = ctx.doc;
    const HeadingFacts& facts = ctx.facts.headings;
    for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      const Marker& m = s.marker;
      if (m.numeral == Numeral::none) continue;
      const SiblingGroup& group = facts.groups[facts.group_of[i]];
      std::string found(doc.str(m.span));
      std::string heading = ctx.heading_label(i);
      if (facts.odd_form(doc, i)) {
        std::string expected = render_marker(*group.form, m.ordinal);
        sink.add(*this, m.span,
                 sibling_.format({{"found", found},
                                  {"expected", expected},
                                  {"usual", render_marker(*group.form, 1)},
                                  {"heading", heading}}),
                 expected);
        continue;
      }
      // A bracket unlike its siblings'. When the odd one is the correct full-width form, the
      // half-width majority is what is wrong, and heading-punctuation reports each of those.
      if (m.bracket != Bracket::none && group.bracket != Bracket::none &&
          m.bracket != group.bracket && m.bracket != Bracket::full) {
        std::string usual;
        for (std::uint32_t sib : group.sections) {
          if (doc.sections[sib].marker.bracket == group.bracket) {
            usual = std::string(doc.str(doc.sections[sib].marker.span));
            break;
          }
        }
        sink.add(*this, m.span,
                 bracket_.format({{"found", found}, {"usual", usual}, {"heading", heading}}));
        continue;
      }
      if (s.parent < 0) continue;
      auto parent = static_cast<std::uint32_t>(s.parent);
      const Marker& pm = doc.sections[parent].marker;
      if (pm.numeral == Numeral::none) continue;
      // A parent written in a slipped form stands for its siblings' form.
      std::uint8_t parent_form =
          facts.odd_form(doc, parent) ? *facts.groups[facts.group_of[parent]].form : pm.form;
      std::string parent_label(doc.str(pm.span));
      if (m.form < parent_form) {
        sink.add(*this, m.span,
                 reversed_.format({{"found", found},
                                   {"form", std::to_string(m.form)},
                                   {"parent", parent_label},
                                   {"parent_form", std::to_string(parent_form)},
                                   {"heading", heading}}));
      } else if (m.form > parent_form + 2) {
        // The replacement is the form this level takes elsewhere in the document, if that fits.
        std::optional<std::string> expected;
        const auto& usual =
            s.level < facts.level_form.size() ? facts.level_form[s.level] : std::nullopt;
        if (usual && *usual > parent_form && *usual <= parent_form + 2)
          expected = render_marker(*usual, m.ordinal);
        sink.add(*this, m.span,
                 depth_.format(
                     {{"found", found},
                      {"expected", expected.value_or(render_marker(parent_form + 1, m.ordinal))},
                      {"form", std::to_string(m.form)},
                      {"parent", parent_label},
                      {"heading", heading}}),
                 expected);
      }
    }
  }

 private:
  MessageTemplate sibling_, bracket_, depth_, reversed_;
};

}  // namespace

std::unique_ptr<Check> make_heading_form(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  auto sibling = ctx.message(f, "message", {"found", "expected", "usual", "heading"});
  auto bracket = ctx.message(f, "bracket_message", {"found", "usual", "heading"});
  auto depth = ctx.message(f, "depth_message", {"found", "expected", "form", "parent", "heading"});
  auto reversed =
      ctx.message(f, "reversed_message", {"found", "form", "parent", "parent_form", "heading"});
  if (!sibling || !bracket || !depth || !reversed) return nullptr;
  return std::make_unique<HeadingForm>(spec.common, std::move(*sibling), std::move(*bracket),
                                       std::move(*depth), std::move(*reversed));
}

}  // namespace fzcheck::detail
