// Packs that build on packs (pack.yaml `extends`): parts used by plain or qualified id, document
// types inherited, overrides of severity, message and disable, and every mistake reported with its
// position.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;

// Several packs in one temporary directory, one folder each.
class Packs {
 public:
  Packs& pack(const std::string& id, const std::string& more_pack_yaml = "") {
    dir_.write(id + "/pack.yaml", "id: " + id + "\ntitle: 测试" + id + "\n" + more_pack_yaml);
    return *this;
  }
  Packs& rule(const std::string& pack, const std::string& id, const std::string& yaml) {
    dir_.write(pack + "/" + id + "/rule.yaml", yaml);
    return *this;
  }
  Result<RuleSet> load(bool builtin = false) const { return RuleSet::load({dir_.path()}, builtin); }
  RuleSet rules(bool builtin = false) const {
    auto loaded = load(builtin);
    if (!loaded) FAIL("the packs do not load:\n" << test::errors(loaded, dir_.path()));
    return std::move(loaded).value();
  }
  Lines errors(bool builtin = false) const {
    auto loaded = load(builtin);
    CHECK_FALSE(loaded.ok());
    return test::errors(loaded, dir_.path());
  }
  const std::filesystem::path& path() const { return dir_.path(); }

 private:
  test::TempDir dir_;
};

// A required-section rule declaring part `part`, found by a level-one heading with `word`.
std::string part_rule(const std::string& id, const std::string& part, const std::string& word) {
  return rule_head(id, "required-section", "error") + "message: 缺少" + part + "\npart: " + part +
         "\nname: " + part + "\nheading: {level: 1, any: [" + word + "]}\n";
}

// A coverage rule that wants `word` in `scope`.
std::string wants(const std::string& id, const std::string& scope, const std::string& word,
                  const std::string& severity = "warning") {
  return rule_head(id, "coverage", severity) + "scope: " + scope + "\nconcepts: [{name: " + word +
         ", any: [" + word + "]}]\nmessage: 没有写" + word + "\n";
}

// A pattern rule reporting `word`.
std::string term(const std::string& id, const std::string& word,
                 const std::string& severity = "warning") {
  return rule_head(id, "pattern", severity) + "message: 不要写“{match}”\nterms: [" + word + "]\n";
}

const std::string kReport =
    "一、主要举措\n开展了工作。\n二、存在的不足\n人员不够。\n三、下一步安排\n继续推进。\n";

Lines ids(const Report& report) {
  Lines out;
  for (const Finding& f : report.findings)
    out.push_back(fmt::format("{}:{}:{}", f.begin.line, f.rule_id, to_string(f.severity)));
  return out;
}

}  // namespace

TEST_CASE("extends: a rule looks inside a part of the pack it extends, by its plain id") {
  Packs packs;
  packs.pack("base")
      .rule("base", "measures", part_rule("measures", "measures", "举措"))
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local", "extends: base\n")
      .rule("local", "causes", wants("causes", "section:shortcomings", "原因"));
  const RuleSet rules = packs.rules();
  // One part each: the extending pack declares none.
  REQUIRE(rules.parts().size() == 2);
  CHECK(rules.parts()[1].pack == "base");
  CHECK(rules.parts()[1].id == "shortcomings");
  // At the base's part, which is found: nothing is missing.
  CHECK(ids(check(test::parse(kReport), rules)) == Lines{"3:causes:warning"});
  CHECK(test::run(rules, "一、主要举措\n开展了工作。\n二、存在的不足\n原因是人员不够。\n").empty());
  CHECK(rules.packs()[1].extends == std::vector<std::string>{"base"});
}

TEST_CASE("extends: any pack may name another pack's part as pack:part") {
  Packs packs;
  packs.pack("base")
      .rule("base", "measures", part_rule("measures", "measures", "举措"))
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("other")
      .rule("other", "causes", wants("causes", "section:base:shortcomings", "原因"))
      .rule("other", "order",
            rule_head("order", "order", "info") +
                "message: 顺序{actual}\nparts: ['base:shortcomings', 'base:measures']\n");
  CHECK(ids(check(test::parse(kReport), packs.rules())) ==
        Lines{"3:causes:warning", "3:order:info"});

  Packs wrong;
  wrong.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("other")
      .rule("other", "a", wants("a", "section:base:shortcoming", "原因"))
      .rule("other", "b", wants("b", "section:nope:shortcomings", "原因"));
  CHECK(wrong.errors() ==
        Lines{"other/a/rule.yaml:5:8: unknown part 'shortcoming' in scope "
              "'section:base:shortcoming': the required-section rules of pack 'base' declare "
              "shortcomings",
              "other/b/rule.yaml:5:8: unknown part 'nope:shortcomings' in scope "
              "'section:nope:shortcomings': no pack 'nope' is loaded"});
}

TEST_CASE("extends: the part of a pack not extended is unknown, with what to do") {
  Packs packs;
  packs.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local")
      .rule("local", "causes", wants("causes", "section:shortcomings", "原因"));
  CHECK(packs.errors() ==
        Lines{"local/causes/rule.yaml:5:8: unknown part 'shortcomings' in scope "
              "'section:shortcomings': the required-section rules of pack 'local' declare no "
              "parts; pack 'base' declares a part 'shortcomings': to use it, extend that pack "
              "(extends: base in pack.yaml) or write base:shortcomings"});
}

TEST_CASE("extends: declaring again a part of the extended pack is an error, not a second part") {
  // What a rule author did before packs could extend packs: copy the part's rule.
  Packs packs;
  packs.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local", "extends: base\n")
      .rule("local", "copy", part_rule("copy", "shortcomings", "不足"))
      .rule("local", "causes", wants("causes", "section:shortcomings", "原因"));
  CHECK(packs.errors() ==
        Lines{"local/copy/rule.yaml:6:7: part 'shortcomings' is already declared by rule "
              "'shortcomings' of pack 'base', which this pack extends: use that part "
              "(section:shortcomings) rather than declaring a second one"});
  // A part of another name is the pack's own, next to the base's.
  Packs own;
  own.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local", "extends: base\n")
      .rule("local", "extra", part_rule("extra", "extra", "其他"))
      .rule("local", "in-extra", wants("in-extra", "section:extra", "原因"));
  CHECK(own.rules().parts().size() == 2);
}

TEST_CASE("extends: a part declared by two extended packs must be qualified") {
  Packs packs;
  packs.pack("a")
      .rule("a", "a-part", part_rule("a-part", "shortcomings", "不足"))
      .pack("b")
      .rule("b", "b-part", part_rule("b-part", "shortcomings", "问题"))
      .pack("local", "extends: [a, b]\n")
      .rule("local", "causes", wants("causes", "section:shortcomings", "原因"))
      .rule("local", "fine", wants("fine", "section:b:shortcomings", "原因"));
  CHECK(packs.errors() ==
        Lines{"local/causes/rule.yaml:5:8: part 'shortcomings' in scope 'section:shortcomings' is "
              "declared by several packs this pack extends (a, b): write 'a:shortcomings' or "
              "'b:shortcomings'"});
}

TEST_CASE("extends: a pack that is not loaded") {
  Packs missing;
  missing.pack("local", "extends: [nope, fazhi-report]\n")
      .rule("local", "causes", wants("causes", "section:shortcomings", "原因"));
  // The unknown part is not reported again: it may be a part of the pack not loaded.
  CHECK(missing.errors() ==
        Lines{"local/pack.yaml:3:11: pack 'nope' named in 'extends' is not loaded: a pack "
              "extends only packs loaded with it",
              "local/pack.yaml:3:17: pack 'fazhi-report' named in 'extends' is not loaded: it is a "
              "built-in pack, and the built-in packs are not loaded"});
}

TEST_CASE("extends: itself, twice, a circle") {
  Packs self;
  self.pack("local", "extends: local\n");
  CHECK(self.errors() == Lines{"local/pack.yaml:3:10: a pack cannot extend itself"});

  Packs twice;
  twice.pack("base").pack("local", "extends: [base, base]\n");
  CHECK(twice.errors() == Lines{"local/pack.yaml:3:17: pack 'base' is named twice in 'extends'"});

  Packs circle;
  circle.pack("a", "extends: c\n").pack("b", "extends: a\n").pack("c", "extends: [b]\n");
  CHECK(circle.errors() ==
        Lines{"b/pack.yaml:3:10: packs extend each other in a circle: a → c → b → a"});
}

TEST_CASE("extends: a pack is compiled after the packs it extends, whatever the folder order") {
  Packs packs;
  packs.pack("a-local", "extends: z-base\n")
      .rule("a-local", "causes", wants("causes", "section:shortcomings", "原因"))
      .pack("z-base")
      .rule("z-base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"));
  const RuleSet rules = packs.rules();
  REQUIRE(rules.packs().size() == 2);
  CHECK(rules.packs()[0].id == "z-base");
  CHECK(rules.packs()[1].id == "a-local");
  CHECK(ids(check(test::parse(kReport), rules)) == Lines{"3:causes:warning"});
}

TEST_CASE("extends: the rules run on the document types of the extended pack, unless applies_to") {
  const std::string types =
      "document_types:\n  - {id: report, name: 报告, title: ['报告$']}\n  - {id: other, name: "
      "其他, fallback: true}\napplies_to: [report]\n";
  Packs packs;
  packs.pack("base", types)
      .rule("base", "b", term("b", "甲"))
      .pack("local", "extends: base\n")
      .rule("local", "l", term("l", "乙"))
      .pack("everywhere", "extends: base\napplies_to: all\n")
      .rule("everywhere", "e", term("e", "丙"))
      .pack("qualified", "extends: base\napplies_to: ['base:other']\n")
      .rule("qualified", "q", term("q", "丁"));
  const RuleSet rules = packs.rules();
  auto applies = [&](const std::string& id) {
    for (const PackInfo& p : rules.packs()) {
      if (p.id == id) return p.applies_to;
    }
    return std::vector<std::string>{"?"};
  };
  CHECK(applies("local") == std::vector<std::string>{"report"});
  CHECK(applies("everywhere").empty());
  CHECK(applies("qualified") == std::vector<std::string>{"other"});
  CHECK(ids(check(test::parse("某局工作报告\n甲乙丙丁。\n"), rules)) ==
        Lines{"2:b:warning", "2:l:warning", "2:e:warning"});
  CHECK(ids(check(test::parse("某局工作通知\n甲乙丙丁。\n"), rules)) ==
        Lines{"2:e:warning", "2:q:warning"});

  // A base that applies to every document: so does the pack that extends it.
  Packs all;
  all.pack("base").pack("local", "extends: base\n");
  CHECK(all.rules().packs()[1].applies_to.empty());

  Packs wrong;
  wrong.pack("base", types).pack("local", "extends: base\napplies_to: ['local:report']\n");
  CHECK(wrong.errors() ==
        Lines{"local/pack.yaml:4:14: document type 'report' is declared by pack 'base', not "
              "'local'"});
}

TEST_CASE("overrides: severity, message and disable, by rule id") {
  Packs packs;
  packs.pack("base")
      .rule("base", "a", term("a", "甲", "info"))
      .rule("base", "b", term("b", "乙"))
      .rule("base", "c", term("c", "丙"))
      .pack("local",
            "extends: base\noverrides:\n  - {rule: a, severity: error}\n"
            "  - {rule: 'base:b', message: '别写{match}'}\n  - {rule: c, disable: true}\n");
  const RuleSet rules = packs.rules();
  CHECK(test::run(rules, "甲乙丙。\n") ==
        Lines{"1:1-1:2 a error: 不要写“甲”", "1:2-1:3 b warning: 别写乙"});
  const RuleInfo* a = rules.find("a");
  REQUIRE(a);
  REQUIRE(a->overridden);
  CHECK(a->severity == Severity::error);
  CHECK(a->overridden->severity);
  CHECK_FALSE(a->overridden->message);
  CHECK(a->overridden->written_severity == Severity::info);
  CHECK(a->overridden->pack == "local");
  CHECK(a->overridden->origin == (packs.path() / "local/pack.yaml").string() + ":5");
  const RuleInfo* b = rules.find("b");
  REQUIRE(b);
  CHECK(b->message == "别写{match}");
  CHECK(b->overridden->written_message == "不要写“{match}”");
  CHECK(b->summary == "别写{match}");  // from the message in effect, as it has no summary
  CHECK(rules.find("c")->disabled());
  CHECK_FALSE(rules.find("a")->disabled());

  // Loaded without the extending pack, the rules are as written.
  auto alone = RuleSet::load(packs.path() / "base");
  REQUIRE(alone.ok());
  CHECK(test::run(*alone, "甲乙丙。\n").size() == 3);
}

TEST_CASE("overrides: a message uses only the placeholders of the rule's kind") {
  Packs packs;
  packs.pack("base")
      .rule("base", "a", term("a", "甲"))
      .rule("base", "p",
            rule_head("p", "pattern") +
                "message: 不要写“{match}”\nterms: [{find: 乙, replace: 丙}, 丁]\n")
      .pack("local",
            "extends: base\noverrides:\n  - {rule: a, message: '{found}不对'}\n"
            "  - {rule: p, message: '改为{replacement}'}\n  - {rule: a, severity: info}\n");
  CHECK(packs.errors() ==
        Lines{"local/pack.yaml:5:24: unknown placeholder {found} in 'message': this kind of rule "
              "provides {match}, {replacement}",
              "local/pack.yaml:6:24: the message uses {replacement} but some terms or patterns "
              "have no 'replace'",
              "local/pack.yaml:7:12: rule 'a' is overridden twice in this pack (also at line 5)"});
}

TEST_CASE("overrides: unknown rules, rules of packs not extended, and shapes") {
  Packs packs;
  packs.pack("base")
      .rule("base", "deadline", term("deadline", "甲"))
      .pack("other")
      .rule("other", "elsewhere", term("elsewhere", "乙"))
      .pack("local",
            "extends: base\noverrides:\n"
            "  - {rule: deadlin, severity: info}\n"                  // 5
            "  - {rule: elsewhere, disable: true}\n"                 // 6
            "  - {rule: mine, severity: info}\n"                     // 7
            "  - {rule: 'other:deadline', severity: info}\n"         // 8
            "  - {rule: deadline}\n"                                 // 9
            "  - {rule: deadline, disable: true, severity: info}\n"  // 10
            "  - {rule: deadline, severity: fatal}\n"                // 11
            "  - deadline\n"                                         // 12
            "  - {rule: 'gone:x', disable: yes}\n")                  // 13
      .rule("local", "mine", term("mine", "丙"));
  CHECK(packs.errors() ==
        Lines{"local/pack.yaml:5:12: unknown rule 'deadlin' in 'overrides': no pack it extends "
              "(base) has a rule of that id (did you mean 'deadline'?)",
              "local/pack.yaml:6:12: rule 'elsewhere' is of pack 'other', which pack 'local' does "
              "not extend: a pack overrides only the rules of the packs in its 'extends'",
              "local/pack.yaml:7:12: rule 'mine' is this pack's own: change its rule.yaml instead",
              "local/pack.yaml:8:12: rule 'deadline' is of pack 'base', not 'other'",
              "local/pack.yaml:9:5: an override changes the rule's 'severity' or 'message', or has "
              "'disable: true'",
              "local/pack.yaml:10:31: a disabled rule never runs: it takes no 'severity' or "
              "'message'",
              "local/pack.yaml:11:32: 'severity' must be error, warning or info, not 'fatal'",
              "local/pack.yaml:12:5: each override is a mapping: {rule: ID, severity: …}, {rule: "
              "ID, message: …} or {rule: ID, disable: true}",
              "local/pack.yaml:13:12: unknown rule 'gone:x' in 'overrides': no pack 'gone' is "
              "loaded"});

  Packs typo;
  typo.pack("base")
      .rule("base", "a", term("a", "甲"))
      .pack("local", "extends: base\noverrides:\n  - {rule: a, severty: info}\n");
  CHECK(typo.errors() ==
        Lines{"local/pack.yaml:5:5: an override changes the rule's 'severity' or 'message', or has "
              "'disable: true'",
              "local/pack.yaml:5:15: unknown key 'severty' in this item of 'overrides' (did you "
              "mean 'severity'?)"});
}

TEST_CASE("overrides: along a chain the most derived pack wins, two unrelated packs clash") {
  Packs chain;
  chain.pack("base")
      .rule("base", "a", term("a", "甲", "info"))
      .rule("base", "a-too", term("a-too", "乙"))
      .pack("province",
            "extends: base\noverrides: [{rule: a, severity: warning}, {rule: a-too, "
            "disable: true}]\n")
      .pack("city",
            "extends: province\noverrides: [{rule: a, severity: error}, {rule: a-too, "
            "disable: false}]\n");
  const RuleSet rules = chain.rules();
  CHECK(ids(check(test::parse("甲乙。\n"), rules)) == Lines{"1:a:error", "1:a-too:warning"});
  CHECK(rules.find("a")->overridden->pack == "city");
  CHECK(rules.find("a")->overridden->written_severity == Severity::info);
  CHECK_FALSE(rules.find("a-too")->disabled());
  // The city's rules run where the province's do, which run where the base's do.
  CHECK(rules.packs()[2].extends == std::vector<std::string>{"province"});

  Packs clash;
  clash.pack("base")
      .rule("base", "a", term("a", "甲"))
      .pack("one", "extends: base\noverrides: [{rule: a, severity: error}]\n")
      .pack("two", "extends: base\noverrides: [{rule: a, severity: info}]\n");
  CHECK(clash.errors() ==
        Lines{fmt::format("two/pack.yaml:4:20: rule 'a' is also overridden by pack 'one' "
                          "({}:4), and neither pack extends the other: which override holds "
                          "would depend on the order they are loaded",
                          (clash.path() / "one/pack.yaml").string())});
}

TEST_CASE("extends: a summary column may show a part of the extended pack") {
  Packs packs;
  packs.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local", "extends: base\nsummary:\n  - part: shortcomings\n  - part: nope\n");
  CHECK(packs.errors() ==
        Lines{"local/pack.yaml:6:11: unknown part 'nope' in 'summary': the required-section rules "
              "of pack 'local' declare no parts"});
  Packs good;
  good.pack("base")
      .rule("base", "shortcomings", part_rule("shortcomings", "shortcomings", "不足"))
      .pack("local", "extends: base\nsummary:\n  - part: shortcomings\n");
  const RuleSet rules = good.rules();
  REQUIRE(rules.packs()[1].summary.size() == 1);
  CHECK(rules.packs()[1].summary[0].part == "shortcomings");
  CHECK(rules.packs()[1].summary[0].part_pack == "base");
}

TEST_CASE("extends: a pack tested on its own is loaded with the built-in packs it extends") {
  test::RulePack pack("local", "extends: fazhi-report\n");
  pack.rule("causes", wants("causes", "section:shortcomings", "原因"));
  CHECK_FALSE(pack.load().ok());
  auto loaded = RuleSet::load_with_extended_builtins(pack.path());
  REQUIRE(loaded.ok());
  std::vector<std::string> ids;
  for (const PackInfo& p : loaded->packs()) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"fazhi-report", "local"});  // not gongwen

  test::RulePack alone("alone");
  alone.rule("a", term("a", "甲"));
  auto just = RuleSet::load_with_extended_builtins(alone.path());
  REQUIRE(just.ok());
  CHECK(just->packs().size() == 1);
}

}  // namespace fzcheck
