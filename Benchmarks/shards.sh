#!/usr/bin/env bash
# Shards that scale past one machine (issue 18): generates scale L (or M), runs every job of the
# root jobs.json (CSV + XML; workbooks left out) once unsharded, then as N = 4 and N = 8 shards one
# after another, and prints per run the wall time, user + sys, peak RSS and load stage; then per N
# the largest shard's peak RSS against the unsharded run's and the shards' CPU summed.
#   Benchmarks/shards.sh [L|M] [N...]     (PAO_BENCH_DIR picks the work folder, default /tmp/pao-bench-<scale>)
set -euo pipefail
scale=${1:-L}
shift || true
counts=("${@:-4 8}")
read -r -a counts <<< "${counts[*]}"
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PAO_BENCH_DIR:-/tmp/pao-bench-$scale}
# shellcheck source=Benchmarks/input.sh
source "$root/Benchmarks/input.sh"
sed -e 's/, "xlsx"//' -e 's/"output": "Output"/"output": "OutputShards"/' "$root/jobs.json" > "$work/jobs-shards.json"
results="$work/shards.txt"
: > "$results"
# One run into an empty output (each shard into its own, as on separate machines).
measure() { # label, extra arguments...
  local label=$1
  shift
  rm -rf "$work/OutputShards"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
    "$bin" run --config "$work/jobs-shards.json" --as-of 2026-11-29 --quiet "$@"
  local load
  load=$(python3 -c "import json,glob,sys; r=json.load(open(sorted(glob.glob(sys.argv[1]))[-1])); \
print(r['stages']['load'])" "$work/OutputShards/runs/*/run.json")
  echo "$label $(cat "$work/time.txt") $load" | tee -a "$results"
}
measure whole
for n in "${counts[@]}"; do
  for k in $(seq 1 "$n"); do
    measure "$k/$n" --shard "$k/$n"
  done
done
rm -rf "$work/OutputShards"
python3 - "$results" "$scale" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
print(f"scale {sys.argv[2]}: label  wall s  user+sys s  peak RSS MiB  load s")
for label, wall, user, system, rss, load in rows:
    cpu = float(user) + float(system)
    print(f"  {label:6} {float(wall):8.1f} {cpu:10.1f} {int(rss) / 1024:12.0f} {float(load):7.1f}")
whole = rows[0]
whole_cpu, whole_rss = float(whole[2]) + float(whole[3]), int(whole[4])
for n in sorted({int(r[0].split("/")[1]) for r in rows[1:]}):
    shard = [r for r in rows[1:] if r[0].endswith(f"/{n}")]
    cpu = sum(float(r[2]) + float(r[3]) for r in shard)
    rss = max(int(r[4]) for r in shard)
    wall = max(float(r[1]) for r in shard)
    print(f"N={n}: largest shard peak RSS {rss / 1024:.0f} MiB = {100 * rss / whole_rss:.0f}% of unsharded; "
          f"slowest shard {wall:.1f} s; CPU of all shards {cpu:.1f} s = {cpu / whole_cpu:.2f}x unsharded")
PY
