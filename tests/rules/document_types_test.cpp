// pack.yaml's document types and applies_to: every mistake reported with its place.
#include <doctest/doctest.h>

#include "rule_pack.hpp"

namespace fzcheck {

TEST_CASE("document types: load errors at their places") {
  test::RulePack pack("p",
                      "applies_to: [law, nothing]\n"
                      "document_types:\n"
                      "  - {id: law, name: 法治报告, title: [法治]}\n"
                      "  - {id: law, name: 又一个, title: [法治]}\n"
                      "  - {id: Bad_Id, name: x, title: [x]}\n"
                      "  - {id: v, name: y, body: [依法]}\n"
                      "  - {id: f, name: 公文, fallback: true, title: [x]}\n"
                      "  - {id: g, name: 另一个, fallback: true}\n"
                      "  - {id: h, name: 无标题}\n"
                      "  - just-a-name\n");
  pack.rule("r", test::rule_head("r", "pattern") + "message: m\nterms: [甲]\n");
  CHECK(test::errors(pack.load(), pack.path()) ==
        test::Lines{
            "pack.yaml:3:19: unknown document type 'nothing' in 'applies_to': the packs declare "
            "law, v, h, f",
            "pack.yaml:6:10: document type 'law' is declared twice",
            "pack.yaml:7:10: document type id 'Bad_Id' must be lower-case letters, digits and "
            "hyphens",
            "pack.yaml:8:5: missing required key 'title' in this item of 'document_types'",
            "pack.yaml:8:28: 'body' needs 'body_min': how many mentions make the type",
            "pack.yaml:9:33: the fallback type is what no other type fits: it has no 'title' or "
            "'body'",
            "pack.yaml:10:34: there is already a fallback type, 'f'",
            "pack.yaml:11:5: missing required key 'title' in this item of 'document_types'",
            "pack.yaml:12:5: each document type is a mapping with at least 'id' and 'name'"});
}

}  // namespace fzcheck
