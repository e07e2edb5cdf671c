#!/usr/bin/env bash
# The thread stress test under ThreadSanitizer: builds the library and tests/stress/thread_stress.cpp
# with -fsanitize=thread in build-tsan/ and runs it (8 threads, 2 rounds, every sample, corpus and
# .docx fixture, with the built-in rule set and one loaded from rules/). Any data race is reported
# by TSan and fails the run. Not part of CI (a third full build); docs/robustness.md.
#   scripts/tsan.sh [THREADS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFZCHECK_TSAN=ON \
      -DFZCHECK_BUILD_BENCH=OFF -DFZCHECK_INSTALL=OFF >/dev/null
cmake --build build-tsan --parallel "$jobs" --target fzcheck_thread_stress
# tests/stress/tsan.supp: one report inside glibc (tzset under its own lock, called by libzip).
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=tests/stress/tsan.supp ${TSAN_OPTIONS:-}" \
  build-tsan/tests/fzcheck_thread_stress . "${1:-8}" "${2:-2}"
