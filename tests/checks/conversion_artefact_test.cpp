// kind: conversion-artefact — converter tags such as [bookmark: _GoBack], removed by the fix.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

RuleSet artefact_rules(const std::string& more = "") {
  RulePack pack;
  pack.rule("art", rule_head("art", "conversion-artefact", "info") + more +
                       "message: “{found}”是转换遗留\n");
  return pack.rules();
}

}  // namespace

TEST_CASE("conversion-artefact: every tag, anywhere, with an empty replacement") {
  Report r = check(test::parse("[bookmark: _GoBack]标题报告\n一、工作\n正文[comment: 批注]内容。\n"
                               "3、 [bookmark: _GoBack]下一步\n"),
                   artefact_rules());
  CHECK(test::show(r) == Lines{"1:1-1:20 art info: “[bookmark: _GoBack]”是转换遗留 => ",
                               "3:3-3:16 art info: “[comment: 批注]”是转换遗留 => ",
                               "4:4-4:23 art info: “[bookmark: _GoBack]”是转换遗留 => "});
  for (const Finding& f : r.findings) {
    CHECK(f.replacement == std::optional<std::string>(""));
    CHECK(f.excerpt.front() == '[');
    CHECK(f.excerpt.back() == ']');
  }
}

TEST_CASE("conversion-artefact: brackets that are no tag") {
  CHECK(test::run(artefact_rules(),
                  "标题报告\n一、工作\n见[1]和[注]，[ab: x]，[Bookmark: x]，[bookmark x]，[link:\n")
            .empty());
}

TEST_CASE("conversion-artefact: scope") {
  CHECK(test::run(artefact_rules("scope: body\n"),
                  "[bookmark: a]标题报告\n一、工作\n正文[bookmark: b]。\n某局\n2025年1月2日\n") ==
        Lines{"3:3-3:16 art info: “[bookmark: b]”是转换遗留 => "});
}

TEST_CASE("conversion-artefact: load errors") {
  RulePack pack;
  pack.rule("art", rule_head("art", "conversion-artefact") + "message: '{tag}'\nremove: true\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"art/rule.yaml:5:10: unknown placeholder {tag} in 'message': this kind of rule "
              "provides {found}",
              "art/rule.yaml:6:1: unknown key 'remove' in this rule"});
}

}  // namespace fzcheck
