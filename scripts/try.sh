#!/usr/bin/env bash
# Quick start: installs what is missing (apt), builds fzcheck, and checks the bundled sample
# reports in examples/reports/. Re-running it only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target fzcheck_cli
echo
status=0
./build/fzcheck outline examples/reports/*.txt || status=$?
exit "$status"
