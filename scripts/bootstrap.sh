#!/usr/bin/env bash
# Installs the Debian packages fzcheck needs to build and test, and only those that are missing.
# Works as root or through sudo. Sourced by try.sh and test.sh; can also be run on its own.
set -euo pipefail

FZCHECK_APT_PACKAGES=(
  cmake g++ clang libclang-rt-14-dev make ninja-build pkg-config clang-format ccache
  libboost-program-options-dev libyaml-cpp-dev libicu-dev libfmt-dev doctest-dev
  libre2-dev nlohmann-json3-dev libzip-dev libpugixml-dev libgumbo-dev
  python3 python3-jsonschema python3-rfc3987
  chromium fonts-noto-cjk libreoffice-writer-nogui dpkg-dev
)

missing=()
for pkg in "${FZCHECK_APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "fzcheck: installing missing packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "fzcheck: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
