#!/usr/bin/env bash
# Workbooks and site pages (SPEC §12, §13) at scale M (or L): one job with every report, run into an
# empty output as CSV + XML and then as CSV + XML + XLSX, back to back on the same data; prints wall,
# user + sys and peak RSS of each, workbook bytes against csv.gz bytes, and the pages' size and the
# time spent writing feeds and pages. Then the real sheet limit: one workbook of 1,100,000 rows read
# back with openpyxl (two sheets), and LibreOffice headless converting a workbook to CSV with the
# same values as the report's CSV (installs libreoffice-calc-nogui when missing: too big for CI).
#   Benchmarks/workbooks.sh [M|L]      (PAO_BENCH_DIR picks the work folder, default /tmp/pao-bench-<scale>)
set -euo pipefail
scale=${1:-M}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${PAO_BENCH_DIR:-/tmp/pao-bench-$scale}
swift build -c release --package-path "$root/Benchmarks" --product pao-bench >/dev/null
# shellcheck source=Benchmarks/input.sh
source "$root/Benchmarks/input.sh"
reports='"customers", "end-users", "order-history-summary", "order-history-detail", "inventory", "renewals",
  "ctl-renewals", "renewals-180", "renewal-price-notices", "renewal-quotes", "renewals-summary",
  "subscription-updates", "saas-fulfillment", "saas-provisioning", "suppressed-overage", "price-files"'
for kind in plain xlsx; do
  formats='"csv", "xml"'
  [ "$kind" = xlsx ] && formats='"csv", "xml", "xlsx"'
  cat > "$work/workbooks-$kind.json" <<JSON
{ "input": "Input", "output": "Output-$kind", "gzipLevel": 6, "retain": 7,
  "jobs": [ { "name": "all", "formats": [$formats], "reports": [$reports] } ] }
JSON
  rm -rf "$work/Output-$kind"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time-$kind.txt" \
    "$bin" run --config "$work/workbooks-$kind.json" --as-of 2026-11-29 --quiet
done
python3 - "$work" <<'PY'
import glob, json, os, sys
work = sys.argv[1]
for kind in ("plain", "xlsx"):
    wall, user, system, rss = open(f"{work}/time-{kind}.txt").read().split()
    run = json.load(open(sorted(glob.glob(f"{work}/Output-{kind}/runs/*/run.json"))[-1]))
    print(f"{kind:6} wall {float(wall):7.1f} s  user+sys {float(user) + float(system):7.1f} s  "
          f"peak RSS {int(rss) // 1024} MiB  stages {json.dumps(run['stages'])}")
seen, sizes = set(), {"csv": 0, "xml": 0, "xlsx": 0}
for path in glob.glob(f"{work}/Output-xlsx/sites/*/all/*/*"):
    st = os.stat(path)
    if st.st_ino in seen: continue
    seen.add(st.st_ino)
    for fmt, suffix in (("csv", ".csv.gz"), ("xml", ".xml.gz"), ("xlsx", ".xlsx")):
        if path.endswith(suffix): sizes[fmt] += st.st_size
print(f"distinct bytes: csv.gz {sizes['csv'] / 2**20:.1f} MiB, xml.gz {sizes['xml'] / 2**20:.1f} MiB, "
      f"xlsx {sizes['xlsx'] / 2**20:.1f} MiB = {sizes['xlsx'] / max(sizes['csv'], 1):.2f} x csv.gz")
pages = [os.path.getsize(p) for p in glob.glob(f"{work}/Output-xlsx/sites/*/index.html")]
print(f"pages: {len(pages)}, {sum(pages) / 2**20:.1f} MiB in all, largest {max(pages) // 1024} KiB")
PY

# The real sheet limit: 1,100,000 rows continue on a second sheet.
"$root/Benchmarks/.build/release/pao-bench" xlsx 1100000 "$work/big.xlsx"
python3 -c "import openpyxl" 2>/dev/null || apt-get install -y -qq python3-openpyxl >/dev/null
/usr/bin/python3 - "$work/big.xlsx" <<'PY'
import openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = [sum(1 for _ in sheet.iter_rows()) - 1 for sheet in book.worksheets]
print("big workbook sheets:", book.sheetnames, "data rows:", rows)
assert rows == [1048575, 51425], rows
PY

# LibreOffice reads a workbook as the report's CSV says.
command -v soffice >/dev/null || apt-get install -y -qq libreoffice-calc-nogui >/dev/null
folders=("$work"/Output-xlsx/sites/*/all/2026-11-29)
books=("${folders[0]}"/order-history-detail_*.xlsx)
book=${books[0]}
rm -rf "$work/lo" && mkdir -p "$work/lo"
soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir "$work/lo" "$book" >/dev/null 2>&1
/usr/bin/python3 - "$work/lo/$(basename "${book%.xlsx}").csv" "${book%.xlsx}.csv.gz" <<'PY'
import csv, gzip, sys
office = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
ours = [[v[1:] if v[:2] in ("'=", "'+", "'-", "'@") else v for v in row]
        for row in csv.reader(gzip.open(sys.argv[2], "rt", encoding="utf-8", newline=""))]
print(f"LibreOffice: {len(office) - 1} rows, identical to the CSV: {office == ours}")
assert office == ours
PY
