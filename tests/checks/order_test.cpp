// kind: order — the declared parts come in a given order.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

namespace {

using test::Lines;
using test::rule_head;
using test::RulePack;

std::string part(const std::string& id, const std::string& name, const std::string& word) {
  return rule_head(id, "required-section") + "part: " + id + "\nname: " + name +
         "\nheading: {any: [" + word + "]}\nmessage: 缺\n";
}

RuleSet rules(const std::string& pack_yaml = "") {
  RulePack pack("t", pack_yaml);
  pack.rule("a", part("a", "举措", "举措"))
      .rule("b", part("b", "不足", "不足"))
      .rule("c", part("c", "安排", "安排"))
      .rule("order", rule_head("order", "order", "info") +
                         "parts: [a, b, c]\n"
                         "message: 顺序为“{actual}”，应为“{expected}”；“{part}”靠前了\n");
  return pack.rules();
}

CheckOptions only_order() {
  CheckOptions o;
  o.only = {"order"};
  return o;
}

}  // namespace

TEST_CASE("order: parts in order, or the first one out of order") {
  RuleSet set = rules();
  CHECK(test::run(set, "某局2024年度报告\n一、举措\n二、不足\n三、安排\n", only_order()).empty());
  // Missing parts and other sections do not matter.
  CHECK(test::run(set, "某局2024年度报告\n一、举措\n二、其他\n三、安排\n", only_order()).empty());
  CHECK(test::run(set, "某局2024年度报告\n一、不足\n二、举措\n三、安排\n", only_order()) ==
        Lines{"3:1-3:5 order info: 顺序为“不足→举措→安排”，应为“举措→不足→安排”；“举措”靠前了"});
  CHECK(test::run(set, "某局2024年度报告\n一、安排\n二、举措\n三、不足\n", only_order()) ==
        Lines{"3:1-3:5 order info: 顺序为“安排→举措→不足”，应为“举措→不足→安排”；“举措”靠前了"});
  // Two sections of one part in a row count once; coming back to a part later is out of order.
  CHECK(test::run(set, "某局2024年度报告\n一、举措一\n二、举措二\n三、不足\n四、举措三\n",
                  only_order()) ==
        Lines{"5:1-5:6 order info: 顺序为“举措→不足→举措”，应为“举措→不足→安排”；“举措”靠前了"});
  // Only level-one sections count.
  CHECK(test::run(set, "某局2024年度报告\n一、举措\n（一）安排\n二、不足\n", only_order()).empty());
}

TEST_CASE("order: an English pack joins with arrows of its own") {
  RuleSet set = rules("language: en\n");
  CHECK(
      test::run(set, "某局2024年度报告\n一、不足\n二、举措\n", only_order()) ==
      Lines{"3:1-3:5 order info: 顺序为“不足 -> 举措”，应为“举措 -> 不足 -> 安排”；“举措”靠前了"});
}

TEST_CASE("order: load errors of the kind") {
  RulePack pack;
  pack.rule("a", part("a", "举措", "举措"))
      .rule("order", rule_head("order", "order") + "parts: [a]\nmessage: '{actual}{order}'\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        Lines{"order/rule.yaml:5:8: 'parts' must list at least two parts",
              "order/rule.yaml:6:10: unknown placeholder {order} in 'message': this kind of rule "
              "provides {actual}, {expected}, {part}"});
  RulePack none;
  none.rule("order", rule_head("order", "order") + "message: m\n");
  CHECK(test::errors(none.load(), none.path()) ==
        Lines{"order/rule.yaml:1:1: missing required key 'parts' in this rule"});
}

}  // namespace fzcheck
