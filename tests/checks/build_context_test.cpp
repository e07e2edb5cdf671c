// What rule factories use at load time: patterns told apart from literals, scopes, messages and
// parts, each problem reported at its place.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include "checks/build_context.hpp"
#include "rule_pack.hpp"

namespace fzcheck::detail {

namespace {

using test::at;
using test::Lines;

// A rule's mapping with a build context for pack "p".
struct Setup {
  ErrorSink errors;
  std::shared_ptr<const YamlFile> file;
  std::unique_ptr<Fields> fields;
  PatternSet patterns;
  std::vector<PartDef> parts;
  BuildContext ctx{patterns, parts, "p", "zh-CN"};

  explicit Setup(const std::string& yaml) {
    file = YamlFile::parse("r.yaml", yaml, errors);
    REQUIRE(file);
    fields = std::make_unique<Fields>(file, file->root(), errors, "rule");
  }
  Lines messages() {
    Lines out;
    for (const Error& e : errors.errors()) {
      out.push_back(std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " +
                    e.message);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("build context: a pattern without regex metacharacters is a literal") {
  Setup s("x: 1\n");
  auto lit = s.ctx.pattern(*s.fields, "法制副校长", {1, 1});
  REQUIRE(lit);
  CHECK(s.patterns.regex(*lit) == nullptr);
  for (const char* re :
       {"a.b", "[甲乙]", "a]", "(a)", "a{2}", "a}", "a*", "a+", "a?", "a|b", "^a", "a$", "\\d"}) {
    CAPTURE(std::string(re));
    auto id = s.ctx.pattern(*s.fields, re, {1, 1});
    REQUIRE(id);
    REQUIRE(s.patterns.regex(*id) != nullptr);
    CHECK(s.patterns.regex(*id)->pattern() == re);
  }
  // Literals may hold anything else, full-width brackets included.
  auto wide = s.ctx.pattern(*s.fields, "（一）—“引号”", {1, 1});
  REQUIRE(wide);
  CHECK(s.patterns.regex(*wide) == nullptr);
  // The same text twice is one pattern.
  CHECK(s.ctx.pattern(*s.fields, "法制副校长", {1, 1}) == lit);
  CHECK(s.errors.empty());
  CHECK(&s.ctx.pattern_set() == &s.patterns);
}

TEST_CASE("build context: empty and bad patterns are reported where they are") {
  Setup s("x: 1\n");
  CHECK(s.ctx.pattern(*s.fields, "", {3, 4}) == std::nullopt);
  CHECK(s.ctx.pattern(*s.fields, "a(?=b)", {5, 6}) == std::nullopt);
  CHECK(s.messages() ==
        Lines{"3:4: a pattern must not be empty",
              "5:6: bad regular expression 'a(?=b)': invalid perl operator: (?= (RE2 has no "
              "lookahead or lookbehind: match the text itself and list the contexts that must not "
              "count under 'except')"});
}

TEST_CASE("build context: a list of patterns, each error at its item") {
  Setup s("any: [甲, '[乙', 丙]\none: '(a'\nnone: []\n");
  auto ids = s.ctx.patterns(*s.fields, "any");
  CHECK(ids.size() == 2);
  CHECK(s.ctx.patterns(*s.fields, "one").empty());
  CHECK(s.ctx.patterns(*s.fields, "absent").empty());
  CHECK(s.ctx.patterns(*s.fields, "required", true).empty());
  CHECK(s.ctx.patterns(*s.fields, "none", true).empty());
  CHECK(s.messages() == Lines{"1:10: bad regular expression '[乙': missing ]: [乙",
                              "2:6: bad regular expression '(a': missing ): (a",
                              "1:1: missing required key 'required' in this rule",
                              "3:7: 'none' must not be empty"});
}

TEST_CASE("build context: every scope name, and the fallback") {
  Setup s(
      "a: document\nb: title\nc: preamble\nd: body\ne: headings\nf: text\ng: signature\n"
      "h: date\ni: section:measures\n");
  const std::pair<const char*, ScopeKind> expected[] = {
      {"a", ScopeKind::document},  {"b", ScopeKind::title},    {"c", ScopeKind::preamble},
      {"d", ScopeKind::body},      {"e", ScopeKind::headings}, {"f", ScopeKind::text},
      {"g", ScopeKind::signature}, {"h", ScopeKind::date},     {"i", ScopeKind::part}};
  for (const auto& entry : expected) {  // no structured binding: CAPTURE captures it (clang 14)
    const char* key = entry.first;
    const ScopeKind kind = entry.second;
    CAPTURE(key);
    auto scope = s.ctx.scope(*s.fields, key, "body");
    REQUIRE(scope);
    CHECK(scope->kind == kind);
  }
  auto part = s.ctx.scope(*s.fields, "i", "body");
  CHECK(part->part == PartId{"p", "measures"});
  CHECK(part->spelled == "section:measures");
  auto fallback = s.ctx.scope(*s.fields, "absent", "text");
  REQUIRE(fallback);
  CHECK(fallback->kind == ScopeKind::text);
  CHECK(fallback->spelled == "text");
  // Each use of a part is recorded with its place, to be checked once all rules are loaded.
  REQUIRE(s.ctx.part_uses().size() == 2);
  CHECK(s.ctx.part_uses()[0].part == PartId{"p", "measures"});
  CHECK(s.ctx.part_uses()[0].file == "r.yaml");
  CHECK(at(s.ctx.part_uses()[0].pos) == "9:4");
  CHECK(s.errors.empty());
}

TEST_CASE("build context: unknown scopes") {
  Setup s("scope: heading\nother: 'section:'\nlist: [title, 正文, section:a]\n");
  CHECK(s.ctx.scope(*s.fields, "scope", "body") == std::nullopt);
  CHECK(s.ctx.scope(*s.fields, "other", "body") == std::nullopt);
  auto list = s.ctx.scopes(*s.fields, "list");
  REQUIRE(list.size() == 2);
  CHECK(list[0].kind == ScopeKind::title);
  CHECK(list[1].part == PartId{"p", "a"});
  REQUIRE(s.ctx.part_uses().size() == 1);
  CHECK(at(s.ctx.part_uses()[0].pos) == "3:19");
  CHECK(s.messages() == Lines{"1:8: unknown scope 'heading': use document, title, preamble, body, "
                              "headings, part-headings, text, "
                              "signature, date or section:<part> (did you mean 'headings'?)",
                              "2:8: unknown scope 'section:': use document, title, preamble, body, "
                              "headings, part-headings, "
                              "text, signature, date or section:<part>",
                              "3:15: unknown scope '正文' in 'list': use document, title, "
                              "preamble, body, headings, part-headings, "
                              "text, signature, date or section:<part>"});
}

TEST_CASE("build context: messages may use only the placeholders a kind provides") {
  Setup s("ok: 缺少{missing}（{count}/{total}）\nbad: '{match} {heading}'\nempty: ''\n");
  auto ok = s.ctx.message(*s.fields, "ok", {"missing", "count", "total"});
  REQUIRE(ok);
  CHECK(ok->text() == "缺少{missing}（{count}/{total}）");
  CHECK(s.ctx.message(*s.fields, "bad", {"match"}) == std::nullopt);
  CHECK(s.ctx.message(*s.fields, "none", {}) == std::nullopt);
  CHECK(s.ctx.message(*s.fields, "optional", {}, false) == std::nullopt);
  CHECK(s.ctx.message(*s.fields, "empty", {}) == std::nullopt);
  CHECK(s.messages() ==
        Lines{"2:6: unknown placeholder {heading} in 'bad': this kind of rule provides {match}",
              "1:1: missing required key 'none' in this rule", "3:8: 'empty' must not be empty"});
  Setup none("m: '{x}'\n");
  CHECK(none.ctx.message(*none.fields, "m", {}) == std::nullopt);
  CHECK(none.messages() ==
        Lines{"1:4: unknown placeholder {x} in 'm': this kind of rule provides none"});
}

TEST_CASE("build context: severities") {
  Setup s("a: error\nb: info\nc: Warning\n");
  CHECK(severity_field(*s.fields, "a") == Severity::error);
  CHECK(severity_field(*s.fields, "b") == Severity::info);
  CHECK(severity_field(*s.fields, "c") == std::nullopt);
  CHECK(severity_field(*s.fields, "d") == std::nullopt);
  CHECK(severity_field(*s.fields, "e", true) == std::nullopt);
  CHECK(s.messages() == Lines{"3:4: 'c' must be error, warning or info, not 'Warning'",
                              "1:1: missing required key 'e' in this rule"});
}

TEST_CASE("build context: parts are per pack and declared once") {
  Setup s("x: 1\n");
  CHECK(s.ctx.part_id("measures") == PartId{"p", "measures"});
  CHECK(s.ctx.language() == "zh-CN");
  PartDef a;
  a.id = {"", "measures"};  // the pack is the context's
  a.name = "举措";
  CHECK(s.ctx.declare_part(a) == std::nullopt);
  CHECK(s.ctx.declare_part(a) ==
        "another required-section rule of this pack already declares part 'measures'");
  REQUIRE(s.parts.size() == 1);
  CHECK(s.parts[0].id == PartId{"p", "measures"});
  CHECK(s.parts[0].name == "举措");
}

}  // namespace fzcheck::detail
