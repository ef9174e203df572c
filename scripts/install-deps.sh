#!/usr/bin/env bash
# Installs the Debian 12 packages Tansiq needs to build, test and run.
# Idempotent: packages already present are skipped, so a second run is quick.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates zstd
  libboost-dev libboost-system-dev libboost-program-options-dev
  libsimdjson-dev libsqlite3-dev sqlite3 libsodium-dev libssl-dev
  libpq-dev postgresql
  libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev
  libzstd-dev zlib1g-dev libicu-dev libxapian-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  curl python3
  chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The console (web/) is built with Node.js and npm: the base image has them;
# elsewhere Debian's packages do.
if ! command -v npm >/dev/null; then missing+=(nodejs npm); fi

if ((${#missing[@]})); then
  echo "tansiq: installing ${#missing[@]} Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
