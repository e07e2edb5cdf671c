// kind: conversion-artefact — leftovers of a document converter such as [bookmark: _GoBack],
// which the reader keeps as artefacts. The replacement removes them.
//
//   message: ... {found} ...
#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class ConversionArtefact final : public Check {
 public:
  ConversionArtefact(RuleCommon common, MessageTemplate message)
      : Check(std::move(common)), message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    std::vector<Span> regions = ctx.regions(common().scope);
    for (const Artefact& a : ctx.doc.artefacts) {
      if (!CheckContext::inside_any({a.span.begin, a.span.end}, regions)) continue;
      sink.add(*this, a.span, message_.format({{"found", std::string(ctx.doc.str(a.span))}}),
               std::string());
    }
  }

 private:
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_conversion_artefact(RuleSpec& spec) {
  auto message = spec.ctx.message(spec.fields, "message", {"found"});
  if (!message) return nullptr;
  return std::make_unique<ConversionArtefact>(spec.common, std::move(*message));
}

}  // namespace fzcheck::detail
