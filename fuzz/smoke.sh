#!/usr/bin/env bash
# A short run of every fuzz target (CI: scripts/test.sh): builds build-fuzz/ if needed, runs each
# target for SECONDS (default 20) from its seed corpus, and fails if any target finds a crash,
# a leak, a hang (an input taking over 30 s) or an input needing more than 2 GB.
#   fuzz/smoke.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
fuzz/run.sh --build || exit 1
passed=0
failed=0
for target in $(fuzz/run.sh --list); do
  log="${FZCHECK_FUZZ_BUILD:-build-fuzz}/smoke-$target.log"
  if fuzz/run.sh "$target" "$seconds" -timeout=30 >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "fuzz $target: $(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | sed -E 's/ +lim:.*//')"
  else
    failed=$((failed + 1))
    echo "fuzz $target: FAILED (see $log)"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$log" | head -20
  fi
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
