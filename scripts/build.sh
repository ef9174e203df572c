#!/usr/bin/env bash
# Builds Tansiq into build/ (optimised, with debug info). Arguments are ninja
# targets (default: everything).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build "$@"
