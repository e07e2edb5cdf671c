// kind: pattern — text that must not appear, with an optional certain replacement.
//
//   scope: text
//   terms: [法制教育, {find: 法制副校长, replace: 法治副校长, message: ...}]   literals
//   patterns: ['近\d+(\.\d+)?[十百千万亿]*余', {match: '截止(\d)', replace: '截至\1'}]   RE2
//   except: [法制审核, 学法制度]    a match that overlaps one of these does not count
//   {find: 《信访条例》, from_year: 2022}   an entry that counts only in a report about that year
//                                          or later (a document superseded in that year)
//   {match: '期限为(\d{4})年', title_year_group: 1}   group 1 is a year: the match counts only
//                                          where the title names another year ({year},
//                                          {title_year})
//   message: ... {match} ... {replacement} ...
//   once: true       only the first match is reported: that the text is there at all is the
//                    defect (markers of an old template), not each place
// Where matches overlap, the earliest and then the longest is reported.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "model/parse.hpp"

namespace fzcheck::detail {

namespace {

struct Entry {
  PatternId id = 0;
  bool regex = false;
  std::optional<int> from_year;  // only in reports about this year or later
  int title_year_group = 0;      // > 0: this group is a year, a match only when not the title's
  std::optional<std::string> replace;
  std::optional<MessageTemplate> message;
};

class PatternCheck final : public Check {
 public:
  PatternCheck(RuleCommon common, const PatternSet& set, std::vector<Entry> entries,
               std::vector<PatternId> except, MessageTemplate message, bool once)
      : Check(std::move(common)),
        set_(set),
        entries_(std::move(entries)),
        except_(std::move(except)),
        message_(std::move(message)),
        once_(once) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Span> regions = ctx.regions(common().scope);
    struct Candidate {
      Match m;
      std::size_t entry;
    };
    std::vector<Candidate> found;
    const std::optional<int>& year = ctx.facts.year.report;
    const std::optional<int>& title_year = ctx.facts.year.title;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      if (entries_[e].from_year && (!year || *year < *entries_[e].from_year)) continue;
      if (entries_[e].title_year_group && !title_year) continue;
      ctx.for_each_in(entries_[e].id, regions, [&](const Match& m) {
        if (m.end <= m.begin) return;
        if (entries_[e].title_year_group &&
            group_year(entries_[e], ctx.doc.str({m.begin, m.end})) == title_year)
          return;
        found.push_back({m, e});
      });
    }
    if (found.empty()) return;
    // Earliest, then longest; of two entries with the same match, the one listed first.
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
      if (a.m.begin != b.m.begin) return a.m.begin < b.m.begin;
      if (a.m.end != b.m.end) return a.m.end > b.m.end;
      return a.entry < b.entry;
    });
    std::vector<Match> exceptions;
    std::uint32_t longest_exception = 0;
    for (PatternId id : except_) {
      for (const Match& m : ctx.matches.all(id)) {
        exceptions.push_back(m);
        longest_exception = std::max(longest_exception, m.end - m.begin);
      }
    }
    std::sort(exceptions.begin(), exceptions.end(),
              [](const Match& a, const Match& b) { return a.begin < b.begin; });
    auto excepted = [&](const Match& m) {
      auto it = std::lower_bound(exceptions.begin(), exceptions.end(), m.end,
                                 [](const Match& x, std::uint32_t end) { return x.begin < end; });
      while (it != exceptions.begin()) {
        --it;
        if (it->end > m.begin) return true;
        if (it->begin + longest_exception < m.begin) break;
      }
      return false;
    };
    std::uint32_t covered_until = 0;
    for (const Candidate& c : found) {
      if (c.m.begin < covered_until || excepted(c.m)) continue;
      covered_until = c.m.end;
      const Entry& entry = entries_[c.entry];
      Span span{c.m.begin, c.m.end};
      // A match anchored at a paragraph start may begin with a converter tag: leave the tag out of
      // what is reported (when there is no replacement to compute from the whole match).
      if (!entry.replace)
        span.begin = skip_ignorable(ctx.doc.text, span.begin, span.end, ctx.doc.artefacts);
      std::string match(ctx.doc.str(span));
      std::optional<std::string> replacement = replacement_for(entry, match);
      const MessageTemplate& message = entry.message ? *entry.message : message_;
      std::string group_year_text, title_year_text;
      if (entry.title_year_group) {
        if (auto y = group_year(entry, match)) group_year_text = std::to_string(*y);
        title_year_text = std::to_string(*title_year);
      }
      sink.add(*this, span,
               message.format({{"match", match},
                               {"replacement", replacement.value_or("")},
                               {"year", group_year_text},
                               {"title_year", title_year_text}}),
               replacement);
      if (once_) return;
    }
  }

 private:
  // The year that group `title_year_group` of the entry's regex captures in `match`.
  std::optional<int> group_year(const Entry& entry, std::string_view match) const {
    const RE2* re = set_.regex(entry.id);
    const int groups = entry.title_year_group + 1;
    if (re == nullptr || re->NumberOfCapturingGroups() < entry.title_year_group)
      return std::nullopt;
    std::vector<re2::StringPiece> parts(static_cast<std::size_t>(groups));
    if (!re->Match(match, 0, match.size(), RE2::ANCHOR_BOTH, parts.data(), groups))
      return std::nullopt;
    int y = 0;
    const re2::StringPiece& text = parts.back();
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), y);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return y;
  }

  std::optional<std::string> replacement_for(const Entry& entry, const std::string& match) const {
    if (!entry.replace) return std::nullopt;
    if (!entry.regex) return entry.replace;
    const RE2* re = set_.regex(entry.id);
    int groups = re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> parts(static_cast<std::size_t>(groups));
    if (!re->Match(match, 0, match.size(), RE2::ANCHOR_BOTH, parts.data(), groups))
      return std::nullopt;
    std::string out;
    if (!re->Rewrite(&out, *entry.replace, parts.data(), groups)) return std::nullopt;
    return out;
  }

  const PatternSet& set_;
  std::vector<Entry> entries_;
  std::vector<PatternId> except_;
  MessageTemplate message_;
  bool once_ = false;
};

}  // namespace

std::unique_ptr<Check> make_pattern(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  const std::set<std::string> provided = {"match", "replacement"};
  // The scan looks for the rule's regexes only where the rule reads them, when that is the title
  // or the signature (a title rule's regexes ran on every paragraph).
  const Where where = spec.common.scope.kind == ScopeKind::title       ? Where::title
                      : spec.common.scope.kind == ScopeKind::signature ? Where::signature
                                                                       : Where::everywhere;
  // {year} and {title_year} exist only where an entry reads a year (title_year_group).
  const std::set<std::string> with_year = {"match", "replacement", "year", "title_year"};
  bool any_year = false;
  std::vector<Entry> entries;
  bool without_replacement = false;
  auto read_entries = [&](const std::string& key, bool literal) {
    const std::string value_key = literal ? "find" : "match";
    for (Item& item : f.list(key)) {
      Entry e;
      std::string text;
      Position pos = item.pos;
      if (item.fields) {
        text = item.fields->string(value_key, true).value_or("");
        pos = item.fields->pos(value_key);
        e.replace = item.fields->string("replace");
        if (auto y = item.fields->integer("from_year", 1949, 2999))
          e.from_year = static_cast<int>(*y);
        if (!literal) {
          if (auto g = item.fields->integer("title_year_group", 1, 9))
            e.title_year_group = static_cast<int>(*g);
        }
        e.message =
            ctx.message(*item.fields, "message", e.title_year_group ? with_year : provided, false);
        any_year = any_year || e.title_year_group;
      } else {
        text = item.scalar;
      }
      if (text.empty()) {
        if (!item.fields) f.error_at(pos, fmt::format("an item of '{}' must not be empty", key));
        continue;
      }
      std::optional<PatternId> id;
      if (literal) {
        if (ctx.count_pattern(f, pos)) id = ctx.pattern_set().add_literal(text);
      } else {
        id = ctx.pattern(f, text, pos, where);
        e.regex = id && ctx.pattern_set().is_regex(*id);
      }
      if (!id) continue;
      e.id = *id;
      if (e.title_year_group &&
          (!e.regex || ctx.pattern_set().capturing_groups(*id) < e.title_year_group)) {
        f.error_at(
            item.fields->pos("title_year_group"),
            fmt::format("the pattern has no group {} to read a year from", e.title_year_group));
      }
      if (e.regex && e.replace) {
        if (auto error = ctx.pattern_set().rewrite_error(*id, *e.replace)) {
          f.error_at(item.fields->pos("replace"),
                     fmt::format("bad replacement '{}': {}", *e.replace, *error));
        }
      }
      without_replacement = without_replacement || (!e.replace && !e.message);
      entries.push_back(std::move(e));
    }
  };
  read_entries("terms", true);
  read_entries("patterns", false);
  if (!f.has("terms") && !f.has("patterns"))
    f.error_at(f.pos(), "a pattern rule needs 'terms' or 'patterns'");
  auto except = ctx.patterns(f, "except", false, where);
  auto message = ctx.message(f, "message", any_year ? with_year : provided);
  if (message && message->uses("replacement") && without_replacement) {
    ctx.message_fields(f, "message")
        .error("message",
               "the message uses {replacement} but some terms or patterns have no 'replace'");
  }
  bool once = f.boolean("once").value_or(false);
  if (!message || entries.empty()) return nullptr;
  return std::make_unique<PatternCheck>(spec.common, ctx.pattern_set(), std::move(entries),
                                        std::move(except), std::move(*message), once);
}

}  // namespace fzcheck::detail
