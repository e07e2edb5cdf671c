// A .docx as raw bytes: the zip container, then every XML part the reader loads. Most mutations
// stop at the zip's checksums; fuzz_docx_xml reaches the XML parts.
#include "common.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::docx;
  auto doc = fzcheck::read_bytes(fzcheck::fuzz::bytes(data, size), "fuzz.docx", options);
  if (doc) {
    for (const auto& p : doc->paragraphs) FUZZ_ASSERT(p.span.end <= doc->text.size());
  }
  return 0;
}
