// kind: previous-report — this year's report beside last year's report of the same organ
// (CheckOptions::previous: `fzcheck check --previous FILE`, or paired in a folder). Says nothing
// when there is none. Last year's report has the same facts as this one (parts, year), found as
// for a document of this one's type. `compare` says what is compared:
//
//   compare: passages        passages of this year's report that last year's report has too
//     scope: body              where, in both reports (default body)
//     min_length: 50           code points, whitespace not counted
//     skip_tables: true        table rows are not compared (default true)
//     ignore_years: true       the digits of years compare equal: 2022年 = 2023年 (default true)
//     ignore_numbers: false    every Arabic digit compares equal: 12件 = 15件 (default false)
//     message: ... {length} {previous} {previous_line} {previous_part} {part} ...
//
//   compare: near-copy       a part (or the whole text) nearly the same as last year's
//     scope: section:<part>    what is compared, in both reports (default body)
//     min_similarity: 60       percent: character n-grams the two share / all of them (Jaccard),
//                              after removing whitespace, digits and the digits of years
//     ngram: 5                 characters per n-gram (default 5)
//     min_length: 50           texts shorter than this (in either report) are not compared
//     skip_tables: true        (default true)
//     message: ... {similarity} {previous} {previous_line} {part} ...
//
//   compare: plan-items      last year's plan, item by item, looked for in this year's report
//     plan: section:<part>     where last year's report has its plan (required)
//     scope: section:<part>    where this year's report says what was done (default body)
//     enumeration: '[一二三四五六七八九十]+是'   items inside running text (optional)
//     ignore: [进一步, 加强]   words that say nothing about which work is meant (literals)
//     min_shared: 50           percent of an item's pairs of adjacent Han characters that one
//                              paragraph of the scope must have for the item to count as found
//     item: '“{item}”（第{line}行）'   one item in lists: {item}, {line} (last year's report),
//                              {found_line} (this year's, for found items); default: quoted
//     message: ... {missing} {count} {total} {reflected} {reflected_items} {previous} ...
//     reflected_message: ... {total} {reflected_items} {previous} ...   every item found
//                              (optional: without it, nothing is said then)
//
//   compare: same-tables     every number in this year's tables is last year's, in the same places
//     min_numbers: 10          fewer number cells (in either report): not compared
//     message: ... {count} {tables} {previous} ...   {count}: number cells, {tables}: tables
//   (Tables whose numbers are all 0 two years running are not reported: an organ that had no
//   such business both years writes the same zeros honestly.)
//
// Items of a plan: the sub-sections of the plan's sections; else the runs starting with the
// enumeration; else its paragraphs (one ending with a colon introduces the others and is none).
// An item is known by its heading, or its first sentence; one with fewer than three pairs of Han
// characters left after `ignore` is not judged. One finding says which items were not found.
#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "checks/passages.hpp"
#include "model/locator.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::size_t kMaxFindings = 100;  // copied passages per document
constexpr std::size_t kLabelLength = 16;   // code points of an item shown in messages
constexpr std::size_t kMinPairs = 3;       // fewer Han pairs: an item too short to judge

enum class Compare { passages, near_copy, plan_items, same_tables };

struct Settings {
  Compare compare = Compare::passages;
  std::size_t min_length = 50;
  bool skip_tables = true;
  bool ignore_years = true;
  bool ignore_numbers = false;
  std::size_t min_similarity = 60;
  std::size_t ngram = 5;
  std::optional<Scope> plan;
  std::optional<PatternId> enumeration;
  std::vector<std::string> ignore;
  std::size_t min_shared = 50;
  std::size_t min_numbers = 10;
  std::string language;
  MessageTemplate message;
  std::optional<MessageTemplate> reflected_message;
  std::optional<MessageTemplate> item;
};

// Pairs of adjacent Han characters, as one number each.
using Pairs = std::unordered_set<std::uint64_t>;

// A plan item of last year's report.
struct PlanItem {
  std::string key;    // its heading or first sentence: what is looked for
  std::string label;  // how messages name it
  std::uint32_t line = 0;
};

// The first sentence of `text` (up to 。！？；), without leading whitespace.
std::string_view first_sentence(std::string_view text) {
  text.remove_prefix(utf8::leading_space_bytes(text));
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = utf8::next(text, i);
    if (c == '\n' || cjk::is_sentence_end(c) || c == 0xFF1B) return text.substr(0, at);
  }
  return text;
}

std::string label_of(std::string_view text) {
  text = utf8::trim(text);
  std::size_t cut = 0;
  for (std::size_t n = 0; n < kLabelLength && cut < text.size() && text[cut] != '\n'; ++n)
    utf8::next(text, cut);
  std::string out(text.substr(0, cut));
  if (cut < text.size()) out += utf8::encode(cjk::kEllipsis);
  return out;
}

class PreviousReport final : public Check {
 public:
  PreviousReport(RuleCommon common, Settings settings)
      : Check(std::move(common)), s_(std::move(settings)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const CheckContext* last = ctx.previous();
    if (!last) return;
    switch (s_.compare) {
      case Compare::passages:
        return passages(ctx, *last, sink);
      case Compare::near_copy:
        return near_copy(ctx, *last, sink);
      case Compare::plan_items:
        return plan_items(ctx, *last, sink);
      case Compare::same_tables:
        return same_tables(ctx, *last, sink);
    }
  }

 private:
  // The name of the scope in messages: a part's name, else the scope as written.
  std::string scope_name(const CheckContext& ctx) const {
    const Scope& scope = common().scope;
    return scope.kind == ScopeKind::part ? ctx.part_name(scope.part) : scope.spelled;
  }

  // Where a finding about the scope as a whole goes: a part's heading (or the words that
  // recognised it), else the start of the document.
  static Span scope_point(const CheckContext& ctx, const Scope& scope) {
    if (scope.kind == ScopeKind::part) {
      if (const PartLocation* where = ctx.part(scope.part)) return where->found;
    }
    return ctx.document_start();
  }

  std::vector<TextUnit> units(const CheckContext& ctx, const std::vector<Span>& regions,
                              bool fold_all) const {
    UnitOptions options;
    options.regions = &regions;
    options.skip_tables = s_.skip_tables;
    options.fold_years = fold_all || s_.ignore_years;
    options.fold_numbers = fold_all || s_.ignore_numbers;
    return report_units(ctx, options);
  }

  // --- passages ---------------------------------------------------------------------------

  void passages(const CheckContext& ctx, const CheckContext& last, FindingSink& sink) const {
    const Scope& scope = common().scope;
    const std::vector<Span> last_regions = last.regions(scope);
    const std::vector<Span> regions = ctx.regions(scope);
    if (last_regions.empty() || regions.empty()) return;
    std::vector<TextUnit> before = units(last, last_regions, false);
    std::vector<TextUnit> now = units(ctx, regions, false);
    PassageIndex index(before, s_.min_length);
    index.find(
        now, 0, kMaxFindings, [](std::uint32_t, std::uint32_t) { return true; },
        [&](const CopiedRun& found) {
          const CopiedRun run = whole_paragraphs(ctx.doc, now[found.unit], found);
          const TextUnit& from = before[run.from];
          const TextUnit& unit = now[run.unit];
          std::size_t end = unit.offset(ctx.doc.text, run.pos + run.len - 1);
          utf8::next(ctx.doc.text, end);
          Span span{unit.offset(ctx.doc.text, run.pos), static_cast<std::uint32_t>(end)};
          sink.add(*this, span,
                   s_.message.format(
                       {{"length", std::to_string(run.len)},
                        {"previous", last.doc.name},
                        {"previous_line", std::to_string(line_at(
                                              last.doc, from.offset(last.doc.text, run.from_pos)))},
                        {"previous_part", from.label},
                        {"part", unit.label}}));
        });
  }

  // Two reports that both end a paragraph with 。 and start the next one alike make a copy that
  // starts with that 。; and one that ends with the first marks of the next paragraph (（三）).
  // Such fragments are left out: the copy starts and ends with paragraphs.
  static bool is_clause_end(char32_t c) {
    return cjk::is_sentence_end(c) || c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
           c == U',' || c == U';' || c == U':';  // ，、；： , ; :
  }
  static CopiedRun whole_paragraphs(const Document& doc, const TextUnit& unit, CopiedRun run) {
    auto paragraph = [&](std::size_t k) { return doc.paragraph_at(unit.offset(doc.text, k)); };
    const std::size_t end = run.pos + run.len;
    std::size_t first = run.pos;
    while (first < end && paragraph(first) == paragraph(run.pos)) ++first;
    if (first < end &&
        std::none_of(unit.chars.begin() + static_cast<std::ptrdiff_t>(run.pos),
                     unit.chars.begin() + static_cast<std::ptrdiff_t>(first), [](char32_t c) {
                       return utf8::is_han(c) || c == U'0' || cjk::arabic_digit(c) >= 0;
                     })) {
      run.from_pos += first - run.pos;
      run.len -= first - run.pos;
      run.pos = first;
    }
    // Nor does a copy start with the punctuation that ends a sentence or clause before it.
    while (run.len > 1 && is_clause_end(unit.chars[run.pos])) {
      ++run.pos;
      ++run.from_pos;
      --run.len;
    }
    std::size_t last = run.pos + run.len - 1;  // the start of the last paragraph of the copy
    while (last > run.pos && paragraph(last - 1) == paragraph(run.pos + run.len - 1)) --last;
    constexpr std::size_t kFragment = 3;  // （三: the marker of a paragraph, not its text
    if (last > run.pos && run.pos + run.len - last <= kFragment) run.len = last - run.pos;
    return run;
  }

  // --- near-copy --------------------------------------------------------------------------

  // The characters of a scope without whitespace, digits and the digits of years.
  std::u32string plain_text(const CheckContext& ctx, const std::vector<Span>& regions) const {
    std::u32string out;
    for (const TextUnit& u : units(ctx, regions, true)) {
      for (char32_t c : u.chars) {
        if (c != U'0') out.push_back(c);
      }
    }
    return out;
  }

  std::vector<std::uint64_t> ngrams(const std::u32string& text) const {
    std::vector<std::uint64_t> out;
    const std::size_t n = s_.ngram;
    if (text.size() < n) return out;
    for (std::size_t i = 0; i + n <= text.size(); ++i) {
      std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the code points
      for (std::size_t k = 0; k < n; ++k) {
        h ^= text[i + k];
        h *= 1099511628211ULL;
      }
      out.push_back(h);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void near_copy(const CheckContext& ctx, const CheckContext& last, FindingSink& sink) const {
    const Scope& scope = common().scope;
    const std::vector<Span> last_regions = last.regions(scope);
    const std::vector<Span> regions = ctx.regions(scope);
    if (last_regions.empty() || regions.empty()) return;
    const std::u32string a = plain_text(last, last_regions);
    const std::u32string b = plain_text(ctx, regions);
    if (a.size() < s_.min_length || b.size() < s_.min_length) return;
    const std::vector<std::uint64_t> x = ngrams(a);
    const std::vector<std::uint64_t> y = ngrams(b);
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
      if (x[i] == y[j]) {
        ++shared;
        ++i;
        ++j;
      } else if (x[i] < y[j]) {
        ++i;
      } else {
        ++j;
      }
    }
    const std::size_t all = x.size() + y.size() - shared;
    if (all == 0) return;
    const std::size_t percent = shared * 100 / all;  // rounded down: 59.9% is not 60%
    if (percent < s_.min_similarity) return;
    const Span point = scope_point(ctx, scope);
    const Span last_point = scope_point(last, scope);
    sink.add(
        *this, point,
        s_.message.format({{"similarity", std::to_string(percent)},
                           {"previous", last.doc.name},
                           {"previous_line", std::to_string(line_at(last.doc, last_point.begin))},
                           {"part", scope_name(ctx)}}));
  }

  // --- plan-items -------------------------------------------------------------------------

  // The pairs of adjacent Han characters of `text`, with the `ignore` words taken out.
  Pairs pairs_of(std::string_view text) const {
    Pairs out;
    char32_t prev = 0;
    std::size_t i = 0;
    while (i < text.size()) {
      auto word = std::find_if(s_.ignore.begin(), s_.ignore.end(),
                               [&](const std::string& w) { return text.substr(i).starts_with(w); });
      if (word != s_.ignore.end()) {  // a word left out breaks the pairs
        i += word->size();
        prev = 0;
        continue;
      }
      char32_t c = utf8::next(text, i);
      if (!utf8::is_han(c)) {
        prev = 0;
        continue;
      }
      if (prev) out.insert((static_cast<std::uint64_t>(prev) << 32) | c);
      prev = c;
    }
    return out;
  }

  // An item of last year's plan from its text (`whole`), unless it is an introduction.
  void add_item(const CheckContext& last, Span whole, std::string_view heading,
                std::vector<PlanItem>& items) const {
    std::string_view text = last.doc.str(whole);
    std::string_view key = heading;
    if (pairs_of(key).size() < kMinPairs) key = first_sentence(text);
    items.push_back({std::string(key), label_of(key), line_at(last.doc, whole.begin)});
  }

  // The items of last year's plan in the text `body` (no sub-sections): enumerated runs, else
  // paragraphs.
  void split(const CheckContext& last, Span body, std::vector<PlanItem>& items) const {
    const Document& doc = last.doc;
    std::vector<Match> starts;
    if (s_.enumeration) {
      for (const Match& m : last.matches.starting_in(*s_.enumeration, body)) {
        if (m.end <= body.end && last.at_clause_start(m.begin)) starts.push_back(m);
      }
    }
    if (starts.size() >= 2) {
      std::uint32_t last_end = doc.paragraphs[doc.paragraph_at(starts.back().begin)].span.end;
      for (std::size_t k = 0; k < starts.size(); ++k) {
        std::uint32_t end =
            k + 1 < starts.size() ? starts[k + 1].begin : std::min(last_end, body.end);
        add_item(last, {starts[k].begin, end}, {}, items);
      }
      return;
    }
    if (body.empty()) return;
    // Numbered headings in the text (a plan found by its words, with its items under it) are the
    // items, and the paragraphs between them their text; else each paragraph is an item.
    std::vector<PlanItem> headed;
    std::vector<std::uint32_t> levels;  // of the headed items: only the highest level counts
    std::vector<PlanItem> paragraphs;
    for (std::uint32_t p = doc.paragraph_at(body.begin); p < doc.paragraphs.size(); ++p) {
      const Paragraph& para = doc.paragraphs[p];
      if (para.span.begin >= body.end) break;
      Span s{std::max(para.span.begin, body.begin), std::min(para.span.end, body.end)};
      std::string_view text = utf8::trim(doc.str(s));
      if (text.empty() || para.role == ParagraphRole::table) continue;
      if (para.role == ParagraphRole::heading) {
        auto section = std::find_if(doc.sections.begin(), doc.sections.end(),
                                    [&](const Section& x) { return x.paragraph == p; });
        if (section != doc.sections.end()) {
          add_item(last, s, doc.str(section->heading), headed);
          levels.push_back(section->level);
        }
        continue;
      }
      std::size_t end = text.size();
      char32_t c = utf8::prev(text, end);
      if (c == 0xFF1A || c == ':') continue;  // ：an introduction of the items after it
      add_item(last, s, {}, paragraphs);
    }
    if (headed.empty()) {
      items.insert(items.end(), paragraphs.begin(), paragraphs.end());
      return;
    }
    const std::uint32_t top = *std::min_element(levels.begin(), levels.end());
    for (std::size_t k = 0; k < headed.size(); ++k) {
      if (levels[k] == top) items.push_back(std::move(headed[k]));
    }
  }

  std::vector<PlanItem> plan(const CheckContext& last) const {
    std::vector<PlanItem> items;
    const PartLocation* where = last.part(s_.plan->part);
    if (!where) return items;
    const Document& doc = last.doc;
    for (std::uint32_t index : where->sections) {
      const Section& section = doc.sections[index];
      if (section.children.empty()) {
        split(last, last.body_of(index), items);
        continue;
      }
      for (std::uint32_t child : section.children) {
        const Section& c = doc.sections[child];
        add_item(last, c.extent, doc.str(c.heading), items);
      }
    }
    if (where->sections.empty()) {
      for (Span r : where->regions) split(last, r, items);
    }
    std::erase_if(items,
                  [&](const PlanItem& item) { return pairs_of(item.key).size() < kMinPairs; });
    return items;
  }

  std::string list(const std::vector<const PlanItem*>& items,
                   const std::vector<std::uint32_t>& found_lines) const {
    std::vector<std::string> words;
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (!s_.item) {
        words.push_back(items[k]->label);
        continue;
      }
      words.push_back(s_.item->format(
          {{"item", items[k]->label},
           {"line", std::to_string(items[k]->line)},
           {"found_line", found_lines.empty() ? std::string() : std::to_string(found_lines[k])}}));
    }
    return join_words(s_.language, words, s_.item ? Joiner::list : Joiner::quoted_items);
  }

  void plan_items(const CheckContext& ctx, const CheckContext& last, FindingSink& sink) const {
    const Scope& scope = common().scope;
    const std::vector<Span> regions = ctx.regions(scope);
    if (regions.empty()) return;
    const std::vector<PlanItem> items = plan(last);
    if (items.empty()) return;
    // This year's paragraphs in the scope, headings included.
    struct Passage {
      Pairs pairs;
      std::uint32_t line;
    };
    std::vector<Passage> paragraphs;
    for (Span r : regions) {
      for (std::uint32_t p = ctx.doc.paragraph_at(r.begin); p < ctx.doc.paragraphs.size(); ++p) {
        Span s = ctx.doc.paragraphs[p].span;
        if (s.begin >= r.end) break;
        s = {std::max(s.begin, r.begin), std::min(s.end, r.end)};
        Pairs pairs = pairs_of(ctx.doc.str(s));
        if (!pairs.empty()) paragraphs.push_back({std::move(pairs), line_at(ctx.doc, s.begin)});
      }
    }
    std::vector<const PlanItem*> missing, found;
    std::vector<std::uint32_t> found_lines;
    for (const PlanItem& item : items) {
      const Pairs key = pairs_of(item.key);
      std::size_t best = 0;
      std::uint32_t best_line = 0;
      for (const Passage& p : paragraphs) {
        std::size_t shared = 0;
        for (std::uint64_t pair : key) shared += p.pairs.count(pair);
        if (shared > best) {
          best = shared;
          best_line = p.line;
        }
      }
      if (best * 100 >= s_.min_shared * key.size()) {
        found.push_back(&item);
        found_lines.push_back(best_line);
      } else {
        missing.push_back(&item);
      }
    }
    const Span point = scope_point(ctx, scope);
    const std::string reflected_items = list(found, found_lines);
    if (missing.empty()) {
      if (s_.reflected_message)
        sink.add(*this, point,
                 s_.reflected_message->format({{"total", std::to_string(items.size())},
                                               {"reflected_items", reflected_items},
                                               {"previous", last.doc.name}}));
      return;
    }
    sink.add(*this, point,
             s_.message.format({{"missing", list(missing, {})},
                                {"count", std::to_string(missing.size())},
                                {"total", std::to_string(items.size())},
                                {"reflected", std::to_string(found.size())},
                                {"reflected_items", reflected_items},
                                {"previous", last.doc.name}}));
  }

  // The number cells of every table of `doc`, in order.
  static std::vector<const TableCell*> number_cells(const Document& doc) {
    std::vector<const TableCell*> out;
    for (const Table& t : doc.tables) {
      for (const TableRow& row : t.rows) {
        for (const TableCell& cell : row.cells) {
          if (cell.number) out.push_back(&cell);
        }
      }
    }
    return out;
  }

  void same_tables(const CheckContext& ctx, const CheckContext& last, FindingSink& sink) const {
    const std::vector<const TableCell*> now = number_cells(ctx.doc);
    const std::vector<const TableCell*> before = number_cells(last.doc);
    if (now.size() < s_.min_numbers || now.size() != before.size()) return;
    bool any_nonzero = false;
    for (std::size_t i = 0; i < now.size(); ++i) {
      if (*now[i]->number != *before[i]->number) return;
      any_nonzero = any_nonzero || *now[i]->number != 0;
    }
    if (!any_nonzero) return;
    sink.add(*this, now.front()->span,
             s_.message.format({{"count", std::to_string(now.size())},
                                {"tables", std::to_string(ctx.doc.tables.size())},
                                {"previous", last.doc.name}}));
  }

  Settings s_;
};

}  // namespace

std::unique_ptr<Check> make_previous_report(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  Settings s;
  s.language = ctx.language();
  const std::string compare = f.string("compare", true).value_or("");
  if (compare == "passages") {
    s.compare = Compare::passages;
  } else if (compare == "near-copy") {
    s.compare = Compare::near_copy;
  } else if (compare == "plan-items") {
    s.compare = Compare::plan_items;
  } else if (compare == "same-tables") {
    s.compare = Compare::same_tables;
  } else {
    if (!compare.empty())
      f.error("compare", fmt::format("'compare' must be passages, near-copy, plan-items or "
                                     "same-tables, not '{}'",
                                     compare));
    return nullptr;
  }
  std::optional<MessageTemplate> message;
  switch (s.compare) {
    case Compare::passages:
      s.min_length = static_cast<std::size_t>(f.integer("min_length", 10, 10000).value_or(50));
      s.skip_tables = f.boolean("skip_tables").value_or(true);
      s.ignore_years = f.boolean("ignore_years").value_or(true);
      s.ignore_numbers = f.boolean("ignore_numbers").value_or(false);
      message = ctx.message(f, "message",
                            {"length", "previous", "previous_line", "previous_part", "part"});
      break;
    case Compare::near_copy:
      s.min_similarity = static_cast<std::size_t>(f.integer("min_similarity", 1, 100).value_or(60));
      s.ngram = static_cast<std::size_t>(f.integer("ngram", 1, 20).value_or(5));
      s.min_length = static_cast<std::size_t>(f.integer("min_length", 1, 100000).value_or(50));
      s.skip_tables = f.boolean("skip_tables").value_or(true);
      message = ctx.message(f, "message", {"similarity", "previous", "previous_line", "part"});
      break;
    case Compare::plan_items: {
      if (!f.has("plan")) {
        f.error("compare",
                "'compare: plan-items' needs 'plan: section:<part>', where last year's "
                "report has its plan");
      } else {
        s.plan = ctx.scope(f, "plan", "");
        if (s.plan && s.plan->kind != ScopeKind::part) {
          f.error("plan", "'plan' is a part: section:<part>");
          s.plan.reset();
        }
      }
      if (auto text = f.string("enumeration"))
        s.enumeration = ctx.pattern(f, *text, f.pos("enumeration"));
      s.ignore = f.strings("ignore");
      std::erase_if(s.ignore, [](const std::string& w) { return w.empty(); });
      s.min_shared = static_cast<std::size_t>(f.integer("min_shared", 1, 100).value_or(50));
      s.item = ctx.message(f, "item", {"item", "line", "found_line"}, false);
      message = ctx.message(
          f, "message", {"missing", "count", "total", "reflected", "reflected_items", "previous"});
      s.reflected_message =
          ctx.message(f, "reflected_message", {"total", "reflected_items", "previous"}, false);
      if (!s.plan) return nullptr;
      break;
    }
    case Compare::same_tables:
      s.min_numbers = static_cast<std::size_t>(f.integer("min_numbers", 1, 100000).value_or(10));
      message = ctx.message(f, "message", {"count", "tables", "previous"});
      break;
  }
  if (!message) return nullptr;
  s.message = std::move(*message);
  return std::make_unique<PreviousReport>(spec.common, std::move(s));
}

}  // namespace fzcheck::detail
