// The load-time side of a rule kind: what its factory gets (RuleSpec) and the validated patterns,
// scopes, messages and parts it reads through BuildContext. The run-time side is kind.hpp.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checks/kind.hpp"
#include "facts/parts.hpp"
#include "i18n/message.hpp"
#include "match/pattern_set.hpp"
#include "yaml/yaml_fields.hpp"

namespace fzcheck::detail {

class BuildContext {
 public:
  BuildContext(PatternSet& patterns, std::vector<PartDef>& parts, std::string pack,
               std::string language)
      : patterns_(patterns),
        parts_(parts),
        pack_(std::move(pack)),
        language_(std::move(language)) {}

  // The language of the pack's messages (pack.yaml `language`), for list separators and quotes.
  const std::string& language() const noexcept { return language_; }

  // Parts are named per pack.
  PartId part_id(const std::string& part) const { return {pack_, part}; }
  const std::string& pack() const noexcept { return pack_; }

  // The packs this pack extends (pack.yaml `extends`, and the packs those extend), nearest first,
  // and the parts of every pack loaded before it: a part named without its pack is looked up in
  // them before this pack's own.
  void set_bases(const std::vector<PartDef>& loaded_parts, std::vector<std::string> bases) {
    loaded_parts_ = &loaded_parts;
    bases_ = std::move(bases);
  }
  const std::vector<std::string>& bases() const noexcept { return bases_; }

  // A pattern as written by a rule author: a plain literal if it has no regex metacharacters,
  // else an RE2 regex. Errors are reported at `pos`. `where`: the places the rule reads its
  // matches (PatternSet::add_regex).
  std::optional<PatternId> pattern(Fields& f, const std::string& text, Position pos,
                                   Where where = Where::everywhere);
  // Every pattern under `key` (a value or a list).
  std::vector<PatternId> patterns(Fields& f, const std::string& key, bool required = false,
                                  Where where = Where::everywhere);
  // The rules being read are built-in ones, whose regexes the test suite compiles: they may be
  // compiled on their first use.
  void set_trusted(bool trusted) noexcept { trusted_ = trusted; }
  // A scope name; part names are checked once the whole set is loaded.
  std::optional<Scope> scope(Fields& f, const std::string& key, const std::string& fallback);
  std::vector<Scope> scopes(Fields& f, const std::string& key);
  // A message template whose placeholders must be among `provided`.
  std::optional<MessageTemplate> message(Fields& f, const std::string& key,
                                         const std::set<std::string>& provided,
                                         bool required = true);

  // Another pack's replacement for this rule's `message` (pack.yaml `overrides`): message() reads
  // it instead of the key of `rule`, and reports its problems where the override is written.
  void override_message(const Fields* rule, std::shared_ptr<Fields> where) {
    message_rule_ = rule;
    message_override_ = std::move(where);
  }
  // The mapping `key` of `f` is read from: the override's for an overridden message, else `f`
  // (for problems a kind finds with the message it was given).
  Fields& message_fields(Fields& f, const std::string& key);

  PatternSet& pattern_set() noexcept { return patterns_; }
  // A rule's patterns are counted from here (RuleLoadOptions::max_patterns_per_rule).
  void start_rule(std::size_t max_patterns) {
    rule_patterns_ = 0;
    max_patterns_ = max_patterns;
  }
  // Counts one more pattern of the rule; past the limit, false (reported once, at `pos`): the
  // pattern must not be added.
  bool count_pattern(Fields& f, Position pos);
  // Declares a part of this pack. Refused, with the reason, when this pack or a pack it extends
  // already declares a part of that id.
  std::optional<std::string> declare_part(PartDef part);
  // A part named by a rule, to be checked once every pack is loaded.
  struct PartUse {
    PartId part;
    std::string spelled;  // as written: "measures", "fazhi-report:measures"
    std::string file;
    Position pos;
    std::vector<std::string> ambiguous;  // several packs this pack extends declare the part
    std::string where;                   // "in 'summary'"; empty: in scope 'section:…'
  };
  const std::vector<PartUse>& part_uses() const noexcept { return part_uses_; }
  // A part as a rule names it: "pack:part" is that pack's; a plain id is the part of a pack this
  // pack extends that declares it, else this pack's own.
  // `where` says where it is named, for the error when the part is unknown (default: in a scope).
  PartId use_part(const std::string& part, const std::string& file, Position pos,
                  std::string where = {});

 private:
  PatternSet& patterns_;
  bool trusted_ = false;
  std::vector<PartDef>& parts_;
  std::string pack_;
  std::string language_;
  std::vector<PartUse> part_uses_;
  const std::vector<PartDef>* loaded_parts_ = nullptr;
  std::vector<std::string> bases_;
  std::size_t rule_patterns_ = 0;
  std::size_t max_patterns_ = SIZE_MAX;
  const Fields* message_rule_ = nullptr;
  std::shared_ptr<Fields> message_override_;
};

// A key holding error, warning or info; reports anything else.
std::optional<Severity> severity_field(Fields& f, const std::string& key, bool required = false);

// What a kind's factory gets: the rule's mapping, the shared build context, and the common
// fields already read. It reads its own keys and returns nullptr after reporting problems.
struct RuleSpec {
  Fields& fields;
  BuildContext& ctx;
  RuleCommon common;
};
using CheckFactory = std::unique_ptr<Check> (*)(RuleSpec& spec);

}  // namespace fzcheck::detail
