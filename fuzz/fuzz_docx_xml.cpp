// The .docx reader behind a valid zip: the fuzz input is word/document.xml (docx_template.hpp).
#include "common.hpp"
#include "docx_template.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string docx = fzcheck::fuzz::docx_around(fzcheck::fuzz::bytes(data, size));
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::docx;
  auto doc = fzcheck::read_bytes(docx, "fuzz.docx", options);
  if (doc) {
    for (const auto& p : doc->paragraphs) FUZZ_ASSERT(p.span.end <= doc->text.size());
  }
  return 0;
}
