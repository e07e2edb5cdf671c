#!/usr/bin/env bash
# Builds the fuzz targets if needed (clang, libFuzzer, ASan + UBSan, in build-fuzz/) and runs one
# of them for SECONDS seconds on its seed corpus (fuzz/corpus/TARGET, read only) and its working
# corpus (build-fuzz/corpus/TARGET, where new inputs go), with its dictionary.
#   fuzz/run.sh TARGET SECONDS [libFuzzer options…]
#   fuzz/run.sh --build          only build
#   fuzz/run.sh --list           the targets
# A crash, leak, timeout or out-of-memory leaves its input in build-fuzz/artifacts/ and exits
# non-zero. Environment: FZCHECK_FUZZ_BUILD (default build-fuzz), FZCHECK_FUZZ_JOBS (build
# jobs, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${FZCHECK_FUZZ_BUILD:-build-fuzz}
targets=(read_text read_docx docx_xml read_html parse_text check rule_file rule_pack fix annotate regex)

usage() {
  echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer options...] | --build | --list" >&2
  echo "targets: ${targets[*]}" >&2
  exit 2
}

build_targets() {
  if [[ ! -f "$build/build.ninja" ]]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_FLAGS="-O1 -g" -DCMAKE_C_FLAGS="-O1 -g" -DFZCHECK_FUZZ=ON \
      -DFZCHECK_BUILD_CLI=OFF -DFZCHECK_BUILD_TESTS=OFF -DFZCHECK_BUILD_BENCH=OFF \
      -DFZCHECK_INSTALL=OFF >/dev/null
  fi
  cmake --build "$build" --parallel "${FZCHECK_FUZZ_JOBS:-2}" >&2
}

[[ $# -ge 1 ]] || usage
case "$1" in
  --list) printf '%s\n' "${targets[@]}"; exit 0 ;;
  --build) build_targets; exit 0 ;;
esac
[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
[[ " ${targets[*]} " == *" $target "* ]] || usage
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
build_targets

work="$build/corpus/$target"
artifacts="$build/artifacts/$target/"
mkdir -p "$work" "$artifacts"
case "$target" in
  read_docx | docx_xml | annotate) dict=xml ;;
  read_html) dict=html ;;
  rule_file | rule_pack) dict=yaml ;;
  regex) dict=regex ;;
  *) dict=text ;;
esac
# Leaks are reported (detect_leaks=1); a finding aborts so that libFuzzer keeps the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$artifacts" -dict="fuzz/dict/$dict.dict" "$@" \
  "$work" "fuzz/corpus/$target"
