#!/usr/bin/env bash
# Regenerates docs/accuracy.md from the comparison of fzcheck's findings with the reviewed
# expectations (tests/accuracy/). Build first (scripts/test.sh --quick or cmake --build build).
set -euo pipefail
cd "$(dirname "$0")/.."
FZCHECK_UPDATE_ACCURACY=1 build/tests/fzcheck_tests -tc='accuracy:*' > /dev/null || true
build/tests/fzcheck_tests -tc='accuracy:*'
