// Plain text of any encoding: the encoding is detected (BOM, UTF-8, GB18030, UTF-16 without a
// BOM), the bytes decoded, the structure parsed. Any input either reads or gives an error.
#include "common.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::text;
  auto doc = fzcheck::read_bytes(fzcheck::fuzz::bytes(data, size), "fuzz.txt", options);
  if (doc) {
    FUZZ_ASSERT(!doc->encoding.empty());
    for (const auto& p : doc->paragraphs) FUZZ_ASSERT(p.span.end <= doc->text.size());
  } else {
    FUZZ_ASSERT(!doc.errors().empty());
  }
  return 0;
}
