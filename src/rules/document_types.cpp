// The document types a pack declares and the types it applies to (pack.yaml):
//
//   applies_to: [fazhi-report]        or `all` (the default): the documents its rules run on
//   document_types:
//     - id: fazhi-report
//       name: 法治政府建设年度报告
//       priority: 10                  lower is tried first
//       title: ['法治政府建设.{0,20}报告']   one must match the title…
//       not_title: ['通知', '意见']    …and none of these
//       body: ['法治政府建设', '依法行政']   without a title, words the text uses…
//       body_min: 3                   …this many times in all…
//       body_per_thousand: 4          …and this often per 1,000 characters
//     - {id: gongwen, name: 公文, fallback: true}   the type of what no other type fits
//   genres: [通知, 意见, 报告]          文种 words a title ends with, shown with the type
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rules/ruleset_impl.hpp"

namespace fzcheck::detail {

namespace {

constexpr std::string_view kAll = "all";

bool valid_type_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

void read_document_types(Fields& f, BuildContext& ctx, PackInfo& pack, std::vector<TypeUse>& uses,
                         TypeTable& table) {
  for (const Item& item : f.scalars("applies_to")) {
    if (item.scalar == kAll) continue;
    // A type may be named with the pack that declares it: fazhi-report:fazhi-report.
    std::size_t colon = item.scalar.find(':');
    std::string type = colon == std::string::npos ? item.scalar : item.scalar.substr(colon + 1);
    pack.applies_to.push_back(type);
    uses.push_back({type, f.file(), item.pos,
                    colon == std::string::npos ? std::string() : item.scalar.substr(0, colon)});
  }
  for (const Item& item : f.list("document_types")) {
    if (!item.fields) {
      f.error_at(item.pos, "each document type is a mapping with at least 'id' and 'name'");
      continue;
    }
    Fields& t = *item.fields;
    TypeDef def;
    def.id = t.string("id", true).value_or("");
    def.name = t.string("name", true).value_or("");
    def.pack = pack.id;
    def.priority = static_cast<int>(t.integer("priority", 0, 1000).value_or(100));
    def.fallback = t.boolean("fallback").value_or(false);
    def.title = ctx.patterns(t, "title", !def.fallback);
    def.not_title = ctx.patterns(t, "not_title");
    def.body = ctx.patterns(t, "body");
    def.body_min = static_cast<std::uint32_t>(t.integer("body_min", 1, 100000).value_or(0));
    def.body_per_thousand =
        static_cast<std::uint32_t>(t.integer("body_per_thousand", 0, 1000).value_or(0));
    if (!def.body.empty() && def.body_min == 0)
      t.error("body", "'body' needs 'body_min': how many mentions make the type");
    if (!def.id.empty() && !valid_type_id(def.id)) {
      t.error("id", fmt::format("document type id '{}' must be lower-case letters, digits and "
                                "hyphens",
                                def.id));
      def.id.clear();
    }
    if (def.fallback && (!def.title.empty() || def.body_min > 0))
      t.error("fallback",
              "the fallback type is what no other type fits: it has no 'title' or 'body'");
    if (def.id.empty() || def.name.empty()) continue;
    if (table.find(def.id)) {
      t.error("id", fmt::format("document type '{}' is declared twice", def.id));
    } else if (def.fallback && table.fallback) {
      t.error("fallback",
              fmt::format("there is already a fallback type, '{}'", table.fallback->id));
    } else if (def.fallback) {
      table.fallback = std::move(def);
    } else {
      table.types.push_back(std::move(def));
    }
  }
  for (const std::string& genre : f.strings("genres")) table.genres.push_back(genre);
}

void check_document_types(TypeTable& table, const std::vector<TypeUse>& uses, ErrorSink& errors) {
  for (const TypeUse& use : uses) {
    if (const TypeDef* found = table.find(use.type)) {
      if (!use.pack.empty() && found->pack != use.pack)
        errors.add(ErrorCode::rule_schema, use.file, use.pos,
                   fmt::format("document type '{}' is declared by pack '{}', not '{}'", use.type,
                               found->pack, use.pack));
      continue;
    }
    std::string known;
    for (const TypeDef& t : table.types) known += (known.empty() ? "" : ", ") + t.id;
    if (table.fallback) known += (known.empty() ? "" : ", ") + table.fallback->id;
    errors.add(ErrorCode::rule_schema, use.file, use.pos,
               fmt::format("unknown document type '{}' in 'applies_to': the packs declare {}",
                           use.type, known.empty() ? "none" : known));
  }
  std::stable_sort(table.types.begin(), table.types.end(),
                   [](const TypeDef& a, const TypeDef& b) { return a.priority < b.priority; });
}

void read_summary_columns(Fields& f, BuildContext& ctx, PackInfo& pack,
                          std::vector<TypeUse>& rules) {
  for (const Item& item : f.list("summary")) {
    if (!item.fields) {
      f.error_at(item.pos, "each summary column is a mapping: {part: ID} or {title, rule, cells}");
      continue;
    }
    Fields& c = *item.fields;
    SummaryColumn column;
    column.part = c.string("part").value_or("");
    if (!column.part.empty()) {
      // This pack's part or, by plain id, the part of a pack it extends.
      PartId id = ctx.use_part(column.part, f.file(), c.pos("part"), "in 'summary'");
      column.part = id.part;
      column.part_pack = id.pack;
    }
    const bool part_column = !c.has("rule");
    if (part_column && column.part.empty())
      c.error_at(c.pos(),
                 "a summary column has either 'rule' (with 'title' and 'cells') or 'part'");
    if (part_column) {
      c.finish();
      pack.summary.push_back(std::move(column));
      continue;
    }
    column.title = c.string("title", true).value_or("");
    column.rule = c.string("rule", true).value_or("");
    if (!column.rule.empty()) rules.push_back({column.rule, f.file(), c.pos("rule"), {}});
    if (auto cells = c.map("cells", true)) {
      column.pass = cells->string("pass", true).value_or("");
      for (Severity s : {Severity::info, Severity::warning, Severity::error})
        column.cells[static_cast<std::size_t>(s)] = cells->string(to_string(s)).value_or("");
      cells->finish();
    }
    c.finish();
    pack.summary.push_back(std::move(column));
  }
}

}  // namespace fzcheck::detail
