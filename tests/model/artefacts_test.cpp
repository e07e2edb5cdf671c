#include <doctest/doctest.h>

#include "model/parse.hpp"

namespace fzcheck {

TEST_CASE("converter tags are found with their exact spans") {
  std::string text = "3、 [bookmark: _GoBack]下一步\n[comment: 3]x [image: a.png]";
  auto found = detail::find_artefacts(text);
  REQUIRE(found.size() == 3);
  CHECK(text.substr(found[0].span.begin, found[0].span.size()) == "[bookmark: _GoBack]");
  CHECK(text.substr(found[1].span.begin, found[1].span.size()) == "[comment: 3]");
  CHECK(text.substr(found[2].span.begin, found[2].span.size()) == "[image: a.png]");
}

TEST_CASE("brackets in report text are not artefacts") {
  for (const char* text : {"[1]参考文献", "[Note: capital]", "[ab: x]", "[bookmark: unclosed",
                           "[bookmark: a\nb]", "【注：说明】", "[bookmark:[x]"}) {
    CAPTURE(text);
    CHECK(detail::find_artefacts(text).empty());
  }
}

TEST_CASE("skip_ignorable skips spaces and artefacts only") {
  std::string text = "  [bookmark: x]\xE3\x80\x80z";
  auto arts = detail::find_artefacts(text);
  CHECK(detail::skip_ignorable(text, 0, static_cast<std::uint32_t>(text.size()), arts) ==
        text.size() - 1);
  CHECK(detail::skip_ignorable(text, 0, static_cast<std::uint32_t>(text.size()), {}) == 2);
}

}  // namespace fzcheck
