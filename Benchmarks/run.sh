#!/usr/bin/env bash
# The whole-run benchmark: generates scale M (or L), runs every job of the root jobs.json (all
# reports, CSV + XML, gzip level 6) as of 2026-11-29, and prints wall, user + sys, peak RSS, rows,
# bytes and time per stage, then the gzip floor: the same raw output bytes through `pigz -6 -p 2`.
# Then the DuckDB peer: order-history-detail and renewals for every site as gzipped CSV, once by
# pao-batch alone and once by DuckDB (threads=2), checked row for row before the ratio is printed.
#   Benchmarks/run.sh [M|L]      (PAO_BENCH_DIR picks the work folder, default /tmp/pao-bench-<scale>)
set -euo pipefail
scale=${1:-M}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PAO_BENCH_DIR:-/tmp/pao-bench-$scale}
command -v pigz >/dev/null || apt-get install -y -qq pigz
python3 -c "import duckdb" 2>/dev/null || pip install -q duckdb
# shellcheck source=Benchmarks/input.sh
source "$root/Benchmarks/input.sh"
cp "$root/jobs.json" "$work/jobs.json"
# A previous run's output is moved aside now and deleted at the end: ext4 skips inodes freed in
# the last ~30 s on every file it creates (recently_deleted), so deleting 400,000 files just
# before the run would slow it in a way a nightly run never sees.
trash="$work/.trash-$$"
mkdir -p "$trash"
for old in Output OutputPeer; do [ -e "$work/$old" ] && mv "$work/$old" "$trash/"; done
/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$bin" run --config "$work/jobs.json" --as-of 2026-11-29 --quiet

# Every distinct published file once (price files are hard links), decompressed into one file;
# at L only a slice of at least 1 GiB is compressed and the time scaled by the total.
find "$work/Output/sites" -name '*.gz' -printf '%i %p\n' | sort -u -k1,1 | cut -d' ' -f2- > "$work/files.txt"
limit=$([ "$scale" = L ] && echo $((1 << 30)) || echo 0)
python3 - "$work" "$limit" <<'PY'
import gzip, sys
work, limit = sys.argv[1], int(sys.argv[2])
total = written = 0
with open(f"{work}/raw.bin", "wb") as out:
    for path in open(f"{work}/files.txt").read().split("\n"):
        if not path: continue
        data = gzip.open(path).read()
        total += len(data)
        if limit == 0 or written < limit:
            out.write(data); written += len(data)
open(f"{work}/raw.txt", "w").write(f"{total} {written}\n")
PY
cat "$work/raw.bin" > /dev/null
/usr/bin/time -f "%e %U %S" -o "$work/floor.txt" pigz -6 -p 2 < "$work/raw.bin" > /dev/null
python3 - "$work" "$scale" <<'PY'
import json, glob, sys
work, scale = sys.argv[1], sys.argv[2]
wall, user, system, rss = open(f"{work}/time.txt").read().split()[:4]
total, slice_ = map(int, open(f"{work}/raw.txt").read().split())
floor_wall, floor_user, floor_system = map(float, open(f"{work}/floor.txt").read().split()[:3])
floor = floor_wall * total / slice_
floor_cpu = (floor_user + floor_system) * total / slice_
record = json.load(open(sorted(glob.glob(f"{work}/Output/runs/*/run.json"))[-1]))
print(f"scale {scale}")
print(f"wall {float(wall):.1f} s   user+sys {float(user) + float(system):.1f} s   peak RSS {int(rss) / 1024:.0f} MiB")
print("stages: " + "  ".join(f"{k} {v:.1f} s" for k, v in record["stages"].items()))
for job in record["jobs"]:
    print(f"  {job['name']:20} sites {job['sites']:>6}  files {job['files']:>8}  rows {job['rows']:>14,}  gz {job['bytes'] / 1e6:10.1f} MB  raw {job['rawBytes'] / 1e6:12.1f} MB")
print(f"distinct raw output {total / 1e9:.2f} GB; pigz -6 -p 2 floor {floor:.1f} s ({floor_cpu:.1f} s CPU); run / floor = {float(wall) / floor:.2f}")
PY
rm -f "$work/raw.bin"

# The CSV-only part, by pao-batch alone, then by DuckDB on the same feeds.
cat > "$work/jobs-peer.json" <<'JSON'
{ "input": "Input", "output": "OutputPeer", "gzipLevel": 6, "jobs": [
  { "name": "peer", "formats": ["csv"], "reports": ["order-history-detail", "renewals"],
    "params": { "order-history-detail": { "lookbackDays": 730 }, "renewals": { "windowDays": 365 } } } ] }
JSON
peer_start=$(date +%s.%N)
"$bin" run --config "$work/jobs-peer.json" --as-of 2026-11-29 --quiet
peer_end=$(date +%s.%N)
python3 "$root/Benchmarks/peer/duckdb_peer.py" "$work" 2026-11-29 730 "$root/docs/data/iso4217.tsv"
python3 - "$work" "$peer_start" "$peer_end" <<'PY'
import sys
work, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
duck, equal = open(f"{work}/duckdb.txt").read().split()
mine = end - start
if equal == "1":
    print(f"pao-batch (same two reports, CSV): {mine:.1f} s; pao-batch / DuckDB = {mine / float(duck):.2f}")
else:
    print("rows differ: no ratio printed")
PY
rm -rf "$trash"
