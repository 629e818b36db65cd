#!/usr/bin/env bash
# Makes a fresh checkout runnable: npm packages (always), and with --system the Debian
# packages the tests drive (Chromium, socat, pcscd + vpcd, espeak-ng, sox, faketime, poppler-utils,
# libnss3-tools). Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(chromium fonts-dejavu-core socat udev pcscd libpcsclite-dev vsmartcard-vpcd espeak-ng sox faketime poppler-utils libnss3-tools)

if [[ "${1:-}" == "--system" ]]; then
  missing=()
  for cmd in chromium socat pcscd espeak-ng sox; do command -v "$cmd" >/dev/null || missing+=("$cmd"); done
  [[ -f /usr/include/PCSC/winscard.h ]] || missing+=(libpcsclite-dev)
  # The multi-day test moves the server's clock with libfaketime.
  command -v faketime >/dev/null || missing+=(faketime)
  # Signed documents are checked with poppler's pdfsig, a verifier we did not write.
  command -v pdfsig >/dev/null || missing+=(poppler-utils)
  # pdfsig trusts the test CA through an NSS database, which certutil makes.
  command -v certutil >/dev/null || missing+=(libnss3-tools)
  if ((${#missing[@]})); then
    echo "ensure-deps: installing system packages (missing: ${missing[*]})"
    SUDO=""; [[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${SYSTEM_PACKAGES[@]}" >/dev/null
  fi
fi

# npm ci when node_modules is missing or older than the lock file. Electron is installed for
# its types only: its runtime cannot be downloaded here (see docs/operations.md).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if ! command -v pkg-config >/dev/null || [[ ! -f /usr/include/PCSC/winscard.h ]]; then
    echo "ensure-deps: libpcsclite-dev is needed to build pcsclite; run: npm test (installs it) or apt-get install libpcsclite-dev" >&2
  fi
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
