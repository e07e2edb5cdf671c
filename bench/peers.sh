#!/usr/bin/env bash
# fzcheck and AutoCorrect side by side, on the same files, each with its own defaults
# (BENCHMARKS.md, "Side by side"). Run by hand; the test suite runs only --smoke.
#
#   bench/peers.sh [--fzcheck PATH] [--runs N] [--work DIR] [--no-peer] [--smoke]
#
# Builds in a temporary folder (or --work DIR, kept):
#   batch/     1,000 files: the five sample reports of examples/reports/ copied 200 times
#   big.txt    one file: the five samples concatenated until it holds at least 26 MiB
#   small.txt  one small report (examples/reports/000_564c8ac60a8ddf78.txt, 5.8 KB)
# installs AutoCorrect (the npm package autocorrect-node, its command-line tool, which runs the
# Rust program through a native module) into that folder with npm, and times, in turn (A B A B …
# so that a machine whose speed drifts affects both alike), whole processes with /usr/bin/time:
#   fzcheck check --format json batch/           AutoCorrect --lint --format json batch/
#   fzcheck check --format json -j 1 / -j 2 batch/
#   fzcheck check --format json big.txt          AutoCorrect --lint --format json big.txt
#   fzcheck check --format json small.txt        AutoCorrect --lint --format json small.txt
#   fzcheck --version                            AutoCorrect --version
# Sizes are bytes (never du's blocks); MiB = 2^20 bytes. Prints the median wall time of each
# command with its spread (min–max), the median CPU time and peak resident memory, and the
# ratios the targets of BENCHMARKS.md are stated in.
#
# --smoke: two sample files, a small "big" file, one run each, and checks that every command ran
# and wrote JSON; without npm or without the registry the peer is skipped (said on stdout), and the
# exit status is still 0. --no-peer skips AutoCorrect on purpose.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")/.." && pwd)
fzcheck="$here/build/fzcheck"
runs=5
work=""
peer=1
smoke=0
peer_package="autocorrect-node@2.14.0"

while (($#)); do
  case "$1" in
    --fzcheck) fzcheck=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-peer) peer=0; shift ;;
    --smoke) smoke=1; shift ;;
    -h | --help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -x $fzcheck ]]; then
  echo "peers.sh: no fzcheck at $fzcheck (build it, or give --fzcheck PATH)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "peers.sh: needs /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi
keep=1
if [[ -z $work ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/fzcheck-peers.XXXXXX")
  keep=0
fi
mkdir -p "$work"
cleanup() { if ((keep == 0)); then rm -rf "$work"; fi; }
trap cleanup EXIT

samples=("$here"/examples/reports/*.txt)
if ((smoke)); then
  copies=1
  big_min=$((64 * 1024))
  runs=1
  samples=("${samples[@]:0:2}")
else
  copies=200
  big_min=$((26 * 1024 * 1024))
fi

# --- inputs ----------------------------------------------------------------------------------------
rm -rf "$work/batch" "$work/big.txt"
mkdir -p "$work/batch"
for ((i = 1; i <= copies; i++)); do
  for f in "${samples[@]}"; do cp "$f" "$work/batch/$i-$(basename "$f")"; done
done
: >"$work/big.txt"
while (($(stat -c %s "$work/big.txt") < big_min)); do cat "${samples[@]}" >>"$work/big.txt"; done
cp "${samples[0]}" "$work/small.txt"
bytes_of() { cat "$@" | wc -c; }
batch_files=$(find "$work/batch" -type f | wc -l)
batch_bytes=$(find "$work/batch" -type f -exec cat {} + | wc -c)
big_bytes=$(bytes_of "$work/big.txt")
small_bytes=$(bytes_of "$work/small.txt")
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
echo "inputs: batch $batch_files files, $batch_bytes bytes ($(mib "$batch_bytes")); big.txt $big_bytes bytes ($(mib "$big_bytes")); small.txt $small_bytes bytes"
echo "machine: $(nproc) cores, $(awk '/model name/ { $1 = $2 = $3 = ""; print; exit }' /proc/cpuinfo | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fzcheck: $("$fzcheck" --version 2>&1 | head -1) ($fzcheck)"

# --- the peer ----------------------------------------------------------------------------------------
autocorrect=""
if ((peer)); then
  if ! command -v npm >/dev/null; then
    echo "peer: skipped (no npm on this machine)"
  elif ! timeout 180 npm install --prefix "$work/peer" --no-audit --no-fund --no-save \
      --loglevel=error "$peer_package" >"$work/npm.log" 2>&1; then
    echo "peer: skipped ($peer_package could not be installed: $(grep -m1 -i 'err' "$work/npm.log" | cut -c1-160))"
  elif [[ ! -x $work/peer/node_modules/.bin/autocorrect ]]; then
    echo "peer: skipped ($peer_package has no autocorrect command)"
  else
    autocorrect="$work/peer/node_modules/.bin/autocorrect"
    echo "peer: $("$autocorrect" --version 2>&1 | head -1) ($peer_package from npm, Node $(node --version))"
  fi
fi

# --- timing --------------------------------------------------------------------------------------------
# run NAME CMD...: one timed run; appends "wall user sys peakKB" to $work/NAME.times, keeps the
# last output in $work/NAME.out. Exit status 0 and 1 (findings) are both a finished check.
run() {
  local name=$1
  shift
  local status=0 start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" ||
    status=$?
  end=$EPOCHREALTIME
  if ((status > 1)); then
    # /usr/bin/time reports the command's status on the first line of its file.
    echo "peers.sh: '$*' exited with status $status:" >&2
    head -5 "$work/$name.err" >&2
    exit 1
  fi
  # Wall time from the shell's microsecond clock (time's own %e has 10 ms steps).
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }') $(tail -1 "$work/$name.time")" \
    >>"$work/$name.times"
}

# round NAME1 'CMD1' NAME2 'CMD2' …: $runs rounds, each running every command once in turn, after
# one warm-up round.
round() {
  local -a names=() commands=()
  while (($#)); do
    names+=("$1")
    commands+=("$2")
    shift 2
  done
  local r k
  for ((r = 0; r <= runs; r++)); do
    for k in "${!names[@]}"; do
      # shellcheck disable=SC2086
      run "${names[$k]}" ${commands[$k]}
      if ((r == 0)); then rm -f "$work/${names[$k]}.times"; fi
    done
  done
}

# stat NAME FIELD: "median min max" of one column (1 wall, 2 user, 3 sys, 4 peak KB, 5 user+sys).
stat_of() {
  awk -v f="$2" '{ v = (f == 5) ? $2 + $3 : $f; print v }' "$work/$1.times" | sort -g |
    awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
                              printf "%s %s %s\n", m, a[1], a[NR] }'
}
median() { stat_of "$1" "$2" | cut -d' ' -f1; }
row() {  # NAME LABEL BYTES
  local wall cpu peak
  read -r wall wmin wmax <<<"$(stat_of "$1" 1)"
  cpu=$(median "$1" 5)
  peak=$(median "$1" 4)
  local rate=""
  if [[ -n ${3:-} ]]; then rate=$(awk -v b="$3" -v t="$wall" 'BEGIN { if (t > 0) printf "%.1f MiB/s", b / 1048576 / t }'); fi
  printf '%-44s %8.4f s (%.4f–%.4f)  cpu %7.3f s  peak %7.1f MiB  %s\n' "$2" "$wall" "$wmin" \
    "$wmax" "$cpu" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" "$rate"
}
ratio() { awk -v a="$(median "$1" "${3:-1}")" -v b="$(median "$2" "${3:-1}")" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "-" }'; }

F="$fzcheck check --format json"
A="$autocorrect --lint --format json"
echo
echo "runs: $runs counted after one warm-up, commands in turn; wall seconds median (min–max)"
if [[ -n $autocorrect ]]; then
  round fz_batch "$F $work/batch" ac_batch "$A $work/batch"
else
  round fz_batch "$F $work/batch"
fi
round fz_batch_j1 "$F -j 1 $work/batch" fz_batch_j2 "$F -j 2 $work/batch"
if [[ -n $autocorrect ]]; then
  round fz_big "$F $work/big.txt" ac_big "$A $work/big.txt"
  round fz_small "$F $work/small.txt" fz_version "$fzcheck --version" \
    ac_small "$A $work/small.txt" ac_version "$autocorrect --version"
else
  round fz_big "$F $work/big.txt"
  round fz_small "$F $work/small.txt" fz_version "$fzcheck --version"
fi

row fz_batch "fzcheck, batch (defaults)" "$batch_bytes"
[[ -n $autocorrect ]] && row ac_batch "AutoCorrect, batch (defaults)" "$batch_bytes"
row fz_batch_j1 "fzcheck, batch, -j 1" "$batch_bytes"
row fz_batch_j2 "fzcheck, batch, -j 2" "$batch_bytes"
row fz_big "fzcheck, big.txt" "$big_bytes"
[[ -n $autocorrect ]] && row ac_big "AutoCorrect, big.txt" "$big_bytes"
row fz_small "fzcheck, small.txt"
row fz_version "fzcheck --version"
if [[ -n $autocorrect ]]; then
  row ac_small "AutoCorrect, small.txt"
  row ac_version "AutoCorrect --version"
fi

echo
echo "targets (BENCHMARKS.md):"
if [[ -n $autocorrect ]]; then
  echo "  batch: AutoCorrect / fzcheck = $(ratio fz_batch ac_batch) (target ≥ 5)"
  echo "  big.txt: AutoCorrect / fzcheck = $(ratio fz_big ac_big) (target ≥ 10)"
fi
echo "  -j 2 over -j 1 = $(ratio fz_batch_j2 fz_batch_j1) (target ≥ 1.8)"
awk -v bb="$batch_bytes" -v tb="$(median fz_batch_j1 1)" -v gb="$big_bytes" -v tg="$(median fz_big 1)" \
  'BEGIN { if (tb > 0 && tg > 0) printf "  big.txt per byte against the batch at -j 1: %.2f (target ≥ 0.90)\n", (gb / tg) / (bb / tb) }'
awk -v s="$(median fz_small 1)" -v v="$(median fz_version 1)" \
  'BEGIN { printf "  start-up: check of small.txt − --version = %.1f ms (target ≤ 5)\n", (s - v) * 1000 }'
awk -v p="$(median fz_big 4)" -v b="$big_bytes" \
  'BEGIN { printf "  peak memory on big.txt: %.2f × its size (target ≤ 4)\n", p * 1024 / b }'

if ((smoke)); then
  # Every command wrote what it should: fzcheck one JSON document with a "files" array for the
  # folder, AutoCorrect its JSON messages.
  for name in fz_batch fz_batch_j1 fz_batch_j2; do
    grep -q '"files"' "$work/$name.out" || { echo "smoke: $name wrote no files array" >&2; exit 1; }
    [[ $(grep -c '"file": ' "$work/$name.out") -eq $batch_files ]] ||
      { echo "smoke: $name does not list $batch_files files" >&2; exit 1; }
  done
  for name in fz_big fz_small; do
    grep -q '"findings"' "$work/$name.out" || { echo "smoke: $name wrote no findings" >&2; exit 1; }
  done
  if [[ -n $autocorrect ]]; then
    for name in ac_batch ac_big ac_small; do
      grep -q '"messages"' "$work/$name.out" || { echo "smoke: $name wrote no messages" >&2; exit 1; }
    done
  fi
  echo "smoke: every command ran and wrote its JSON"
fi
