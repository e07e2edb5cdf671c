#!/usr/bin/env bash
# Rewrites the .expected file of a rule's fail fixture from what fzcheck finds now. Read the diff
# before committing: the expected findings are the specification of the rule.
# Usage: scripts/update-fixture.sh rules/<pack>/<rule>/fail/<name>.txt [path/to/fzcheck]
#        (or examples/packs/<pack>/<rule>/fail/<name>.txt)
set -euo pipefail
fixture=$1
fzcheck=${2:-build/fzcheck}
rule=$(basename "$(dirname "$(dirname "$fixture")")")
pack=$(dirname "$(dirname "$(dirname "$fixture")")")
dir=$(dirname "$fixture")
name=$(basename "$fixture")
options=()
# Fixtures are documents of the first type their pack applies to (as in 'fzcheck rules test'); a
# pack that extends a built-in pack is checked with the built-in packs, and without 'applies_to'
# of its own runs on the types of the pack it extends.
type=$(sed -n 's/^applies_to: *\[\([a-z0-9-]*\).*/\1/p' "$pack/pack.yaml")
base=$(sed -n 's/^extends: *\[\{0,1\}\([a-z0-9-]*\).*/\1/p' "$pack/pack.yaml")
if [[ -z $type && -n $base && -f rules/$base/pack.yaml ]]; then
  type=$(sed -n 's/^applies_to: *\[\([a-z0-9-]*\).*/\1/p' "rules/$base/pack.yaml")
fi
defaults=(--no-default-rules)
[[ -n $base ]] && defaults=()
[[ -n $type ]] && options+=(--type "$type")
if [[ -f "$dir/${name%.*}.options.yaml" ]]; then
  while IFS=': ' read -r key value; do
    [[ $key == submitted_on ]] && options+=(--submitted-on "$value")
    [[ $key == published_on ]] && options+=(--published-on "$value")
    [[ $key == document_type ]] && options+=(--type "$value")
  done < "$dir/${name%.*}.options.yaml"
fi
# Last year's report of the fixture, if it has one: <name>.previous.<ext> beside it.
for previous in "$dir/${name%.*}.previous."{txt,docx,html}; do
  [[ -f $previous ]] && options+=(--previous "$previous") && break
done
"$fzcheck" check "${defaults[@]}" --rules "$pack" --only "$rule" --format line --bare-names \
  --fail-on never "${options[@]}" "$fixture" > "$dir/${name%.*}.expected"
