// ASCII helpers: case folding and paths as URI references.
#include <doctest/doctest.h>

#include "text/ascii.hpp"

namespace fzcheck {

TEST_CASE("ascii: case folding and case-blind search") {
  CHECK(ascii::lower("DocX.XML") == "docx.xml");
  CHECK(ascii::iequals("W:P", "w:p"));
  CHECK_FALSE(ascii::iequals("w:p", "w:pp"));
  CHECK(ascii::ifind("<HTML><Body>", "<body") == 6);
  CHECK(ascii::ifind("abc", "x") == std::string_view::npos);
}

TEST_CASE("ascii: a path as a URI reference keeps only unreserved characters and '/'") {
  CHECK(ascii::percent_encode_path("dir/a-b_c.~d.txt") == "dir/a-b_c.~d.txt");
  CHECK(ascii::percent_encode_path("样本 报告#1 (100%).txt") ==
        "%E6%A0%B7%E6%9C%AC%20%E6%8A%A5%E5%91%8A%231%20%28100%25%29.txt");
  CHECK(ascii::percent_encode_path("C:\\x") == "C%3A%5Cx");
}

}  // namespace fzcheck
