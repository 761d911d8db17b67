#!/usr/bin/env bash
# The cost and the saving of changes since the last publication (SPEC §11) at scale M (or L):
# day 0 is published, then day 1 into the same output (changes files, feeds, reuse), then day 1
# into an empty output (no baseline: no changes, nothing reused). Prints wall, CPU and peak RSS of
# both day-1 runs, the share of files reused and the A/C/D rows of the changes files.
#   Benchmarks/changes.sh [M|L]      (PAO_BENCH_DIR picks the work folder, default /tmp/pao-changes-<scale>)
set -euo pipefail
scale=${1:-M}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PAO_BENCH_DIR:-/tmp/pao-changes-$scale}
swift build -c release --package-path "$root" >/dev/null
bin="$root/.build/release/pao-batch"
mkdir -p "$work"
for day in 0 1; do
  if [ ! -f "$work/day$day/transactions.csv" ]; then
    echo "generating scale $scale day $day"
    "$bin" generate --out "$work/day$day" --scale "$scale" --feed-format csv --day "$day" >/dev/null
  fi
done
for name in day0 day1; do
  sed -e "s|\"input\": \"Input\"|\"input\": \"$work/$name\"|" "$root/jobs.json" > "$work/jobs-$name.json"
done
# Earlier output is moved aside and deleted at the end (see Benchmarks/run.sh on ext4 and deletes).
trash="$work/.trash-$$"
mkdir -p "$trash"
for old in Output Empty; do [ -e "$work/$old" ] && mv "$work/$old" "$trash/"; done
cd "$work"
"$bin" run --config jobs-day0.json --as-of 2026-11-29 --quiet
# Each run unlinks the workbooks' temporary files; ext4 without a journal skips inodes freed in
# the last ~30 s on every create, so a run must not start within that time of the one before.
sleep 45
/usr/bin/time -f "%e %U %S %M" -o changed.txt "$bin" run --config jobs-day1.json --as-of 2026-11-30 --quiet
sed -e 's|"output": "Output"|"output": "Empty"|' jobs-day1.json > jobs-empty.json
sleep 45
/usr/bin/time -f "%e %U %S %M" -o empty.txt "$bin" run --config jobs-empty.json --as-of 2026-11-30 --quiet
python3 - "$work" <<'PY'
import glob, json, sys, collections
work = sys.argv[1]
def figures(name):
    wall, user, system, rss = open(f"{work}/{name}.txt").read().split()[:4]
    return float(wall), float(user) + float(system), int(rss) / 1024
for label, name in [("day 1 after day 0", "changed"), ("day 1 into an empty output", "empty")]:
    wall, cpu, rss = figures(name)
    print(f"{label:28} wall {wall:6.1f} s   user+sys {cpu:6.1f} s   peak RSS {rss:5.0f} MiB")
record = json.load(open(sorted(glob.glob(f"{work}/Output/runs/*/run.json"))[-1]))
files = sum(j["files"] for j in record["jobs"])
reused = sum(j["reusedFiles"] for j in record["jobs"])
raw = sum(j["rawBytes"] for j in record["jobs"])
reused_raw = sum(j["reusedRawBytes"] for j in record["jobs"])
print(f"files {files}, reused {reused} ({100 * reused / files:.1f} %), raw bytes reused {100 * reused_raw / raw:.1f} %")
counts = collections.Counter()
for m in glob.glob(f"{work}/Output/sites/*/*/2026-11-30/MANIFEST.json"):
    for f in json.load(open(m))["files"]:
        if f["format"] == "csv" and "changes" in f:
            counts.update(f["changes"])
print("changes rows (CSV): " + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
PY
rm -rf "$trash"
