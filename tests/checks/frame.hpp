// Helpers for the tests of the kinds that look at a report's frame (title, signature, date, year).
#pragma once

#include <string>

#include "rule_pack.hpp"

namespace fzcheck::test {

// A rule set with rule "m" of `kind` (plus an optional second rule "next-year").
inline RuleSet one_rule(const std::string& kind, const std::string& body,
                        const std::string& severity = "warning",
                        const std::string& extra_rules = "") {
  RulePack pack;
  pack.rule("m", rule_head("m", kind, severity) + body);
  if (!extra_rules.empty()) pack.rule("next-year", extra_rules);
  return pack.rules();
}

inline CheckOptions only_m() {
  CheckOptions o;
  o.only = {"m"};
  return o;
}

// A small report about 2024 with a title, two parts and the given ending (signature and date).
inline std::string report(const std::string& title = "某局关于2024年度法治政府建设情况的报告",
                          const std::string& ending = "某县教育局\n2025年2月24日\n") {
  return title +
         "\n"
         "2024年，我局推进工作。\n"
         "一、主要举措\n"
         "2024年完成了工作。\n"
         "二、2025年工作安排\n"
         "继续努力。\n" +
         ending;
}

// The load errors of rule "m" of `kind`, files relative to the pack.
inline Lines kind_errors(const std::string& kind, const std::string& body) {
  RulePack pack;
  pack.rule("m", rule_head("m", kind) + body);
  return errors(pack.load(), pack.path());
}

}  // namespace fzcheck::test
