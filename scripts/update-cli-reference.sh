#!/usr/bin/env bash
# Regenerates the option tables of docs/cli.md from the tool's own option definitions: between
# <!-- begin help-reference COMMAND --> and <!-- end help-reference -->, the output of
# `fzcheck help-reference COMMAND` (a test fails when the two differ).
# Usage: scripts/update-cli-reference.sh [path/to/fzcheck]
set -euo pipefail
cd "$(dirname "$0")/.."
fzcheck=${1:-build/fzcheck}
begin='^<!-- begin help-reference ([a-z ]+) -->$'
inside=0
while IFS= read -r line || [[ -n $line ]]; do
  if [[ $line =~ $begin ]]; then
    printf '%s\n' "$line"
    read -r -a command <<< "${BASH_REMATCH[1]}"
    "$fzcheck" help-reference "${command[@]}"
    inside=1
  elif [[ $line == '<!-- end help-reference -->' ]]; then
    printf '%s\n' "$line"
    inside=0
  elif (( !inside )); then
    printf '%s\n' "$line"
  fi
done < docs/cli.md > docs/cli.md.new
(( !inside )) || { rm docs/cli.md.new; echo "docs/cli.md: a table without its end marker" >&2; exit 1; }
mv docs/cli.md.new docs/cli.md
