// kind: every-item — each item of a scope mentions one of a set of patterns. Items are the
// sub-sections of each section of the scope, or else the runs that start with an enumeration
// word (一是, 二是 …), or else the whole section body.
//
//   scope: section:shortcomings
//   enumeration: '[一二三四五六七八九十]+是'   where an item starts inside running text
//   any: [...]                               what every item must mention
//   message: ...                             no item mentions it (rule severity)
//   partial_message: ... {items} {count} {total} ...   only some do
//   partial_severity: warning

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kLabelLength = 14;  // code points of an enumeration item shown in messages

struct ItemSpan {
  Span whole;  // the item's text
  Span label;  // what the finding points at (the heading or the enumeration word)
  std::string name;
};

class EveryItem final : public Check {
 public:
  EveryItem(RuleCommon common, std::string language, std::optional<PatternId> enumeration,
            std::vector<PatternId> any, MessageTemplate message,
            std::optional<MessageTemplate> partial, Severity partial_severity)
      : Check(std::move(common)),
        language_(std::move(language)),
        enumeration_(enumeration),
        any_(std::move(any)),
        message_(std::move(message)),
        partial_(std::move(partial)),
        partial_severity_(partial_severity) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const Scope& scope = common().scope;
    struct Body {
      Span text;   // to split into items
      Span point;  // where a finding about the whole goes
      std::optional<std::uint32_t> section;
    };
    std::vector<Body> bodies;
    if (scope.kind == ScopeKind::part) {
      const PartLocation* where = ctx.part(scope.part);
      if (!where) return;
      for (std::uint32_t index : where->sections)
        bodies.push_back({ctx.body_of(index), ctx.heading_span(index), index});
      if (where->sections.empty()) {  // content without a heading of its own
        for (Span r : where->regions) bodies.push_back({r, where->found, std::nullopt});
      }
    } else {
      for (Span r : ctx.regions(scope)) bodies.push_back({r, {r.begin, r.begin}, std::nullopt});
    }
    for (const Body& body : bodies) {
      Span collective{};  // text that speaks for all items: a 原因分析 sub-section, a closing
                          // paragraph
      std::vector<ItemSpan> items = split(ctx, body.text, body.section, collective);
      if (mentions(ctx, collective)) continue;
      std::vector<const ItemSpan*> without;
      for (const ItemSpan& item : items) {
        if (!mentions(ctx, item.whole)) without.push_back(&item);
      }
      if (without.empty()) continue;
      if (without.size() == items.size() || !partial_) {
        sink.add(*this, body.point,
                 message_.format({{"items", names(without)},
                                  {"count", std::to_string(without.size())},
                                  {"total", std::to_string(items.size())}}));
      } else {
        sink.add(*this, without.front()->label,
                 partial_->format({{"items", names(without)},
                                   {"count", std::to_string(without.size())},
                                   {"total", std::to_string(items.size())}}),
                 std::nullopt, partial_severity_);
      }
    }
  }

 private:
  std::string names(const std::vector<const ItemSpan*>& items) const {
    std::vector<std::string> words;
    for (const ItemSpan* item : items) words.push_back(item->name);
    return join_words(language_, words, Joiner::quoted_items);
  }

  // The first code points of an item, to name it in messages. The line break and indentation
  // before the next item are not more text: they get no ellipsis.
  static std::string label(std::string_view text) {
    text.remove_suffix(utf8::trailing_space_bytes(text));
    std::size_t cut = 0;
    for (std::size_t n = 0; n < kLabelLength && cut < text.size() && text[cut] != '\n'; ++n)
      utf8::next(text, cut);
    std::string name(text.substr(0, cut));
    if (cut < text.size()) name += utf8::encode(cjk::kEllipsis);
    return name;
  }

  bool mentions(const CheckContext& ctx, Span span) const {
    if (span.empty()) return false;
    for (PatternId id : any_) {
      if (ctx.matches.any_within(id, span)) return true;
    }
    return false;
  }

  // The items of a body. `collective` receives what speaks for all items at once: the heading of a
  // sub-section such as （二）原因分析, or the paragraphs after the last enumerated item.
  std::vector<ItemSpan> split(const CheckContext& ctx, Span body,
                              std::optional<std::uint32_t> section, Span& collective) const {
    const Document& doc = ctx.doc;
    std::vector<ItemSpan> items;
    if (section && !doc.sections[*section].children.empty()) {
      for (std::uint32_t child : doc.sections[*section].children) {
        const Section& c = doc.sections[child];
        Span heading{c.marker.span.begin, c.heading.end};
        if (mentions(ctx, heading)) collective = heading;
        items.push_back({c.extent, heading, ctx.heading_label(child)});
      }
      return items;
    }
    std::vector<Match> starts;
    if (enumeration_) {
      for (const Match& m : ctx.matches.starting_in(*enumeration_, body)) {
        if (m.end <= body.end && ctx.at_clause_start(m.begin)) starts.push_back(m);
      }
    }
    if (starts.empty()) {
      std::string_view text = doc.str(body);
      std::uint32_t lead = static_cast<std::uint32_t>(utf8::leading_space_bytes(text));
      if (lead < body.size()) {
        items.push_back({body, {body.begin + lead, body.begin + lead}, label(text.substr(lead))});
      }
      return items;
    }
    // The last item ends with its paragraph; paragraphs after it (究其原因，……) speak for all.
    std::uint32_t last_end = doc.paragraphs[doc.paragraph_at(starts.back().begin)].span.end;
    if (last_end < body.end) collective = {last_end, body.end};
    for (std::size_t k = 0; k < starts.size(); ++k) {
      std::uint32_t end =
          k + 1 < starts.size() ? starts[k + 1].begin : std::min(last_end, body.end);
      Span whole{starts[k].begin, end};
      items.push_back({whole, {starts[k].begin, starts[k].end}, label(doc.str(whole))});
    }
    return items;
  }

  std::string language_;
  std::optional<PatternId> enumeration_;
  std::vector<PatternId> any_;
  MessageTemplate message_;
  std::optional<MessageTemplate> partial_;
  Severity partial_severity_;
};

}  // namespace

std::unique_ptr<Check> make_every_item(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  std::optional<PatternId> enumeration;
  if (auto text = f.string("enumeration"))
    enumeration = ctx.pattern(f, *text, f.pos("enumeration"));
  auto any = ctx.patterns(f, "any", true);
  auto message = ctx.message(f, "message", {"items", "count", "total"});
  auto partial = ctx.message(f, "partial_message", {"items", "count", "total"}, false);
  Severity partial_severity = severity_field(f, "partial_severity").value_or(Severity::warning);
  if (!message || any.empty()) return nullptr;
  return std::make_unique<EveryItem>(spec.common, ctx.language(), enumeration, std::move(any),
                                     std::move(*message), std::move(partial), partial_severity);
}

}  // namespace fzcheck::detail
