#!/usr/bin/env bash
# The long robustness round: every fuzz target for SECONDS each (default 600) and KILLS random
# SIGKILLs of real runs (default 200). The test command runs the same scripts briefly.
#   Benchmarks/fuzz.sh [SECONDS] [KILLS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/Tests/Fuzz/run.sh" "${1:-600}"
"$root/Tests/kill-test.sh" "${2:-200}"
