#include "fzcheck/error.hpp"

#include <doctest/doctest.h>

namespace fzcheck {

TEST_CASE("Error::to_string leaves out what is unknown") {
  CHECK(Error{ErrorCode::encoding, "bad", "a.txt", {3, 7}}.to_string() == "a.txt:3:7: bad");
  CHECK(Error{ErrorCode::encoding, "bad", "a.txt", {3, 0}}.to_string() == "a.txt:3: bad");
  CHECK(Error{ErrorCode::encoding, "bad", "a.txt", {}}.to_string() == "a.txt: bad");
  CHECK(Error{ErrorCode::usage, "bad", "", {}}.to_string() == "bad");
}

TEST_CASE("ErrorCode names are stable") {
  CHECK(std::string(to_string(ErrorCode::not_found)) == "not_found");
  CHECK(std::string(to_string(ErrorCode::limit_exceeded)) == "limit_exceeded");
  CHECK(std::string(to_string(ErrorCode::rule_schema)) == "rule_schema");
}

TEST_CASE("Result holds a value or all the errors") {
  Result<int> good = 5;
  CHECK(good.ok());
  CHECK(*good == 5);
  Result<int> bad =
      std::vector<Error>{{ErrorCode::usage, "one", "", {}}, {ErrorCode::usage, "two", "", {}}};
  CHECK_FALSE(bad.ok());
  CHECK(bad.errors().size() == 2);
  CHECK(bad.error().message == "one");
}

}  // namespace fzcheck
