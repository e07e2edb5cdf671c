// HTML of any encoding: the charset is detected (BOM, <meta>, content), the page parsed, the
// report's element guessed, its text read.
#include "common.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::html;
  auto doc = fzcheck::read_bytes(fzcheck::fuzz::bytes(data, size), "fuzz.html", options);
  if (doc) {
    for (const auto& p : doc->paragraphs) FUZZ_ASSERT(p.span.end <= doc->text.size());
  }
  return 0;
}
