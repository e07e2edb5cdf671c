// What rule factories use at load time: patterns, scopes and messages, validated.
#include <algorithm>

#include <fmt/format.h>

#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

bool is_regex(std::string_view text) {
  return text.find_first_of(".[](){}*+?|^$\\") != std::string_view::npos;
}

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += "{" + n + "}";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

bool BuildContext::count_pattern(Fields& f, Position pos) {
  if (++rule_patterns_ <= max_patterns_) return true;
  if (rule_patterns_ == max_patterns_ + 1) {
    f.error_at(pos, fmt::format("this rule has more than {} patterns (terms, regular expressions, "
                                "exceptions); split it, or raise the limit with "
                                "--max-patterns-per-rule",
                                max_patterns_));
  }
  return false;
}

std::optional<PatternId> BuildContext::pattern(Fields& f, const std::string& text, Position pos,
                                               Where where) {
  if (text.empty()) {
    f.error_at(pos, "a pattern must not be empty");
    return std::nullopt;
  }
  if (!count_pattern(f, pos)) return std::nullopt;
  if (!is_regex(text)) return patterns_.add_literal(text);
  auto added = patterns_.add_regex(text, where, trusted_);
  if (auto* message = std::get_if<std::string>(&added)) {
    f.error_at(pos, fmt::format("bad regular expression '{}': {}", text, *message));
    return std::nullopt;
  }
  return std::get<PatternId>(added);
}

std::vector<PatternId> BuildContext::patterns(Fields& f, const std::string& key, bool required,
                                              Where where) {
  std::vector<PatternId> ids;
  for (const Item& item : f.scalars(key, required)) {
    if (auto id = pattern(f, item.scalar, item.pos, where)) ids.push_back(*id);
  }
  return ids;
}

namespace {

constexpr std::pair<std::string_view, ScopeKind> kScopeNames[] = {
    {"document", ScopeKind::document}, {"title", ScopeKind::title},
    {"preamble", ScopeKind::preamble}, {"body", ScopeKind::body},
    {"headings", ScopeKind::headings}, {"part-headings", ScopeKind::part_headings},
    {"text", ScopeKind::text},         {"signature", ScopeKind::signature},
    {"date", ScopeKind::date},
};
constexpr std::string_view kPartPrefix = "section:";

std::optional<Scope> parse_scope_name(const std::string& name) {
  Scope scope;
  scope.spelled = name;
  if (name.starts_with(kPartPrefix) && name.size() > kPartPrefix.size()) {
    scope.kind = ScopeKind::part;
    scope.part.part = name.substr(kPartPrefix.size());
    return scope;
  }
  for (const auto& [n, kind] : kScopeNames) {
    if (name == n) {
      scope.kind = kind;
      return scope;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Scope> BuildContext::scope(Fields& f, const std::string& key,
                                         const std::string& fallback) {
  std::string name = f.string(key).value_or(fallback);
  if (auto scope = parse_scope_name(name)) {
    if (scope->kind == ScopeKind::part)
      scope->part = use_part(scope->part.part, f.file(), f.pos(key));
    return scope;
  }
  std::set<std::string> known;
  for (const auto& [n, kind] : kScopeNames) known.emplace(n);
  std::string message = fmt::format(
      "unknown scope '{}': use document, title, preamble, body, headings, part-headings, text, "
      "signature, date or "
      "section:<part>",
      name);
  if (auto guess = did_you_mean(name, known))
    message += fmt::format(" (did you mean '{}'?)", *guess);
  f.error(key, message);
  return std::nullopt;
}

std::vector<Scope> BuildContext::scopes(Fields& f, const std::string& key) {
  std::vector<Scope> out;
  for (const Item& item : f.scalars(key)) {
    const std::string& name = item.scalar;
    if (auto scope = parse_scope_name(name)) {
      if (scope->kind == ScopeKind::part)
        scope->part = use_part(scope->part.part, f.file(), item.pos);
      out.push_back(*scope);
    } else {
      f.error_at(item.pos, fmt::format("unknown scope '{}' in '{}': use document, title, preamble, "
                                       "body, headings, part-headings, text, signature, date or "
                                       "section:<part>",
                                       name, key));
    }
  }
  return out;
}

std::optional<std::string> BuildContext::declare_part(PartDef part) {
  part.id = part_id(part.id.part);
  for (const PartDef& p : parts_) {
    if (p.id == part.id)
      return fmt::format("another required-section rule of this pack already declares part '{}'",
                         part.id.part);
  }
  if (loaded_parts_) {
    for (const std::string& base : bases_) {
      for (const PartDef& p : *loaded_parts_) {
        if (p.id.pack != base || p.id.part != part.id.part) continue;
        return fmt::format(
            "part '{}' is already declared by rule '{}' of pack '{}', which this pack extends: "
            "use that part (section:{}) rather than declaring a second one",
            p.id.part, p.rule_id, base, p.id.part);
      }
    }
  }
  parts_.push_back(std::move(part));
  return std::nullopt;
}

PartId BuildContext::use_part(const std::string& part, const std::string& file, Position pos,
                              std::string where) {
  PartUse use{part_id(part), part, file, pos, {}, std::move(where)};
  if (std::size_t colon = part.find(':'); colon != std::string::npos) {
    use.part = {part.substr(0, colon), part.substr(colon + 1)};
  } else if (loaded_parts_) {
    for (const std::string& base : bases_) {
      bool declares =
          std::any_of(loaded_parts_->begin(), loaded_parts_->end(), [&](const PartDef& p) {
            return p.id == PartId{base, part};
          });
      if (declares) use.ambiguous.push_back(base);
    }
    if (!use.ambiguous.empty()) use.part = {use.ambiguous.front(), part};
    if (use.ambiguous.size() == 1) use.ambiguous.clear();
  }
  part_uses_.push_back(std::move(use));
  return part_uses_.back().part;
}

Fields& BuildContext::message_fields(Fields& f, const std::string& key) {
  if (message_override_ && &f == message_rule_ && key == "message") return *message_override_;
  return f;
}

std::optional<Severity> severity_field(Fields& f, const std::string& key, bool required) {
  auto text = f.string(key, required);
  if (!text) return std::nullopt;
  if (auto s = parse_severity(*text)) return s;
  f.error(key, fmt::format("'{}' must be error, warning or info, not '{}'", key, *text));
  return std::nullopt;
}

std::optional<MessageTemplate> BuildContext::message(Fields& f, const std::string& key,
                                                     const std::set<std::string>& provided,
                                                     bool required) {
  Fields& from = message_fields(f, key);
  if (&from != &f) f.has(key);  // the rule's own message is known, only replaced
  auto text = from.string(key, required);
  if (!text) return std::nullopt;
  if (text->empty()) {
    from.error(key, fmt::format("'{}' must not be empty", key));
    return std::nullopt;
  }
  bool ok = true;
  for (const std::string& name : MessageTemplate::placeholders(*text)) {
    if (!provided.count(name)) {
      from.error(key,
                 fmt::format("unknown placeholder {{{}}} in '{}': this kind of rule provides {}",
                             name, key, join(provided)));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return MessageTemplate(*text);
}

}  // namespace fzcheck::detail
