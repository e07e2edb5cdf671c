// fzcheck annotate: the fuzz input is word/document.xml of a valid .docx (docx_template.hpp); it
// is read, checked with the default packs and written back with comments and tracked changes
// (then with corrections made directly). The copy must open again, and its text must be the
// original with the corrections it wrote made (tracked changes read as accepted).
#include <algorithm>

#include "common.hpp"
#include "docx_template.hpp"
#include "fzcheck/check.hpp"
#include "fzcheck/docx_review.hpp"
#include "fzcheck/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string docx = fzcheck::fuzz::docx_around(fzcheck::fuzz::bytes(data, size));
  fzcheck::ReadOptions options;
  options.format = fzcheck::InputFormat::docx;
  auto doc = fzcheck::read_bytes(docx, "fuzz.docx", options);
  if (!doc) return 0;
  const fzcheck::Report report = fzcheck::check(*doc, fzcheck::RuleSet::builtin());
  fzcheck::fuzz::check_findings(*doc, report);
  for (auto changes : {fzcheck::DocxReviewOptions::Changes::tracked,
                       fzcheck::DocxReviewOptions::Changes::direct}) {
    fzcheck::DocxReviewOptions review_options;
    review_options.changes = changes;
    auto review = fzcheck::review_docx(docx, "fuzz.docx", report.findings, review_options, options);
    if (!review) {
      // The writer refuses only when what it would write does not read back as it should: that
      // is a bug of the writer, not of the input.
      for (const auto& e : review.errors()) {
        std::fprintf(stderr, "review_docx: %s\n", e.message.c_str());
        FUZZ_ASSERT(e.code != fzcheck::ErrorCode::internal);
      }
      continue;
    }
    auto reread = fzcheck::read_bytes(review->bytes, "fuzz.reviewed.docx", options);
    FUZZ_ASSERT(reread.ok());
    // Read back, tracked changes count as accepted: the original with the corrections made.
    std::vector<fzcheck::Finding> changed = review->changed;
    std::sort(changed.begin(), changed.end(),
              [](const auto& a, const auto& b) { return a.begin_offset > b.begin_offset; });
    std::string expected = doc->text;
    for (const auto& f : changed) {
      FUZZ_ASSERT(f.replacement && f.end_offset <= expected.size());
      expected.replace(f.begin_offset, f.end_offset - f.begin_offset, *f.replacement);
    }
    FUZZ_ASSERT(reread->text == expected);
  }
  return 0;
}
