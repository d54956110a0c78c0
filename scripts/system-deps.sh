#!/usr/bin/env bash
# Install the Debian packages Qt and QtWebEngine need that this machine lacks.
# Does nothing when all are present; needs root (or sudo) only when something is missing.
set -euo pipefail

wanted=(
  python3-venv fonts-dejavu-core
  libasound2 libdbus-1-3 libdrm2 libegl1 libfontconfig1 libfreetype6 libgbm1 libgl1
  libglib2.0-0 libnspr4 libnss3 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  libxcomposite1 libxdamage1 libxkbcommon-x11-0 libxkbcommon0 libxkbfile1 libxrandr2 libxtst6
)

# npm installs axe-core for the tests (package.json). Wanted only when missing: a NodeSource
# nodejs carries its own npm, and Debian's npm package would conflict with it.
command -v node >/dev/null && command -v npm >/dev/null || wanted+=(nodejs npm)

command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install Qt 6's runtime libraries yourself" >&2; exit 0; }

installed() {  # a package, or its 64-bit-time ("t64") successor on newer Debian
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" ||
    dpkg-query -W -f='${Status}' "${1}t64" 2>/dev/null | grep -q "ok installed"
}

missing=()
for pkg in "${wanted[@]}"; do installed "$pkg" || missing+=("$pkg"); done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-deps: installing ${missing[*]}"
$sudo apt-get update -qq
resolved=()
for pkg in "${missing[@]}"; do
  if apt-cache show "$pkg" >/dev/null 2>&1 && [ -n "$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}' | grep -v none)" ]; then
    resolved+=("$pkg")
  else
    resolved+=("${pkg}t64")
  fi
done
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${resolved[@]}"
