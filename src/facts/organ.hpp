// Who a report is from, as far as pairing it with the same organ's report of another year needs:
// the words of its title before the year (平潭综合实验区公安局2021年政府信息公开工作年度报告 →
// 平潭综合实验区公安局), else its signature.
#pragma once

#include <string>

#include "fzcheck/document.hpp"

namespace fzcheck::detail {

// The organ of `doc` with whitespace removed; empty when neither the title (before its first
// year) nor a signature names one.
std::string report_organ(const Document& doc);

}  // namespace fzcheck::detail
