#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the Debian tools the tests use, then
# builds and runs every test. This is the command the README names and .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in libxml2-dev zlib1g-dev libxlsxwriter-dev libxml2-utils python3 python3-feedparser python3-openpyxl \
  python3-html5lib python3-pil python3-venv chromium systemd; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}"; fi
fi

# The data-team readers (pandas, DuckDB, polars, frictionless) in pinned versions, from PyPI.
Tests/DataTeams/tools.sh

# Formatting gate: the code is exactly as `swift format` (settings in .swift-format) leaves it.
swift format lint --strict --recursive --parallel Package.swift Sources Tests/PAOBatchTests Tests/Fuzz/Package.swift \
  Tests/Fuzz/Sources Benchmarks/Package.swift Benchmarks/Sources Benchmarks/Benchmarks

# The debug build, then the release build users run (checked: no unchecked flags), each with every test.
swift build --build-tests
swift test --skip-build --parallel
swift build -c release --build-tests -Xswiftc -enable-testing
swift test -c release --skip-build --parallel -Xswiftc -enable-testing

# SIGKILL at random moments across staging and publication; every folder whole, every rerun converges.
Tests/kill-test.sh 20
# Every fuzz target briefly, after replaying the committed crash inputs (Tests/Fuzz/run.sh).
Tests/Fuzz/run.sh 30
