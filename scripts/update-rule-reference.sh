#!/usr/bin/env bash
# Regenerates docs/rules.md from the built-in rules (a test fails when the two differ).
# Usage: scripts/update-rule-reference.sh [path/to/fzcheck]
set -euo pipefail
cd "$(dirname "$0")/.."
fzcheck=${1:-build/fzcheck}
{
  sed '/^## /,$d' docs/rules.md
  "$fzcheck" rules list --format markdown
} > docs/rules.md.new
mv docs/rules.md.new docs/rules.md
