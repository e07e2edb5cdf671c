// Calendar dates: the date of a report, the dates it was submitted and published.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

#include "fzcheck/api.hpp"

namespace FZCHECK_API fzcheck {

struct Date {
  int year = 0, month = 0, day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Whether the date exists in the calendar (years 1900–9999).
bool is_real_date(const Date& date) noexcept;

// "2025-02-24" → Date; nullopt if malformed or not a real date.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;

// A day of a year not named: a deadline such as 3月1日 for "the year after the report's".
struct MonthDay {
  int month = 0, day = 0;
  friend auto operator<=>(const MonthDay&, const MonthDay&) = default;
};

// "03-01" → MonthDay; nullopt unless two-digit month and day of some year ("02-29" is fine).
std::optional<MonthDay> parse_month_day(std::string_view text) noexcept;

}  // namespace fzcheck
