// Loading rule packs: every problem of every file reported at once, each with file, line and
// code-point column; pack layout, ids, replacement of built-in packs.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

#include "checks/build_context.hpp"
#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

const std::string kPattern = rule_head("r", "pattern", "error") + "message: 不要写“{match}”\n";

// The errors of loading `pack`, files relative to it.
Lines load_errors(const RulePack& pack) {
  auto loaded = pack.load();
  CHECK_FALSE(loaded.ok());
  return test::errors(loaded, pack.path());
}

std::string all_kinds() {
  std::string out;
  for (const auto& k : rule_kinds()) out += (out.empty() ? "" : ", ") + k.name;
  return out;
}

// A required-section rule declaring part `part`.
std::string part_rule(const std::string& id, const std::string& part, const std::string& word) {
  return rule_head(id, "required-section", "error") + "message: 缺少" + part + "\npart: " + part +
         "\nname: " + part + "\nheading: {level: 1, any: [" + word + "]}\n";
}

}  // namespace

TEST_CASE("loader: a YAML syntax error, with Chinese before it on the line") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: 标题“甲”: 坏\nterms: [甲]\n");
  auto loaded = pack.load();
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 1);
  const Error& e = loaded.error();
  CHECK(e.code == ErrorCode::rule_syntax);
  CHECK(e.file == pack.at("r/rule.yaml"));
  CHECK(test::at(e.pos) == "5:15");
  CHECK(e.message == "YAML syntax error: illegal map value");
}

TEST_CASE("loader: an unknown key gets a did-you-mean, the missing key is reported once") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "mesage: 坏\nterms: [甲]\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:1:1: missing required key 'message' in this rule",
              "r/rule.yaml:5:1: unknown key 'mesage' in this rule (did you mean 'message'?)"});
  auto loaded = pack.load();
  CHECK(loaded.errors()[1].code == ErrorCode::rule_schema);
  CHECK(test::at(loaded.errors()[1].pos) == "5:1");
}

TEST_CASE("loader: a missing required key is reported at its mapping's position") {
  RulePack pack;
  pack.rule("r", rule_head("r", "required-section", "error") +
                     "message: 缺少\npart: a\nname: 甲\nheading:\n    level: 1\n");
  CHECK(load_errors(pack) == Lines{"r/rule.yaml:9:5: missing required key 'any' in this heading"});

  RulePack no_kind;
  no_kind.rule("r", "id: r\nseverity: error\nmessage: m\nsource: s\n");
  CHECK(load_errors(no_kind) == Lines{"r/rule.yaml:1:1: missing required key 'kind' in this rule"});
}

TEST_CASE("loader: wrong types, a list for a value and a mapping for a list") {
  RulePack pack;
  pack.rule("r", kPattern + "scope: [document]\nterms: {甲: 乙}\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:6:8: 'scope' must be a single value (text), not a list",
              "r/rule.yaml:7:8: 'terms' must be a list, not a mapping"});

  RulePack not_a_map;
  not_a_map.rule("r", "- id: r\n- kind: pattern\n");
  CHECK(load_errors(not_a_map) ==
        Lines{"r/rule.yaml:1:1: a rule file must be a mapping with id, kind, severity, message and "
              "source"});
}

TEST_CASE("loader: an unknown kind names the kinds, the kind's own keys are not called unknown") {
  RulePack pack;
  pack.rule("r",
            "id: r\nkind: patern\nseverity: error\nmessage: m\nsource: s\nterms: [甲]\n"
            "sevrity: x\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:2:7: unknown kind 'patern' (did you mean 'pattern'?); the kinds are: " +
                  all_kinds(),
              "r/rule.yaml:7:1: unknown key 'sevrity' in this rule (did you mean 'severity'?)"});
  for (const char* kind : {"coverage", "every-item", "element-present", "order", "pattern",
                           "required-section", "unknown-part"}) {
    CHECK(all_kinds().find(kind) != std::string::npos);
  }

  RulePack missing;
  missing.rule("r", "id: r\nkidn: pattern\nseverity: error\nmessage: m\nsource: s\nterms: [甲]\n");
  CHECK(load_errors(missing) ==
        Lines{"r/rule.yaml:1:1: missing required key 'kind' in this rule",
              "r/rule.yaml:2:1: unknown key 'kidn' in this rule (did you mean 'kind'?)"});

  RulePack far;
  far.rule("r", "id: r\nkind: spellcheck\nseverity: error\nmessage: m\nsource: s\n");
  CHECK(load_errors(far) ==
        Lines{"r/rule.yaml:2:7: unknown kind 'spellcheck'; the kinds are: " + all_kinds()});
}

TEST_CASE("loader: an unknown scope gets a did-you-mean and the list of scopes") {
  RulePack pack;
  pack.rule("r", kPattern + "scope: boddy\nterms: [甲]\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:6:8: unknown scope 'boddy': use document, title, preamble, body, "
              "headings, part-headings, text, signature, date or section:<part> (did you mean "
              "'body'?)"});

  RulePack exclude;
  exclude.rule(
      "r", rule_head("r", "coverage") +
               "message: 缺{missing}\nexclude: [body, 标题]\nconcepts: [{name: 甲, any: 甲}]\n");
  CHECK(load_errors(exclude) ==
        Lines{"r/rule.yaml:6:17: unknown scope '标题' in 'exclude': use document, title, preamble, "
              "body, headings, part-headings, text, signature, date or section:<part>"});
}

TEST_CASE("loader: a kind that works on the structure takes no scope") {
  RulePack pack;
  pack.rule("r", rule_head("r", "heading-sequence") + "message: 序号{found}\nscope: body\n");
  CHECK(
      load_errors(pack) ==
      Lines{
          "r/rule.yaml:6:8: a heading-sequence rule takes no 'scope': it always looks at the whole "
          "document's structure"});
}

TEST_CASE("loader: section:<part> must name a part a required-section rule declares") {
  RulePack none;
  none.rule("r", kPattern + "scope: section:nope\nterms: [甲]\n");
  CHECK(load_errors(none) ==
        Lines{"r/rule.yaml:6:8: unknown part 'nope' in scope 'section:nope': the required-section "
              "rules of pack 't' declare no parts"});

  RulePack some;
  some.rule("a", part_rule("a", "measures", "举措"))
      .rule("b", part_rule("b", "next-year", "安排"))
      .rule("r", kPattern + "scope: section:measure\nterms: [甲]\n");
  CHECK(load_errors(some) ==
        Lines{"r/rule.yaml:6:8: unknown part 'measure' in scope 'section:measure': the "
              "required-section rules of pack 't' declare measures, next-year"});

  // Parts named in a list are reported at the item.
  RulePack order;
  order.rule("a", part_rule("a", "measures", "举措"))
      .rule("o", rule_head("o", "order") + "message: 顺序\nparts: [measures, 第二部分]\n");
  CHECK(load_errors(order) ==
        Lines{"o/rule.yaml:6:19: unknown part '第二部分' in scope 'section:第二部分': the "
              "required-section rules of pack 't' declare measures"});
}

TEST_CASE("loader: bad regular expressions, reported at each item") {
  RulePack pack;
  pack.rule("r", kPattern + "patterns: [甲乙, '[unclosed', '(?=x)', '下一步(?!工作)']\n");
  CHECK(
      load_errors(pack) ==
      Lines{"r/rule.yaml:6:16: bad regular expression '[unclosed': missing ]: [unclosed",
            "r/rule.yaml:6:29: bad regular expression '(?=x)': invalid perl operator: (?= (RE2 "
            "has no lookahead or lookbehind: match the text itself and list the contexts that "
            "must not count under 'except')",
            "r/rule.yaml:6:38: bad regular expression '下一步(?!工作)': invalid perl operator: (?! "
            "(RE2 has no lookahead or lookbehind: match the text itself and list the contexts "
            "that must not count under 'except')"});

  RulePack heading;
  heading.rule("r",
               rule_head("r", "required-section") +
                   "message: 缺\npart: a\nname: 甲\nheading:\n  any: [举措, '(?<=x)y', '[z']\n");
  CHECK(load_errors(heading) ==
        Lines{"r/rule.yaml:9:13: bad regular expression '(?<=x)y': invalid perl operator: (?< "
              "(RE2 has no lookahead or lookbehind: match the text itself and list the contexts "
              "that must not count under 'except')",
              "r/rule.yaml:9:24: bad regular expression '[z': missing ]: [z"});
}

TEST_CASE("loader: the same rule id in two folders") {
  test::TempDir dir;
  dir.write("one/pack.yaml", "id: one\ntitle: 一\n");
  dir.write("one/x/rule.yaml", rule_head("x", "pattern") + "message: m\nterms: [甲]\n");
  dir.write("two/pack.yaml", "id: two\ntitle: 二\n");
  dir.write("two/x/rule.yaml", std::string("# the second\n") + rule_head("x", "pattern") +
                                   "message: m\nterms: [乙]\n");
  auto loaded = RuleSet::load(dir.path());
  CHECK(test::errors(loaded, dir.path()) ==
        Lines{"two/x/rule.yaml:2:5: duplicate rule id 'x' (also defined at " +
              (dir.path() / "one/x/rule.yaml").string() + ":1)"});
}

TEST_CASE("loader: a bad severity") {
  RulePack pack;
  pack.rule("r", "id: r\nkind: pattern\nseverity: 严重\nmessage: m\nsource: s\nterms: [甲]\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:3:11: 'severity' must be error, warning or info, not '严重'"});
}

TEST_CASE("loader: years, each problem at its place") {
  auto years = [](const std::string& value) {
    RulePack pack;
    pack.rule("r", kPattern + "terms: [甲]\nyears: " + value + "\n");
    auto loaded = pack.load();
    return test::errors(loaded, pack.path());
  };
  CHECK(years("{from: 2021}").empty());
  CHECK(years("{until: 2020}").empty());
  CHECK(years("{from: 2021, until: 2021}").empty());
  CHECK(years("2021") ==
        Lines{"r/rule.yaml:7:8: 'years' must be a mapping of keys to values, not a single value"});
  CHECK(years("{}") == Lines{"r/rule.yaml:7:8: 'years' needs 'from', 'until' or both (the first "
                             "and last report year)"});
  CHECK(years("{from: 2022, until: 2021}") ==
        Lines{"r/rule.yaml:7:28: 'until' (2021) is before 'from' (2022)"});
  CHECK(years("{from: 二〇二一}") ==
        Lines{"r/rule.yaml:7:15: 'from' must be a whole number from 1949 to 2999, not '二〇二一'"});
  CHECK(years("{until: 30000}") ==
        Lines{"r/rule.yaml:7:16: 'until' must be a whole number from 1949 to 2999, not '30000'"});
  CHECK(years("{form: 2021}") ==
        Lines{"r/rule.yaml:7:8: 'years' needs 'from', 'until' or both (the first and last report "
              "year)",
              "r/rule.yaml:7:9: unknown key 'form' in this years (did you mean 'from'?)"});
}

TEST_CASE("loader: duplicate keys in one mapping") {
  RulePack pack;
  pack.rule("r", kPattern + "terms: [甲]\nmessage: 另一条\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:7:1: duplicate key 'message' (first given at line 5)"});
}

TEST_CASE("loader: an unknown placeholder in a message lists what the kind provides") {
  RulePack pack;
  pack.rule("r", rule_head("r", "pattern") + "message: 不要写“{matched}”\nterms: [甲]\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:5:10: unknown placeholder {matched} in 'message': this kind of rule "
              "provides {match}, {replacement}"});
}

TEST_CASE("loader: a rule id that is not its folder's name, or not an id at all") {
  RulePack pack;
  pack.rule("folder", kPattern + "terms: [甲]\n");
  CHECK(load_errors(pack) ==
        Lines{"folder/rule.yaml:1:5: rule id 'r' differs from its folder name 'folder'"});

  RulePack upper;
  upper.rule("R", "id: R\nkind: pattern\nseverity: error\nmessage: m\nsource: s\nterms: [甲]\n");
  CHECK(
      load_errors(upper) ==
      Lines{"R/rule.yaml:1:5: rule id 'R' must be lower-case letters, digits and single hyphens"});
}

TEST_CASE("loader: a replacement that names a group the regex does not have") {
  RulePack pack;
  pack.rule("r", kPattern + "patterns:\n  - {match: '截止(\\d)', replace: '截至\\3'}\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:7:32: bad replacement '截至\\3': \\3 names group 3, but the regular "
              "expression has 1 capturing group(s)"});
}

TEST_CASE("loader: rule.yml is not rule.yaml") {
  RulePack pack;
  pack.file("r/rule.yml", kPattern + "terms: [甲]\n");
  auto loaded = pack.load();
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.error().file == pack.at("r/rule.yml"));
  CHECK(loaded.error().pos == Position{});
  CHECK(loaded.error().code == ErrorCode::rule_schema);
  CHECK(loaded.error().message == "a rule file must be named rule.yaml, not rule.yml");
}

TEST_CASE("loader: flow YAML nested 10,000 deep is an error, not a crash") {
  RulePack pack;
  pack.rule("r", "id: r\nkind: " + std::string(10000, '[') + "\n");
  auto loaded = pack.load();
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.error().code == ErrorCode::rule_syntax);
  CHECK(test::at(loaded.error().pos) == "2:71");  // the 65th bracket after "kind: "
  CHECK(loaded.error().message ==
        "brackets nested more than 64 deep; a rule or configuration file never needs that");

  // Quotes do not hide brackets from the depth limit in a way that reaches yaml-cpp unchecked.
  RulePack quoted;
  quoted.rule("r", "id: r\nkind: [a'b, " + std::string(100000, '[') + "\n");
  auto q = quoted.load();
  REQUIRE_FALSE(q.ok());
  CHECK(q.error().code == ErrorCode::rule_syntax);
  CHECK(q.error().pos.line == 3);
}

TEST_CASE("loader: a rule file over 1 MB is refused before it is parsed") {
  RulePack pack;
  pack.rule("r", kPattern + "terms: [甲]\n# " + std::string(1 << 20, 'x') + "\n");
  auto loaded = pack.load();
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.error().code == ErrorCode::too_large);
  CHECK(loaded.error().file == pack.at("r/rule.yaml"));
  CHECK(loaded.error().pos == Position{});
  std::size_t size = kPattern.size() + 12 + 3 + (1 << 20) + 1;
  CHECK(loaded.error().key == "error_setting_file_too_large");
  CHECK(loaded.error().message == "the file is " + std::to_string(size) +
                                      " bytes, more than the limit of 1048576 bytes for a "
                                      "configuration or rule-pack file");
}

TEST_CASE("loader: max_file_bytes raises or lowers the limit on a pack's files") {
  RulePack pack;
  pack.rule("r", kPattern + "terms: [甲]\n# " + std::string(1 << 20, 'x') + "\n");
  RuleLoadOptions options;
  options.max_file_bytes = 2 << 20;
  CHECK(RuleSet::load({pack.path()}, false, options).ok());
  options.max_file_bytes = 50;
  RulePack small;
  small.rule("r", kPattern + "terms: [甲]\n");
  auto loaded = RuleSet::load({small.path()}, false, options);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().code == ErrorCode::too_large);
  CHECK(loaded.error().file == small.at("r/rule.yaml"));
}

// Loading was quadratic in the patterns of a rule: each pattern was compared with every one
// added before it, and each position was found by counting the code points of its line from the
// start (a flow list is one line). 100,000 terms in 689 KB took 38.6 s (178 s on a busy machine);
// now about 0.4 s. The bound below only catches a blow-up, not a slowdown.
TEST_CASE("loader: 100,000 patterns in one rule load in near-linear time, one more is refused") {
  std::string terms;
  std::uint32_t column_of_last = 0;
  for (int i = 0; i < 100000; ++i) {
    if (i > 0) terms += ", ";
    if (i == 99999) column_of_last = static_cast<std::uint32_t>(8 + terms.size() + 1);
    terms += 'x';
    terms += std::to_string(i);
  }
  RulePack pack;
  pack.rule("r", kPattern + "terms: [" + terms + "]\n");
  const auto start = std::chrono::steady_clock::now();
  auto loaded = pack.load();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(loaded.ok());
  CHECK(seconds < 10 * test::kSlowdown);
  CHECK(loaded->rules().size() == 1);

  RuleLoadOptions options;
  options.max_patterns_per_rule = 99999;
  auto refused = RuleSet::load({pack.path()}, false, options);
  REQUIRE_FALSE(refused.ok());
  REQUIRE(refused.errors().size() == 1);
  CHECK(refused.error().code == ErrorCode::rule_schema);
  CHECK(refused.error().file == pack.at("r/rule.yaml"));
  CHECK(refused.error().pos == Position{6, column_of_last});  // the 100,000th term
  CHECK(refused.error().message ==
        "this rule has more than 99999 patterns (terms, regular expressions, exceptions); split "
        "it, or raise the limit with --max-patterns-per-rule");
}

TEST_CASE("loader: the pattern limit counts every kind of pattern of one rule, not of a pack") {
  RuleLoadOptions options;
  options.max_patterns_per_rule = 3;
  RulePack pack;
  pack.rule("r", kPattern + "terms: [甲, 乙]\npatterns: ['丙+']\nexcept: [丁]\n")
      .rule("s", rule_head("s", "pattern") + "message: m\nterms: [甲, 乙, 丙]\n")
      .rule("n", rule_head("n", "canonical-name") +
                     "message: '{found}{expected}'\nnames: [一二, 三四, 五六, 七八]\n");
  auto loaded = RuleSet::load({pack.path()}, false, options);
  REQUIRE_FALSE(loaded.ok());
  Lines errors = test::errors(loaded, pack.path());
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].starts_with("n/rule.yaml:6:"));
  CHECK(errors[0].find("more than 3 patterns") != std::string::npos);
  CHECK(errors[1].starts_with("r/rule.yaml:8:"));  // the exception, the 4th pattern of r
  options.max_patterns_per_rule = 4;
  CHECK(RuleSet::load({pack.path()}, false, options).ok());
}

TEST_CASE("loader: pack.yaml, rule.yaml and README.md must be regular files, each within 1 MiB") {
  {
    RulePack pack;
    pack.rule("r", kPattern + "terms: [甲]\n").file("r/README.md", std::string((1 << 20) + 1, '#'));
    auto loaded = pack.load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == ErrorCode::too_large);
    CHECK(loaded.error().file == pack.at("r/README.md"));
  }
  {
    RulePack pack;
    std::filesystem::create_directories(pack.path() / "r");
    REQUIRE(::mkfifo(pack.at("r/rule.yaml").c_str(), 0600) == 0);
    std::filesystem::create_symlink("/dev/zero", pack.path() / "README.md");  // not read
    std::filesystem::create_directories(pack.path() / "s");
    std::filesystem::create_symlink("/dev/zero", pack.path() / "s" / "rule.yaml");
    auto loaded = pack.load();
    REQUIRE_FALSE(loaded.ok());
    Lines errors;
    for (const Error& e : loaded.errors()) errors.push_back(e.file + ": " + e.key);
    CHECK(errors == Lines{pack.at("r/rule.yaml") + ": error_not_regular_file",
                          pack.at("s/rule.yaml") + ": error_not_regular_file"});
  }
  {
    RulePack pack;
    std::filesystem::remove(pack.path() / "pack.yaml");
    REQUIRE(::mkfifo(pack.at("pack.yaml").c_str(), 0600) == 0);
    pack.rule("r", kPattern + "terms: [甲]\n");
    auto loaded = pack.load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == ErrorCode::not_a_file);
    CHECK(loaded.error().file == pack.at("pack.yaml"));
  }
}

TEST_CASE("loader: invalid UTF-8 in a rule file") {
  RulePack pack;
  pack.rule("r", "id: r\nmessage: 标\xff\n");
  CHECK(load_errors(pack) ==
        Lines{"r/rule.yaml:2:11: the file is not valid UTF-8 (bad byte at offset 18); save it as "
              "UTF-8"});
}

TEST_CASE("loader: five broken rules in five files are all reported in one load, sorted") {
  RulePack pack;
  pack.rule("e", rule_head("e", "pattern") + "message: m\nterms: [甲]\n" + "scope: titel\n")
      .rule("a", rule_head("a", "pattern") + "message: “{x}”\nterms: [甲]\n")
      .rule("d", rule_head("d", "pattern") + "message: m\npatterns: ['(a']\n")
      .rule("c", rule_head("c", "pattern") + "message: m\nterms: [甲]\nmesage: 重复\n")
      .rule("b", "id: b\nkind: pattern\nseverity: 高\nmessage: m\nsource: s\nterms: [甲]\n");
  auto loaded = pack.load();
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 5);
  CHECK(test::errors(loaded, pack.path()) ==
        Lines{"a/rule.yaml:5:10: unknown placeholder {x} in 'message': this kind of rule provides "
              "{match}, {replacement}",
              "b/rule.yaml:3:11: 'severity' must be error, warning or info, not '高'",
              "c/rule.yaml:7:1: unknown key 'mesage' in this rule (did you mean 'message'?)",
              "d/rule.yaml:6:12: bad regular expression '(a': missing ): (a",
              "e/rule.yaml:7:8: unknown scope 'titel': use document, title, preamble, body, "
              "headings, part-headings, text, signature, date or section:<part> (did you mean "
              "'title'?)"});
  for (const Error& e : loaded.errors()) CHECK(e.code == ErrorCode::rule_schema);
}

TEST_CASE("loader: files that cannot be read and files with problems are reported together") {
  RulePack pack;
  pack.rule("a", rule_head("a", "pattern") + "message: m\nterms: [甲]\n" + "# " +
                     std::string((1 << 20) + 1, 'x') + "\n")
      .rule("b", rule_head("b", "pattern") + "message: m\nterms: [甲]\nscope: nowhere\n")
      .file("c/rule.yml", "id: c\n");
  Lines errors = load_errors(pack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].starts_with("a/rule.yaml: the file is "));
  CHECK(errors[1].starts_with("b/rule.yaml:7:8: unknown scope 'nowhere'"));
  CHECK(errors[2] == "c/rule.yml: a rule file must be named rule.yaml, not rule.yml");
}

TEST_CASE("loader: pack.yaml problems") {
  test::TempDir missing;
  missing.write("r/rule.yaml", kPattern + "terms: [甲]\n");
  auto loaded = RuleSet::load(missing.path());
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().file == missing.path().string());
  CHECK(loaded.error().message ==
        "no pack.yaml here or in its sub-folders: a rule pack is a folder with pack.yaml and one "
        "folder per rule (see docs/rule-authors.md)");

  test::TempDir bad;
  bad.write("pack.yaml", "id: Bad_Id\nlanguage: fr\nversoin: 2\n");
  CHECK(test::errors(RuleSet::load(bad.path()), bad.path()) ==
        Lines{"pack.yaml:1:1: missing required key 'title' in this pack",
              "pack.yaml:1:5: pack id 'Bad_Id' must be lower-case letters, digits and single "
              "hyphens",
              "pack.yaml:2:11: unknown language 'fr': use zh-CN or en",
              "pack.yaml:3:1: unknown key 'versoin' in this pack (did you mean 'version'?)"});

  test::TempDir list;
  list.write("pack.yaml", "- id: x\n");
  CHECK(test::errors(RuleSet::load(list.path()), list.path()) ==
        Lines{"pack.yaml:1:1: pack.yaml must be a mapping with at least 'id' and 'title'"});

  auto nowhere = RuleSet::load(missing.path() / "does-not-exist");
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.error().code == ErrorCode::not_found);
  CHECK(nowhere.error().message == "no such file or directory");
}

TEST_CASE("loader: what a loaded rule and pack look like") {
  RulePack pack("demo", "version: '3'\ndescription: 演示\n");
  pack.rule("plain", rule_head("plain", "pattern", "error") +
                         "message: 不要写“{match}”。改掉它\nterms: [甲]\n")
      .rule("summarised", rule_head("summarised", "coverage", "info") +
                              "summary: 一句话\nscope: text\nmessage: 缺{missing}\n"
                              "concepts: [{name: 甲, any: 甲}]\n")
      .file("plain/README.md", "# plain\n说明。\n")
      .file("notes/readme.txt", "not a rule folder\n");
  RuleSet rules = pack.rules();
  REQUIRE(rules.packs().size() == 1);
  const PackInfo& p = rules.packs()[0];
  CHECK(p.id == "demo");
  CHECK(p.title == "测试");
  CHECK(p.version == "3");
  CHECK(p.description == "演示");
  CHECK(p.language == "zh-CN");
  CHECK(p.origin == pack.path().string());
  REQUIRE(rules.rules().size() == 2);
  const RuleInfo* plain = rules.find("plain");
  REQUIRE(plain);
  CHECK(plain->pack == "demo");
  CHECK(plain->kind == "pattern");
  CHECK(plain->severity == Severity::error);
  CHECK(plain->message == "不要写“{match}”。改掉它");
  CHECK(plain->summary == "不要写“{match}”");  // the message's first sentence
  CHECK(plain->scope == "body");               // the kind's default
  CHECK(plain->source == "依据plain");
  CHECK(plain->readme == "# plain\n说明。\n");
  CHECK(plain->origin == pack.at("plain/rule.yaml"));
  const RuleInfo* summarised = rules.find("summarised");
  REQUIRE(summarised);
  CHECK(summarised->summary == "一句话");
  CHECK(summarised->scope == "text");
  CHECK(summarised->readme.empty());
  CHECK(rules.find("missing") == nullptr);
  // Rules come in folder order.
  CHECK(rules.rules()[0].id == "plain");
  CHECK(rules.rules()[1].id == "summarised");
}

TEST_CASE("loader: a single rule.yaml is a pack of one rule") {
  test::TempDir dir;
  auto file =
      dir.write("single/rule.yaml", rule_head("other", "pattern") + "message: m\nterms: [甲]\n");
  auto loaded = RuleSet::load(file);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->rules().size() == 1);
  CHECK(loaded->rules()[0].id == "other");  // no folder-name check outside a pack
  CHECK(loaded->packs()[0].id == "single");
  CHECK(loaded->packs()[0].origin == file.string());
}

TEST_CASE("loader: a pack with the id of a built-in pack replaces it") {
  RulePack pack("fazhi-report");
  pack.rule("mine", rule_head("mine", "pattern") + "message: m\nterms: [甲]\n");
  auto loaded = RuleSet::load({pack.path()}, true);
  REQUIRE(loaded.ok());
  const std::size_t builtin_packs = RuleSet::builtin().packs().size();
  REQUIRE(loaded->packs().size() == builtin_packs);
  std::size_t mine = 0;
  for (const PackInfo& p : loaded->packs()) {
    if (p.id != "fazhi-report") continue;
    ++mine;
    CHECK(p.origin == pack.path().string());
    CHECK(p.title == "测试");
  }
  CHECK(mine == 1);
  REQUIRE(loaded->find("mine") != nullptr);
  CHECK(loaded->find("mine")->pack == "fazhi-report");
  CHECK(loaded->find("part-measures") == nullptr);
  for (const RuleInfo& r : loaded->rules()) CHECK((r.pack != "fazhi-report" || r.id == "mine"));

  // Another id is added next to the built-in pack.
  RulePack extra("extra");
  extra.rule("mine", rule_head("mine", "pattern") + "message: m\nterms: [甲]\n");
  auto both = RuleSet::load({extra.path()}, true);
  REQUIRE(both.ok());
  REQUIRE(both->packs().size() == builtin_packs + 1);
  CHECK(both->packs().front().origin.starts_with("builtin:"));
  CHECK(both->packs().back().id == "extra");
  CHECK(both->packs().back().origin == extra.path().string());
  CHECK(both->find("part-measures") != nullptr);
  CHECK(both->find("mine") != nullptr);
  CHECK(both->rules().size() == RuleSet::builtin().rules().size() + 1);
}

TEST_CASE("loader: two user packs with the same id are an error") {
  RulePack one("same");
  one.rule("a", rule_head("a", "pattern") + "message: m\nterms: [甲]\n");
  RulePack two("same");
  two.rule("b", rule_head("b", "pattern") + "message: m\nterms: [乙]\n");
  auto loaded = RuleSet::load({one.path(), two.path()}, true);
  REQUIRE_FALSE(loaded.ok());
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.error().file == two.at("pack.yaml"));
  CHECK(loaded.error().message == "pack id 'same' is also used by " + one.path().string());
}

TEST_CASE("severity names") {
  CHECK(std::string(to_string(Severity::error)) == "error");
  CHECK(std::string(to_string(Severity::warning)) == "warning");
  CHECK(std::string(to_string(Severity::info)) == "info");
  CHECK(parse_severity("warning") == Severity::warning);
  CHECK(parse_severity("info") == Severity::info);
  CHECK(parse_severity("error") == Severity::error);
  CHECK(parse_severity("Error") == std::nullopt);
  CHECK(parse_severity("") == std::nullopt);
}

}  // namespace fzcheck
