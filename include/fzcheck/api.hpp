// What the shared library exports: every public header declares its API inside
// `namespace FZCHECK_API fzcheck`, so those symbols are visible while everything else in the
// library (compiled with hidden visibility) stays inside it, private dependencies included.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define FZCHECK_API [[gnu::visibility("default")]]
#else
#define FZCHECK_API
#endif
