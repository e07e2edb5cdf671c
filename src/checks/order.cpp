// kind: order — the parts appear in a given order (checked on the sections at the parts' level).
//
//   parts: [measures, shortcomings, first-responsible, next-year]
//   message: ... {actual} ... {expected} ... {part}
#include <fmt/format.h>

#include "checks/build_context.hpp"

namespace fzcheck::detail {

namespace {

class Order final : public Check {
 public:
  Order(RuleCommon common, std::string language, std::vector<PartId> parts, MessageTemplate message)
      : Check(std::move(common)),
        language_(std::move(language)),
        parts_(std::move(parts)),
        message_(std::move(message)) {}

  void run(const CheckContext& ctx, FindingSink& sink) const override {
    // The listed parts as they come, level-one sections in document order.
    std::vector<std::pair<std::size_t, std::uint32_t>> seen;  // (rank in parts_, section)
    for (std::uint32_t i = 0; i < ctx.doc.sections.size(); ++i) {
      const std::optional<PartId>& part = ctx.facts.parts.top_level[i];
      if (!part) continue;
      for (std::size_t rank = 0; rank < parts_.size(); ++rank) {
        if (parts_[rank] == *part && (seen.empty() || seen.back().first != rank))
          seen.emplace_back(rank, i);
      }
    }
    std::size_t highest = 0;
    std::optional<std::uint32_t> first_out_of_order;
    PartId out_of_order_part;
    for (const auto& [rank, section] : seen) {
      if (rank < highest && !first_out_of_order) {
        first_out_of_order = section;
        out_of_order_part = parts_[rank];
      }
      highest = std::max(highest, rank);
    }
    if (!first_out_of_order) return;
    auto names = [&](const std::vector<PartId>& ids) {
      std::vector<std::string> words;
      for (const auto& id : ids) words.push_back(ctx.part_name(id));
      return join_words(language_, words, Joiner::sequence);
    };
    std::vector<PartId> actual;
    for (const auto& [rank, section] : seen) actual.push_back(parts_[rank]);
    const Section& s = ctx.doc.sections[*first_out_of_order];
    sink.add(*this, {s.marker.span.begin, s.heading.end},
             message_.format({{"actual", names(actual)},
                              {"expected", names(parts_)},
                              {"part", ctx.part_name(out_of_order_part)}}));
  }

 private:
  std::string language_;
  std::vector<PartId> parts_;
  MessageTemplate message_;
};

}  // namespace

std::unique_ptr<Check> make_order(RuleSpec& spec) {
  Fields& f = spec.fields;
  std::vector<PartId> parts;
  for (const Item& item : f.scalars("parts", true)) {
    parts.push_back(spec.ctx.use_part(item.scalar, f.file(), item.pos));
  }
  if (parts.size() < 2 && f.has("parts")) f.error("parts", "'parts' must list at least two parts");
  auto message = spec.ctx.message(f, "message", {"actual", "expected", "part"});
  if (!message || parts.size() < 2) return nullptr;
  return std::make_unique<Order>(spec.common, spec.ctx.language(), std::move(parts),
                                 std::move(*message));
}

}  // namespace fzcheck::detail
