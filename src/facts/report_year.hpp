// The year a report is about, from its title or else its body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

struct ReportYear {
  std::optional<int> title;   // the first year in the title
  std::optional<int> body;    // the year the preamble and the first part mention most
  std::optional<int> report;  // the year reported on: the title's, else the body's
};

ReportYear find_report_year(const Document& doc);

// The first year of `text` (2024年, 二〇二四年), and where it starts as a byte offset.
std::optional<int> first_year(std::string_view text);
std::optional<std::size_t> first_year_offset(std::string_view text);

// Text without what is inside 《…》: the years in document titles ("（2021—2025年）") are not the
// years a report speaks about.
std::string outside_titles(std::string_view text);

}  // namespace fzcheck::detail
