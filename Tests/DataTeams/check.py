"""Checks a published Output/ the way a data team reads it (SPEC §15, docs/data-teams.md).

usage: check.py DOCS WORKDIR, where WORKDIR holds Output/ (the recipes use relative paths).

1. Every CSV file of every latest folder validates with frictionless against its Table Schema in
   Output/schemas/, with the manifest's row count; every manifest names the catalogue's version.
2. Every Python block of DOCS runs from WORKDIR; each block that loads `renewals` must give exactly
   the rows of the files it read, typed: ids as strings (leading zeros kept), dates as dates,
   integers as integers, money as exact decimals.
Prints one line per check; exits 1 on the first failure.
"""

import csv
import datetime
import decimal
import glob
import gzip
import json
import os
import re
import sys

from frictionless import Resource, Schema

docs, workdir = os.path.abspath(sys.argv[1]), sys.argv[2]
os.chdir(workdir)
catalogue = json.load(open("Output/schemas/catalogue.json"))
reports = {r["id"]: r for r in catalogue["reports"]}


def fail(message):
    print("FAIL", message)
    sys.exit(1)


def validate_every_csv():
    checked, seen = 0, set()
    for manifest_path in sorted(glob.glob("Output/sites/*/*/latest/MANIFEST.json")):
        folder = os.path.dirname(manifest_path)
        manifest = json.load(open(manifest_path))
        if manifest.get("schemaVersion") != catalogue["schemaVersion"]:
            fail(f"{manifest_path}: schemaVersion {manifest.get('schemaVersion')}")
        if not str(manifest.get("generator", "")).startswith("pao-batch "):
            fail(f"{manifest_path}: generator {manifest.get('generator')}")
        for entry in manifest["files"]:
            # A shared price file is one file in many folders: checked once.
            if entry["format"] != "csv" or entry["sha256"] in seen:
                continue
            seen.add(entry["sha256"])
            schema = Schema.from_descriptor(f"Output/schemas/{entry['report']}.schema.json")
            path = os.path.join(folder, entry["name"])
            report = Resource(path=path, schema=schema, format="csv", encoding="utf-8-sig").validate()
            rows = report.tasks[0].stats.get("rows") or 0
            if not report.valid or rows != entry["rows"]:
                errors = report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
                fail(f"{path}: {rows} rows of {entry['rows']}, {errors}")
            checked += 1
    if checked == 0:
        fail("no CSV file found")
    print(f"frictionless: {checked} CSV files valid")
    # The schemas have teeth: a site number that is not one, or a date that is not, fails.
    schema = Schema.from_descriptor("Output/schemas/renewals.schema.json")
    header = ",".join(c["name"] for c in reports["renewals"]["columns"])
    path = sorted(glob.glob("Output/sites/*/daily-renewals/latest/renewals_*.csv.gz"))[0]
    with gzip.open(path, "rt", encoding="utf-8") as f:
        good = f.read().splitlines()[1]
    for bad in [good.replace(",", ",X", 1), "2026-13-01" + good[10:]]:
        data = (header + "\n" + bad + "\n").encode()
        if Resource(data=data, format="csv", schema=schema).validate().valid:
            fail(f"the schema accepts {bad}")


def expected_rows(files, columns):
    """The rows as the CSV text says, each value typed from the catalogue."""
    rows = []
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            if next(reader) != [c["name"] for c in columns]:
                fail(f"{path}: header")
            for record in reader:
                rows.append(tuple(typed(c["type"], v) for c, v in zip(columns, record)))
    return rows


def typed(kind, text):
    if text == "":
        return None
    if kind == "date":
        return datetime.date.fromisoformat(text)
    if kind == "integer":
        return int(text)
    if kind in ("money", "percent"):
        return decimal.Decimal(text)
    if kind == "flag":
        return text == "Y"
    return text


def loaded_rows(frame, columns):
    """The rows a recipe loaded, as plain Python values; fails on a value of the wrong type."""
    names = [c["name"] for c in columns]
    module = type(frame).__module__
    if module.startswith("pandas"):
        if list(frame.columns) != names:
            fail(f"pandas columns {list(frame.columns)}")
        records = [tuple(r) for r in frame.itertuples(index=False, name=None)]
    elif module.startswith("polars"):
        if frame.columns != names:
            fail(f"polars columns {frame.columns}")
        records = frame.rows()
    elif module.startswith("duckdb"):
        if frame.columns != names:
            fail(f"duckdb columns {frame.columns}")
        records = frame.fetchall()
    else:
        fail(f"unknown frame type {type(frame)}")
    return [tuple(plain(c, v) for c, v in zip(columns, r)) for r in records], module.split(".")[0]


def plain(column, value):
    import pandas

    if value is None or value is pandas.NA or value is pandas.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    kind = column["type"]
    if kind == "date":
        if isinstance(value, pandas.Timestamp):
            value = value.date()
        ok = type(value) is datetime.date
    elif kind == "integer":
        ok = not isinstance(value, (bool, float)) and int(value) == value
        value = int(value) if ok else value
    elif kind in ("money", "percent"):
        ok = isinstance(value, decimal.Decimal)
    elif kind == "flag":
        ok = isinstance(value, bool) or type(value).__name__ == "bool_"
        value = bool(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        fail(f"{column['name']}: {value!r} is a {type(value).__name__}, not a {kind}")
    return value


def run_recipes():
    blocks = re.findall(r"```python\n(.*?)```", open(docs).read(), re.S)
    if len(blocks) < 4:
        fail(f"{len(blocks)} python blocks in {docs}")
    columns = reports["renewals"]["columns"]
    files = sorted(glob.glob("Output/sites/*/daily-renewals/latest/renewals_*.csv.gz"))
    expected = expected_rows(files, columns)
    ids = [c for c, col in enumerate(columns) if col["type"] == "id"]
    zeros = {row[i] for row in expected for i in ids if row[i] and row[i].startswith("0")}
    if not zeros:
        fail("the output has no id with a leading zero to check")

    def key(row):
        return tuple((v is None, str(v.normalize() if isinstance(v, decimal.Decimal) else v)) for v in row)

    libraries = []
    for n, block in enumerate(blocks):
        namespace = {}
        exec(compile(block, f"{docs} block {n + 1}", "exec"), namespace)
        if "renewals" not in namespace:
            continue
        rows, library = loaded_rows(namespace["renewals"], columns)
        if sorted(rows, key=key) != sorted(expected, key=key):
            fail(f"{library}: {len(rows)} rows loaded, {len(expected)} in the files, or values differ")
        libraries.append(library)
        print(f"{library}: {len(rows)} rows from {len(files)} files, typed, ids like {sorted(zeros)[0]} intact")
    if sorted(libraries) != ["duckdb", "pandas", "polars"]:
        fail(f"recipes checked: {libraries}")


validate_every_csv()
run_recipes()
print("ok")
