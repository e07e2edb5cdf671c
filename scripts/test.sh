#!/usr/bin/env bash
# Installs what is missing (apt), builds fzcheck with warnings as errors, compiles every source
# with clang too (syntax only: GCC accepts code that clang refuses) and runs the whole test suite;
# then does the same with AddressSanitizer and UndefinedBehaviorSanitizer, and runs every fuzz
# target of fuzz/ for 20 seconds (clang, libFuzzer; docs/robustness.md).
# --quick skips the sanitizer build and the fuzzers (for quick local runs; CI runs everything).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    *) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
  esac
done
./scripts/bootstrap.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== release build, warnings as errors =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFZCHECK_WERROR=ON >/dev/null
cmake --build build --parallel "$jobs"
echo "== clang, syntax only (every source of the build) =="
python3 scripts/clang-syntax.py build --jobs "$jobs"
ctest --test-dir build --output-on-failure --parallel "$jobs"

if ((quick == 0)); then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer build =="
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DFZCHECK_WERROR=ON \
        -DFZCHECK_SANITIZE=ON >/dev/null
  cmake --build build-asan --parallel "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
  echo "== fuzz targets, 20 s each (fuzz/smoke.sh) =="
  FZCHECK_FUZZ_JOBS="$jobs" fuzz/smoke.sh 20
fi
echo "== all tests passed =="
