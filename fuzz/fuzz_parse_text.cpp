// The structure builder on arbitrary UTF-8: title, headings and their numbering, sections,
// signature, date, artefacts. Invalid UTF-8 is refused; anything else parses.
#include "common.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto doc = fzcheck::parse_text(fzcheck::fuzz::bytes(data, size), "fuzz.txt");
  if (!doc) return 0;
  const auto text_size = doc->text.size();
  for (const auto& p : doc->paragraphs)
    FUZZ_ASSERT(p.span.begin <= p.span.end && p.span.end <= text_size);
  for (std::size_t i = 0; i < doc->sections.size(); ++i) {
    const auto& s = doc->sections[i];
    FUZZ_ASSERT(s.paragraph < doc->paragraphs.size());
    FUZZ_ASSERT(s.end_paragraph <= doc->paragraphs.size());
    FUZZ_ASSERT(s.heading.end <= text_size && s.extent.end <= text_size);
    FUZZ_ASSERT(s.parent < static_cast<std::int32_t>(i));
    for (auto child : s.children) FUZZ_ASSERT(child > i && child < doc->sections.size());
  }
  if (!doc->text.empty()) {
    auto pos = doc->locate(static_cast<std::uint32_t>(text_size));
    FUZZ_ASSERT(pos.line >= 1);
  }
  return 0;
}
