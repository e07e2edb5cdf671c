// Calendar dates: is_real_date() and parse_iso_date().
#include <doctest/doctest.h>

#include "fzcheck/date.hpp"

namespace fzcheck {

TEST_CASE("parse_iso_date accepts real dates only") {
  CHECK(parse_iso_date("2025-02-24") == Date{2025, 2, 24});
  CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
  CHECK(parse_iso_date("2000-02-29") == Date{2000, 2, 29});
  CHECK(parse_iso_date("2024-12-31") == Date{2024, 12, 31});
  CHECK(parse_iso_date("1900-01-01") == Date{1900, 1, 1});
  CHECK(parse_iso_date("2025-02-29") == std::nullopt);
  CHECK(parse_iso_date("1900-02-29") == std::nullopt);
  CHECK(parse_iso_date("2025-04-31") == std::nullopt);
  CHECK(parse_iso_date("2025-13-01") == std::nullopt);
  CHECK(parse_iso_date("2025-00-10") == std::nullopt);
  CHECK(parse_iso_date("2025-01-00") == std::nullopt);
  CHECK(parse_iso_date("1899-12-31") == std::nullopt);
  CHECK(parse_iso_date("2025-2-24") == std::nullopt);
  CHECK(parse_iso_date("2025/02/24") == std::nullopt);
  CHECK(parse_iso_date("2025-02-2x") == std::nullopt);
  CHECK(parse_iso_date("+025-02-24") == std::nullopt);
  CHECK(parse_iso_date("2025-02-24 ") == std::nullopt);
  CHECK(parse_iso_date("") == std::nullopt);
  CHECK(Date{2025, 3, 1} > Date{2025, 2, 28});
  CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
}

TEST_CASE("is_real_date: leap years and the range of years") {
  CHECK(is_real_date({2024, 2, 29}));
  CHECK_FALSE(is_real_date({2100, 2, 29}));
  CHECK(is_real_date({2000, 2, 29}));
  CHECK(is_real_date({9999, 12, 31}));
  CHECK_FALSE(is_real_date({1899, 12, 31}));
  CHECK_FALSE(is_real_date({2025, 6, 31}));
  CHECK_FALSE(is_real_date({}));
}

TEST_CASE("parse_month_day: MM-DD of some year") {
  CHECK(parse_month_day("03-01") == MonthDay{3, 1});
  CHECK(parse_month_day("02-29") == MonthDay{2, 29});  // a deadline in a leap year
  CHECK(parse_month_day("12-31") == MonthDay{12, 31});
  CHECK_FALSE(parse_month_day("02-30"));
  CHECK_FALSE(parse_month_day("13-01"));
  CHECK_FALSE(parse_month_day("3-01"));
  CHECK_FALSE(parse_month_day("03/01"));
  CHECK_FALSE(parse_month_day("0301x"));
  CHECK_FALSE(parse_month_day(""));
}

}  // namespace fzcheck
