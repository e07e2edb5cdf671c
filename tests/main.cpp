#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "engine/sink.hpp"

int main(int argc, char** argv) {
  // A finding outside the document's text is a bug of its kind: in the tests it throws (and the
  // test fails) rather than being clamped as it is for users.
  fzcheck::detail::set_strict_spans(true);
  doctest::Context context(argc, argv);
  return context.run();
}
