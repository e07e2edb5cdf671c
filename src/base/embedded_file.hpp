// A file compiled into the library as bytes (see cmake/EmbedRules.cmake).
#pragma once

#include <cstddef>

namespace fzcheck::detail {

struct EmbeddedFile {
  const char* path;  // relative to the folder it was embedded from
  const unsigned char* data;
  std::size_t size;
};

}  // namespace fzcheck::detail
