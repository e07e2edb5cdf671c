// kind: copied-passage — the same long passage in two different parts of a report (a part copied
// into another). The units compared are the preamble and each level-one section; whitespace is
// ignored. Linear in the document: windows of half the minimum length are indexed at fixed steps,
// every window of later units is looked up, and a match is extended to its full length and skipped.
// Two passages copied from the same place and cut apart by a few changed characters are one.
// Table rows are left out (labels that repeat by design, figures).
//
//   min_length: 50                   code points
//   message: ... {length} {other} {other_line} {unit} ...
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "checks/build_context.hpp"
#include "model/locator.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxFindings = 100;  // per document; a pathological input stays readable
constexpr std::uint64_t kBase = 1000003;
constexpr std::size_t kMaxGap = 8;  // code points changed between two runs of one copied passage

struct Passage {
  std::uint32_t u = 0;  // the unit copied from
  std::size_t pu = 0;   // where in it
  std::size_t qv = 0;   // where in the unit that copies it
  std::size_t len = 0;  // code points, in the copying unit
};

struct Unit {
  std::u32string chars;                // without whitespace
  std::vector<std::uint32_t> offsets;  // byte offset in Document::text of each char, plus the end
  std::string label;
};

class CopiedPassage final : public Check {
 public:
  CopiedPassage(RuleCommon common, std::size_t min_length, MessageTemplate message)
      : Check(std::move(common)),
        min_(min_length),
        window_(std::max<std::size_t>(1, min_length / 2)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Unit> units = collect(ctx);
    if (units.size() < 2) return;
    const std::size_t w = window_;
    std::uint64_t top = 1;  // kBase^(w-1)
    for (std::size_t k = 1; k < w; ++k) top *= kBase;
    // Index windows that start at multiples of w: any common run of ≥ 2w-1 holds one of them whole.
    // A window text is indexed once per unit, so that a lookup in repetitive text (one phrase over
    // and over) meets one place per unit rather than thousands, each extended to its full length.
    std::unordered_multimap<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> index;
    for (std::uint32_t u = 0; u < units.size(); ++u) {
      const auto& c = units[u].chars;
      std::unordered_set<std::uint64_t> seen;
      for (std::size_t p = 0; p + w <= c.size(); p += w) {
        std::uint64_t h = hash(c, p, w);
        if (seen.insert(h).second)
          index.emplace(h, std::make_pair(u, static_cast<std::uint32_t>(p)));
      }
    }
    std::size_t reported = 0;
    for (std::uint32_t v = 1; v < units.size() && reported < kMaxFindings; ++v) {
      const auto& c = units[v].chars;
      if (c.size() < w) continue;
      std::optional<Passage> pending;
      auto flush = [&] {
        if (pending && reported++ < kMaxFindings) report(ctx, sink, units, v, *pending);
        pending.reset();
      };
      std::uint64_t h = hash(c, 0, w);
      std::size_t q = 0;
      std::size_t floor = 0;  // the end of the last passage found: matches start after it
      while (q + w <= c.size()) {
        std::optional<Passage> best;
        auto [lo, hi] = index.equal_range(h);
        for (auto it = lo; it != hi; ++it) {
          auto [u, p] = it->second;
          if (u >= v) continue;
          const auto& a = units[u].chars;
          if (a.compare(p, w, c, q, w) != 0) continue;
          std::size_t back = 0;  // extend both ways
          while (back < p && q - back > floor && a[p - back - 1] == c[q - back - 1]) ++back;
          std::size_t len = back + w;
          while (p - back + len < a.size() && q - back + len < c.size() &&
                 a[p - back + len] == c[q - back + len])
            ++len;
          if (!best || len > best->len) best = Passage{u, p - back, q - back, len};
        }
        if (best && best->len >= min_) {
          const std::size_t pend = pending ? pending->pu + pending->len : 0;
          if (pending && pending->u == best->u && best->pu >= pend && best->pu - pend <= kMaxGap &&
              best->qv - (pending->qv + pending->len) <= kMaxGap) {
            pending->len = best->qv + best->len - pending->qv;  // the same passage, lightly changed
          } else {
            flush();
            pending = best;
          }
          // Go on after the copied passage.
          q = best->qv + best->len;
          floor = q;
          if (q + w > c.size()) break;
          h = hash(c, q, w);
          continue;
        }
        if (q + w >= c.size()) break;
        h = (h - c[q] * top) * kBase + c[q + w];
        ++q;
      }
      flush();
    }
  }

 private:
  void report(const CheckContext& ctx, FindingSink& sink, const std::vector<Unit>& units,
              std::uint32_t v, const Passage& p) const {
    const Unit& other = units[p.u];
    // The passage ends after its last character as written (not after the whitespace that
    // may follow it).
    std::size_t end = units[v].offsets[p.qv + p.len - 1];
    utf8::next(ctx.doc.text, end);
    Span span{units[v].offsets[p.qv], static_cast<std::uint32_t>(end)};
    sink.add(*this, span,
             message_.format({{"length", std::to_string(p.len)},
                              {"other", other.label},
                              {"other_line", std::to_string(line_at(ctx.doc, other.offsets[p.pu]))},
                              {"unit", units[v].label}}));
  }

  static std::uint64_t hash(const std::u32string& c, std::size_t p, std::size_t w) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < w; ++k) h = h * kBase + c[p + k];
    return h;
  }

  static std::string label_of(std::string_view text) {
    std::size_t cut = 0;
    for (int n = 0; n < 14 && cut < text.size() && text[cut] != '\n'; ++n) utf8::next(text, cut);
    std::string out(text.substr(0, cut));
    if (cut < text.size() && text[cut] != '\n') out += utf8::encode(cjk::kEllipsis);
    return out;
  }

  std::vector<Unit> collect(const CheckContext& ctx) const {
    const Document& doc = ctx.doc;
    std::vector<std::pair<Span, std::string>> spans;
    if (!doc.preamble.empty()) {
      Span s{doc.paragraphs[doc.preamble.begin].span.begin,
             doc.paragraphs[doc.preamble.end - 1].span.end};
      spans.emplace_back(s, label_of(utf8::trim(doc.str(s))));
    }
    for (std::uint32_t i = 0; i < doc.sections.size(); ++i) {
      if (doc.sections[i].parent < 0)
        spans.emplace_back(doc.sections[i].extent, ctx.heading_label(i));
    }
    // Table rows are not passages: their labels repeat by design (a template's row and column
    // names), and their figures are no prose.
    std::vector<Span> tables;
    for (const Paragraph& p : doc.paragraphs) {
      if (p.role == ParagraphRole::table) tables.push_back(p.span);
    }
    std::vector<Unit> units;
    for (auto& [span, label] : spans) {
      Unit u;
      u.label = std::move(label);
      std::string_view text = doc.str(span);
      std::size_t i = 0;
      auto table = std::lower_bound(tables.begin(), tables.end(), span.begin,
                                    [](Span t, std::uint32_t at) { return t.end <= at; });
      while (i < text.size()) {
        std::size_t at = i;
        const std::uint32_t offset = span.begin + static_cast<std::uint32_t>(at);
        while (table != tables.end() && table->end <= offset) ++table;
        if (table != tables.end() && table->begin <= offset) {
          i = std::min<std::size_t>(text.size(), table->end - span.begin);
          continue;
        }
        char32_t c = utf8::next(text, i);
        if (utf8::is_space(c)) continue;
        u.chars.push_back(c);
        u.offsets.push_back(span.begin + static_cast<std::uint32_t>(at));
      }
      u.offsets.push_back(span.end);
      units.push_back(std::move(u));
    }
    return units;
  }

  std::size_t min_;
  std::size_t window_;
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
