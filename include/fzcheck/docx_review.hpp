// Word in, Word out: a copy of a .docx with the findings as Word comments anchored at the text
// they concern, and the certain corrections (Finding::replacement) as tracked changes that the
// author accepts or rejects in Word or WPS, or applied directly. Everything else in the package
// (formatting, numbering, tables, images, existing comments and revisions) is copied unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fzcheck/api.hpp"
#include "fzcheck/error.hpp"
#include "fzcheck/finding.hpp"
#include "fzcheck/read.hpp"

namespace FZCHECK_API fzcheck {

struct DocxReviewOptions {
  bool comments = true;  // write every finding as a comment
  enum class Changes {
    tracked,  // corrections as revisions (w:del + w:ins)
    direct,   // corrections applied to the text
    none,     // no corrections (they are in the comments)
  };
  Changes changes = Changes::tracked;
  std::string author = "fzcheck";  // of the comments and revisions
  std::string initials = "fz";
  std::string date;  // "2026-12-06T09:30:00Z" on comments and revisions; empty: no date
  std::string language = "zh-CN";  // of the words in the comments (severity, 建议, 依据)
};

struct DocxReview {
  std::string bytes;                 // the new .docx
  std::size_t comments = 0;          // comments written
  std::vector<Finding> changed;      // corrections written (tracked or applied)
  std::vector<Finding> not_changed;  // corrections left to the comments: they overlap another,
                                     // cross a paragraph, or touch text Word does not store as
                                     // plain runs (fields, list numbers, tabs, earlier revisions)
};

// `docx` is the file's content, `name` its name (for errors); `findings` are a check of the same
// content (offsets into the text read_bytes gives). The input is not changed. Errors: the
// reader's (the content is not a readable .docx) and ErrorCode::internal when the text read back
// from the new copy is not what it should be (nothing is then returned).
Result<DocxReview> review_docx(std::string_view docx, std::string_view name,
                               const std::vector<Finding>& findings,
                               const DocxReviewOptions& options = {},
                               const ReadOptions& read_options = {});

}  // namespace fzcheck
