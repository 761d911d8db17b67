#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer, checked release build), replays every committed
# crash input (a regression test: each must now pass), then fuzzes each target for SECONDS,
# starting from the committed seed corpus and the corpus kept by earlier runs.
#   Tests/Fuzz/run.sh SECONDS [TARGET...]      (default: every target)
# Prints executions, time and new corpus entries per target. A new crash is saved under
# Tests/Fuzz/Crashes/<target>/ (commit it with the fix) and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: Tests/Fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCSVReader FuzzXMLReader FuzzJobsConfig FuzzFeedLoad)

# Coverage is asked for explicitly: SwiftPM's --sanitize=fuzzer alone instruments no module here.
build=(swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -enable-testing
       -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
"${build[@]}" 2>&1 | grep -E "error|Build complete" | tail -3
bin=$("${build[@]}" --show-bin-path)
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1

status=0
for target in "${targets[@]}"; do
  crashes="Crashes/$target"
  kept=".corpus/$target"
  mkdir -p "$crashes" "$kept"
  replay=("$crashes"/*)
  if [ -e "${replay[0]}" ]; then
    if ! "$bin/$target" -runs=1 "${replay[@]}" > "/tmp/pao-fuzz-$target.log" 2>&1; then
      echo "$target: a committed crash input still fails:"; tail -20 "/tmp/pao-fuzz-$target.log"; status=1; continue
    fi
  fi
  before=$(ls "$kept" | wc -l)
  if "$bin/$target" "$kept" "Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=100000 -print_final_stats=1 -artifact_prefix="$crashes/" > "/tmp/pao-fuzz-$target.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "/tmp/pao-fuzz-$target.log" | grep -o '[0-9]*$')
    echo "$target: $runs executions in ${seconds} s, corpus $before -> $(ls "$kept" | wc -l), no crash"
  else
    echo "$target: CRASH (input saved in $crashes/):"; grep -E "Fatal error|ERROR|SUMMARY|Test unit written" \
      "/tmp/pao-fuzz-$target.log" | head -5; status=1
  fi
done
exit $status
