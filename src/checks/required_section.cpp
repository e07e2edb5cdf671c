// kind: required-section — a part the report must have, recognised by its heading.
//
//   part: first-responsible          the name scopes use: section:first-responsible
//   name: 党政主要负责人履行推进法治建设第一责任人职责情况   how messages name it
//   priority: 10                     lower is tried first when a heading could be several parts
//   heading: {level: 1, any: [...], none: [...]}
//   subsection: true                 it may instead be found deeper: then subsection_message
//   subsection_message, subsection_severity
//   body: {any: [...], message: ...} what its text must mention
#include <fmt/format.h>

#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class RequiredSection final : public Check {
 public:
  RequiredSection(RuleCommon common, PartId part, MessageTemplate message,
                  std::optional<MessageTemplate> subsection_message, Severity subsection_severity,
                  std::vector<PatternId> body_any, std::optional<MessageTemplate> body_message)
      : Check(std::move(common)),
        part_(std::move(part)),
        message_(std::move(message)),
        subsection_message_(std::move(subsection_message)),
        subsection_severity_(subsection_severity),
        body_any_(std::move(body_any)),
        body_message_(std::move(body_message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    const PartLocation* found_at = ctx.part(part_);
    if (!found_at) {
      sink.add(*this, ctx.document_start(), message_.format({}));
      return;
    }
    const PartLocation& where = *found_at;
    const Document& doc = ctx.doc;
    if (where.as_subsection && subsection_message_) {
      std::uint32_t found = where.sections.front();
      std::uint32_t top = found;
      while (doc.sections[top].parent >= 0)
        top = static_cast<std::uint32_t>(doc.sections[top].parent);
      const Section& s = doc.sections[found];
      sink.add(*this, ctx.heading_span(found),
               subsection_message_->format(
                   {{"found", ctx.heading_label(found)},
                    {"parent", ctx.heading_label(top)},
                    {"line", std::to_string(doc.locate(s.marker.span.begin).line)}}),
               std::nullopt, subsection_severity_);
    }
    if (body_message_) {
      for (std::uint32_t index : where.sections) {
        Span body = ctx.body_of(index);
        bool mentioned = false;
        for (PatternId id : body_any_) mentioned = mentioned || ctx.matches.any_within(id, body);
        if (!mentioned)
          sink.add(*this, ctx.heading_span(index),
                   body_message_->format({{"heading", ctx.heading_label(index)}}));
      }
    }
  }

 private:
  PartId part_;
  MessageTemplate message_;
  std::optional<MessageTemplate> subsection_message_;
  Severity subsection_severity_;
  std::vector<PatternId> body_any_;
  std::optional<MessageTemplate> body_message_;
};

}  // namespace

std::unique_ptr<Check> make_required_section(RuleSpec& spec) {
  Fields& f = spec.fields;
  BuildContext& ctx = spec.ctx;
  PartDef part;
  part.id = ctx.part_id(f.string("part", true).value_or(""));
  part.name = f.string("name", true).value_or("");
  part.rule_id = spec.common.id;
  part.priority = static_cast<int>(f.integer("priority", 0, 1000).value_or(100));
  auto message = ctx.message(f, "message", {});
  auto heading = f.map("heading", true);
  if (heading) {
    part.level = static_cast<std::uint32_t>(heading->integer("level", 1, 9).value_or(1));
    part.any = ctx.patterns(*heading, "any", true);
    part.none = ctx.patterns(*heading, "none");
  }
  part.subsection = f.boolean("subsection").value_or(false);
  std::optional<MessageTemplate> subsection_message;
  Severity subsection_severity = Severity::warning;
  if (part.subsection) {
    subsection_message = ctx.message(f, "subsection_message", {"found", "parent", "line"});
    subsection_severity = severity_field(f, "subsection_severity").value_or(Severity::warning);
  } else {
    for (const char* key : {"subsection_message", "subsection_severity"}) {
      if (f.has(key)) f.error(key, fmt::format("'{}' needs 'subsection: true'", key));
    }
  }
  std::vector<PatternId> body_any;
  std::optional<MessageTemplate> body_message;
  if (auto body = f.map("body")) {
    body_any = ctx.patterns(*body, "any", true);
    body_message = ctx.message(*body, "message", {"heading"});
  }
  if (!message || !heading || part.id.part.empty()) return nullptr;
  PartId id = part.id;
  if (!ctx.declare_part(std::move(part))) {
    f.error("part",
            fmt::format("another required-section rule of this pack already declares part '{}'",
                        id.part));
    return nullptr;
  }
  return std::make_unique<RequiredSection>(spec.common, std::move(id), std::move(*message),
                                           std::move(subsection_message), subsection_severity,
                                           std::move(body_any), std::move(body_message));
}

}  // namespace fzcheck::detail
