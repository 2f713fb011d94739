#!/usr/bin/env bash
# Installs the Debian packages that the tests need, only those missing:
#   chromium         e2e tests (Playwright drives /usr/bin/chromium)
#   libxen-dev, pkg-config, gcc, libc6-dev
#                    conformance oracle: a small C program linked to libxlutil
#   libvirt-clients, libxml2-utils (its xmllint)
#                    virt-xml-validate, checks generated libvirt XML against
#                    libvirt's RNG schemas
# Idempotent and quiet: does nothing (not even `apt-get update`) when all are
# present. Needs root (or sudo) only when something must be installed.
# Used by .ci/run and by the README's test command.
set -euo pipefail

packages=(chromium libxen-dev pkg-config gcc libc6-dev libvirt-clients libxml2-utils)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup.sh: missing ${missing[*]}, and there is no apt-get: install them by hand" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "setup.sh: missing ${missing[*]}: run as root (or install sudo)" >&2
    exit 1
  fi
fi

echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "setup.sh: installed ${missing[*]}" >&2
