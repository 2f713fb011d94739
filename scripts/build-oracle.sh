#!/usr/bin/env bash
# Builds the libxlutil conformance harness (conformance/oracle/xloracle.c) into build/oracle/.
# Needs Debian's libxen-dev, pkg-config and gcc (scripts/setup.sh installs them).
# Prints a loud warning and exits 0 when they are missing, so the unit tests still run;
# the conformance tests then say loudly that they were skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/oracle
mkdir -p "$out"
if ! command -v gcc >/dev/null || ! pkg-config --exists xlutil xenlight 2>/dev/null; then
  echo "!!! build-oracle: libxen-dev/pkg-config/gcc missing: conformance tests against libxlutil will be SKIPPED" >&2
  exit 0
fi
src=conformance/oracle/xloracle.c
if [ ! -x "$out/xloracle" ] || [ "$src" -nt "$out/xloracle" ]; then
  gcc -O2 -Wall -rdynamic -o "$out/xloracle" "$src" $(pkg-config --cflags --libs xlutil xenlight) -ldl
fi
echo "build-oracle: $out/xloracle"
