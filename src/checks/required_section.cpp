// kind: required-section — a part the report must have. Its content counts wherever it is: under
// a level-one heading of its own, as the themes of a thematic report, under a heading further
// down, or in a paragraph or sentence without a heading. Missing content is the rule's finding;
// content that is there but not a part of its own gets a milder one.
//
//   part: first-responsible          the name scopes use: section:first-responsible
//   name: 党政主要负责人履行推进法治建设第一责任人职责情况   how messages name it
//   priority: 10                     lower is tried first when a heading could be several parts
//   heading: {level: 1, any: [...], none: [...]}   its own heading
//   thematic: true                   level-one parts that are no other part are this part, up to
//                                    the first other part; or {until: [parts]}: up to one of these
//   subheading: true                 a heading further down, matched as its own heading, counts;
//               or {any: [...], none: [...]} with patterns of its own
//   content: {any: [...], where: anywhere | end | no-parts, sentence: true}
//                                    words that recognise it in a paragraph without a heading
//                                    (end: only in the second half, outside other parts' own
//                                    headings; no-parts: only in a text without level-one
//                                    headings, unless inside_other_parts: true); sentence: it
//                                    sits inside other text (tried after sub-headings)
//   subheading_message: ... {found} {parent} {line} ...   found under a heading further down
//   unheaded_message: ... {excerpt} {line} ...             found in a paragraph or sentence
//   inside_severity: info            of those two (default info)
//   body: {any: [...], message: ...} what the text under its own heading must mention
// Nothing is said about a part that is missing from a text that was cut off.
#include <fmt/format.h>

#include "checks/build_context.hpp"
#include "model/locator.hpp"

namespace fzcheck::detail {

namespace {

class RequiredSection final : public Check {
 public:
  RequiredSection(RuleCommon common, PartId part)
      : Check(std::move(common)), part_(std::move(part)) {}

  MessageTemplate message;
  std::optional<MessageTemplate> subheading_message, unheaded_message;
  Severity inside_severity = Severity::info;
  std::vector<PatternId> body_any;
  std::optional<MessageTemplate> body_message;

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const PartLocation* where = ctx.part(part_);
    if (!where) {
      if (!ctx.facts.truncated) sink.add(*this, ctx.document_start(), message.format({}));
      return;
    }
    const bool inside = where->how == PartHow::subheading || where->how == PartHow::paragraph ||
                        where->how == PartHow::sentence;
    if (inside && ctx.options.parts_inside_ok) return;  // the office's policy
    const Document& doc = ctx.doc;
    const std::string line = std::to_string(line_at(doc, where->found.begin));
    switch (where->how) {
      case PartHow::heading:
        own_heading(ctx, sink, *where);
        return;
      case PartHow::thematic:
        return;
      case PartHow::subheading:
        if (subheading_message) {
          std::uint32_t found = where->sections.front();
          std::uint32_t top = found;
          while (doc.sections[top].parent >= 0)
            top = static_cast<std::uint32_t>(doc.sections[top].parent);
          sink.add(*this, ctx.heading_span(found),
                   subheading_message->format({{"found", ctx.heading_label(found)},
                                               {"parent", ctx.heading_label(top)},
                                               {"line", line}}),
                   std::nullopt, inside_severity);
        }
        return;
      case PartHow::paragraph:
      case PartHow::sentence:
        if (unheaded_message) {
          sink.add(*this, where->found,
                   unheaded_message->format(
                       {{"excerpt", std::string(doc.str(where->found))}, {"line", line}}),
                   std::nullopt, inside_severity);
        }
        return;
    }
  }

 private:
  void own_heading(const CheckContext& ctx, FindingSink& sink, const PartLocation& where) const {
    if (!body_message) return;
    for (std::uint32_t index : where.sections) {
      Span body = ctx.body_of(index);
      bool mentioned = false;
      for (PatternId id : body_any) mentioned = mentioned || ctx.matches.any_within(id, body);
      if (!mentioned)
        sink.add(*this, ctx.heading_span(index),
                 body_message->format({{"heading", ctx.heading_label(index)}}));
    }
  }

  PartId part_;
};

std::optional<ContentWhere> where_field(Fields& f) {
  auto text = f.string("where");
  if (!text || *text == "anywhere") return ContentWhere::anywhere;
  if (*text == "end") return ContentWhere::end;
  if (*text == "no-parts") return ContentWhere::no_parts;
  f.error("where", fmt::format("'where' must be anywhere, end or no-parts, not '{}'", *text));
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Check> make_required_section(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  PartDef part;
  part.id = ctx.part_id(f.string("part", true).value_or(""));
  if (part.id.part.find(':') != std::string::npos) {
    f.error("part",
            fmt::format("part id '{}' must not contain ':', which separates a pack from its "
                        "part where a rule names the part of another pack",
                        part.id.part));
    part.id.part.clear();
  }
  part.name = f.string("name", true).value_or("");
  part.rule_id = spec.common.id;
  part.priority = static_cast<int>(f.integer("priority", 0, 1000).value_or(100));
  auto check = std::make_unique<RequiredSection>(spec.common, part.id);
  auto message = ctx.message(f, "message", {});
  if (auto heading = f.map("heading")) {
    part.level = static_cast<std::uint32_t>(heading->integer("level", 1, 9).value_or(1));
    part.any = ctx.patterns(*heading, "any", true);
    part.none = ctx.patterns(*heading, "none");
  }
  if (auto themes = f.map_or_bool("thematic")) {
    part.thematic = themes->on;
    if (themes->fields) part.themes_until = themes->fields->strings("until", true);
  }
  if (auto sub = f.map_or_bool("subheading")) {
    part.subheading = sub->on;
    if (sub->fields) {
      part.sub_any = ctx.patterns(*sub->fields, "any", true);
      part.sub_none = ctx.patterns(*sub->fields, "none");
    } else if (part.subheading && part.any.empty()) {
      f.error("subheading", "'subheading: true' needs 'heading' patterns to recognise the heading");
    }
  }
  if (auto content = f.map("content")) {
    // Matched only when the part is looked for without a heading, not by the scan.
    part.content = ctx.patterns(*content, "any", true, Where::nowhere);
    part.where = where_field(*content).value_or(ContentWhere::anywhere);
    part.sentence = content->boolean("sentence").value_or(false);
    part.inside_others = content->boolean("inside_other_parts").value_or(false);
  }
  if (!f.has("heading") && !part.thematic && !f.has("content"))
    f.error_at(f.pos(), "a required part needs 'heading', 'thematic' or 'content' to be found by");
  check->subheading_message =
      ctx.message(f, "subheading_message", {"found", "parent", "line"}, false);
  check->unheaded_message = ctx.message(f, "unheaded_message", {"excerpt", "line"}, false);
  check->inside_severity = severity_field(f, "inside_severity").value_or(Severity::info);
  if (check->subheading_message && !part.subheading)
    f.error("subheading_message", "'subheading_message' needs 'subheading: true'");
  if (check->unheaded_message && part.content.empty())
    f.error("unheaded_message", "'unheaded_message' needs 'content'");
  if (auto body = f.map("body")) {
    check->body_any = ctx.patterns(*body, "any", true);
    check->body_message = ctx.message(*body, "message", {"heading"});
  }
  if (!message || part.id.part.empty()) return nullptr;
  check->message = std::move(*message);
  if (auto refused = ctx.declare_part(std::move(part))) {
    f.error("part", *refused);
    return nullptr;
  }
  return check;
}

}  // namespace fzcheck::detail
