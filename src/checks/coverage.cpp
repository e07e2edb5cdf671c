// kind: coverage — every concept of a set is mentioned somewhere in a scope.
//
//   scope: body
//   exclude: [section:next-year]      mentions there do not count
//   concepts: [{name: 行政执法公示制度, any: [...]}, ...]
//   all: [三项制度]                     a mention of all the concepts at once
//   message: ... {missing} {count} {total} ...
//   excluded_note: ... {excluded} ...  appended when missing concepts are mentioned only where
//                                      mentions do not count
//   elsewhere: {scope: document, severity: warning, note: ... {elsewhere} {line} ...}
//                                      missing concepts mentioned in this scope, outside the
//                                      rule's own: the note is appended; when every missing
//                                      concept is, the finding has this severity
#include <algorithm>

#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "model/locator.hpp"

namespace fzcheck::detail {

namespace {

struct Concept {
  std::string name;
  std::vector<PatternId> any;
};

// Where a missing concept may be mentioned instead (outside the rule's scope), and what that
// changes: a milder finding, with a note.
struct Elsewhere {
  Scope scope;
  std::optional<Severity> severity;
  std::optional<MessageTemplate> note;
};

class Coverage final : public Check {
 public:
  Coverage(RuleCommon common, std::string language, std::vector<Scope> exclude,
           std::vector<Concept> concepts, std::vector<PatternId> all, MessageTemplate message,
           std::optional<MessageTemplate> excluded_note, std::optional<Elsewhere> elsewhere)
      : Check(std::move(common)),
        language_(std::move(language)),
        exclude_(std::move(exclude)),
        concepts_(std::move(concepts)),
        all_(std::move(all)),
        message_(std::move(message)),
        excluded_note_(std::move(excluded_note)),
        elsewhere_(std::move(elsewhere)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Span> regions = ctx.regions(common().scope);
    if (regions.empty()) return;  // the scope is absent: another rule says so
    std::vector<Span> excluded;
    for (const Scope& s : exclude_) {
      auto r = ctx.regions(s);
      excluded.insert(excluded.end(), r.begin(), r.end());
    }
    // Sorted and merged: inside_any() needs disjoint regions, and two excluded scopes may overlap
    // (a part and the text paragraphs in it).
    std::sort(excluded.begin(), excluded.end(), [](Span a, Span b) { return a.begin < b.begin; });
    std::vector<Span> merged;
    for (Span s : excluded) {
      if (!merged.empty() && s.begin <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, s.end);
      } else {
        merged.push_back(s);
      }
    }
    excluded = std::move(merged);

    // Where a pattern is mentioned: counted (in scope, not excluded) or only excluded.
    struct Seen {
      bool counted = false;
      std::optional<Match> first_excluded;
    };
    auto look = [&](const std::vector<PatternId>& ids) {
      Seen seen;
      for (PatternId id : ids) {
        ctx.for_each_in(id, regions, [&](const Match& m) {
          if (CheckContext::inside_any(m, excluded)) {
            if (!seen.first_excluded || m.begin < seen.first_excluded->begin)
              seen.first_excluded = m;
          } else {
            seen.counted = true;
          }
        });
      }
      return seen;
    };
    Seen all = look(all_);
    if (all.counted) return;
    std::vector<std::string> missing;
    std::vector<std::string> excluded_only;
    std::optional<Match> anchor = all.first_excluded;
    for (const Concept& c : concepts_) {
      Seen seen = look(c.any);
      if (seen.counted) continue;
      missing.push_back(c.name);
      if (seen.first_excluded || all.first_excluded) {
        excluded_only.push_back(c.name);
        if (seen.first_excluded && (!anchor || seen.first_excluded->begin < anchor->begin))
          anchor = seen.first_excluded;
      }
    }
    if (missing.empty()) return;
    std::string message =
        message_.format({{"missing", join_words(language_, missing, Joiner::list)},
                         {"count", std::to_string(missing.size())},
                         {"total", std::to_string(concepts_.size())}});
    if (excluded_note_ && !excluded_only.empty())
      message += excluded_note_->format(
          {{"excluded", join_words(language_, excluded_only, Joiner::list)}});
    std::optional<Severity> severity;
    if (elsewhere_) {
      // The first mention of each missing concept in the other scope, outside this one.
      std::vector<Span> other = ctx.regions(elsewhere_->scope);
      std::vector<std::string> found;
      std::optional<Match> first;
      for (const Concept& c : concepts_) {
        if (std::find(missing.begin(), missing.end(), c.name) == missing.end()) continue;
        std::optional<Match> mention;
        for (PatternId id : c.any) {
          ctx.for_each_in(id, other, [&](const Match& m) {
            if (CheckContext::inside_any(m, regions)) return;
            if (!mention || m.begin < mention->begin) mention = m;
          });
        }
        if (!mention) continue;
        found.push_back(c.name);
        if (!first || mention->begin < first->begin) first = mention;
      }
      if (!found.empty() && elsewhere_->note) {
        message +=
            elsewhere_->note->format({{"elsewhere", join_words(language_, found, Joiner::list)},
                                      {"line", std::to_string(line_at(ctx.doc, first->begin))}});
      }
      if (found.size() == missing.size()) severity = elsewhere_->severity;
    }
    Span at = anchor ? Span{anchor->begin, anchor->end}
                     : Span{regions.front().begin, regions.front().begin};
    sink.add(*this, at, std::move(message), std::nullopt, severity);
  }

 private:
  std::string language_;
  std::vector<Scope> exclude_;
  std::vector<Concept> concepts_;
  std::vector<PatternId> all_;
  MessageTemplate message_;
  std::optional<MessageTemplate> excluded_note_;
  std::optional<Elsewhere> elsewhere_;
};

}  // namespace

std::unique_ptr<Check> make_coverage(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  std::vector<Scope> exclude = ctx.scopes(f, "exclude");
  std::vector<Concept> concepts;
  for (Item& item : f.list("concepts", true)) {
    if (!item.fields) {
      f.error_at(item.pos, "each concept must be a mapping with 'name' and 'any'");
      continue;
    }
    Concept c;
    c.name = item.fields->string("name", true).value_or("");
    c.any = ctx.patterns(*item.fields, "any", true);
    if (!c.name.empty() && !c.any.empty()) concepts.push_back(std::move(c));
  }
  auto all = ctx.patterns(f, "all");
  auto message = ctx.message(f, "message", {"missing", "count", "total"});
  auto excluded_note = ctx.message(f, "excluded_note", {"excluded"}, false);
  if (excluded_note && exclude.empty()) f.error("excluded_note", "'excluded_note' needs 'exclude'");
  std::optional<Elsewhere> elsewhere;
  if (std::shared_ptr<Fields> e = f.map("elsewhere")) {
    auto scope = ctx.scope(*e, "scope", "document");
    Elsewhere w;
    w.severity = severity_field(*e, "severity");
    w.note = ctx.message(*e, "note", {"elsewhere", "line"}, false);
    if (!w.severity && !w.note && !e->has("severity") && !e->has("note"))
      f.error("elsewhere", "'elsewhere' needs 'severity', 'note' or both");
    if (scope) {
      w.scope = *scope;
      elsewhere = std::move(w);
    }
  }
  if (!message || concepts.empty()) return nullptr;
  return std::make_unique<Coverage>(spec.common, ctx.language(), std::move(exclude),
                                    std::move(concepts), std::move(all), std::move(*message),
                                    std::move(excluded_note), std::move(elsewhere));
}

}  // namespace fzcheck::detail
