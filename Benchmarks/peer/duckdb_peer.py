"""The DuckDB peer of Benchmarks/run.sh: the CSV-only part of the job that SQL can express —
order-history-detail and renewals for every site, gzipped CSV — as one COPY … PARTITION_BY per
report, on the same CSV feeds. It checks that its decompressed, sorted rows equal pao-batch's.

    python3 duckdb_peer.py WORK_DIR AS_OF LOOKBACK_DAYS ISO4217_TSV
"""
import csv, glob, gzip, io, os, shutil, sys, time

import duckdb

work, as_of, lookback, iso = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
inp, out = f"{work}/Input", f"{work}/duckdb"
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

GUARD = "CASE WHEN left({0}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || {0} ELSE {0} END"


def money(value, digits):
    """A DECIMAL(38,4) amount printed with the currency's digits."""
    text = f"CAST(CAST({value} AS DECIMAL(38,4)) AS VARCHAR)"
    return f"CASE {digits} WHEN 0 THEN split_part({text}, '.', 1) WHEN 4 THEN {text} ELSE left({text}, length({text}) - (4 - {digits})) END"


start = time.time()
db = duckdb.connect()
db.execute("SET threads=2")
for feed in ["resellers", "customers", "parts", "prices", "transactions"]:
    db.execute(f"CREATE VIEW {feed} AS SELECT * FROM read_csv('{inp}/{feed}.csv', all_varchar=true, header=true)")
db.execute(f"CREATE VIEW iso AS SELECT * FROM read_csv('{iso}', delim='\t', comment='#', header=true, all_varchar=true)")
db.execute("""
    CREATE TABLE scope AS
      SELECT reseller_site AS site, reseller_site AS member FROM resellers WHERE status = 'ACTIVE'
      UNION ALL
      SELECT d.reseller_site, r.reseller_site FROM resellers d JOIN resellers r ON r.distributor_site = d.reseller_site
      WHERE d.status = 'ACTIVE'
""")
amount = money("CAST(t.quantity AS DECIMAL(38,0)) * CAST(t.unit_price AS DECIMAL(38,4))", "CAST(iso.minor_digits AS INTEGER)")
db.execute(f"""
    COPY (
      SELECT s.site, t.order_date, t.order_number, CAST(CAST(t.line_number AS INTEGER) AS VARCHAR) AS line_number,
             t.reseller_site, {GUARD.format('r.reseller_name')} AS reseller_name, coalesce(t.quote_number, '') AS quote_number,
             c.site_number, c.customer_number, {GUARD.format('c.site_name')} AS site_name,
             coalesce(c.agreement_number, '') AS agreement_number, {GUARD.format('c.customer_name')} AS customer_name,
             p.part_number, {GUARD.format('p.description')} AS part_description, p.part_type,
             CAST(CAST(t.quantity AS BIGINT) AS VARCHAR) AS quantity, t.unit_price, {amount} AS amount, t.currency,
             coalesce(t.coverage_start, '') AS coverage_start, coalesce(t.coverage_end, '') AS coverage_end,
             coalesce(t.subscription_id, '') AS subscription_id
      FROM transactions t
      JOIN scope s ON s.member = t.reseller_site
      JOIN resellers r ON r.reseller_site = t.reseller_site
      JOIN customers c ON c.site_number = t.customer_site
      JOIN parts p ON p.part_number = t.part_number
      JOIN iso ON iso.code = t.currency
      WHERE CAST(t.order_date AS DATE) <= DATE '{as_of}' AND CAST(t.order_date AS DATE) > DATE '{as_of}' - {lookback}
      ORDER BY s.site, t.order_date, t.order_number, CAST(t.line_number AS INTEGER)
    ) TO '{out}/order-history-detail' (FORMAT csv, HEADER, PARTITION_BY (site), COMPRESSION gzip)
""")
db.execute(f"""
    CREATE TABLE visible AS
      SELECT t.*, CAST(t.coverage_start AS DATE) AS cs, CAST(t.coverage_end AS DATE) AS ce, p.part_type, p.renewal_part,
             coalesce(t.subscription_id, t.customer_site || '|' || p.renewal_part) AS renewal_key
      FROM transactions t JOIN parts p ON p.part_number = t.part_number
      WHERE CAST(t.order_date AS DATE) <= DATE '{as_of}'
        AND p.part_type IN ('LICENSE_SS', 'SS_RENEWAL', 'SS_REINSTATEMENT', 'CTL', 'SAAS')
""")
price = money("CAST(pr.unit_price AS DECIMAL(38,4))", "CAST(iso.minor_digits AS INTEGER)")
renewal_amount = money("CAST(v.quantity AS DECIMAL(38,0)) * CAST(pr.unit_price AS DECIMAL(38,4))", "CAST(iso.minor_digits AS INTEGER)")
db.execute(f"""
    COPY (
      WITH latest AS (
        SELECT v.* FROM visible v JOIN (SELECT renewal_key, max(cs) AS max_start FROM visible GROUP BY renewal_key) m
          ON m.renewal_key = v.renewal_key
        WHERE v.ce >= m.max_start AND v.ce >= DATE '{as_of}' AND v.ce < DATE '9999-12-31' AND v.ce <= DATE '{as_of}' + 365
          AND v.part_type IN ('LICENSE_SS', 'SS_RENEWAL', 'SS_REINSTATEMENT', 'SAAS')
      )
      SELECT s.site, CAST(v.ce + 1 AS VARCHAR) AS renewal_due_date, c.site_number, c.customer_number,
             {GUARD.format('c.site_name')} AS site_name, coalesce(c.agreement_number, '') AS agreement_number,
             {GUARD.format('c.customer_name')} AS customer_name, c.country, c.enrollment_type, c.price_level,
             coalesce(CAST(CAST(c.anniversary_month AS INTEGER) AS VARCHAR), '') AS anniversary_month, v.reseller_site,
             {GUARD.format('r.reseller_name')} AS reseller_name, coalesce(v.quote_number, '') AS quote_number, v.order_number,
             CAST(CAST(v.line_number AS INTEGER) AS VARCHAR) AS line_number, coalesce(v.subscription_id, '') AS subscription_id,
             v.part_number, v.part_type, v.renewal_part AS renewal_part_number,
             {GUARD.format('rp.description')} AS renewal_part_description,
             CAST(CAST(rp.term_months AS INTEGER) AS VARCHAR) AS term_months, CAST(CAST(v.quantity AS BIGINT) AS VARCHAR) AS quantity,
             v.coverage_start, v.coverage_end, {money("CAST(v.unit_price AS DECIMAL(38,4))", "CAST(iso.minor_digits AS INTEGER)")} AS unit_price,
             coalesce({price}, '') AS renewal_unit_price, coalesce({renewal_amount}, '') AS renewal_amount, v.currency,
             CASE WHEN pr.unit_price IS NULL THEN 'MISSING' ELSE 'OK' END AS price_status
      FROM latest v
      JOIN scope s ON s.member = v.reseller_site
      JOIN resellers r ON r.reseller_site = v.reseller_site
      JOIN customers c ON c.site_number = v.customer_site
      JOIN parts rp ON rp.part_number = v.renewal_part
      JOIN iso ON iso.code = v.currency
      LEFT JOIN prices pr ON pr.part_number = v.renewal_part AND pr.country = c.country AND pr.currency = c.currency
        AND pr.price_level = c.price_level AND CAST(pr.effective_from AS DATE) <= v.ce + 1
        AND (pr.effective_to IS NULL OR CAST(pr.effective_to AS DATE) >= v.ce + 1)
    ) TO '{out}/renewals' (FORMAT csv, HEADER, PARTITION_BY (site), COMPRESSION gzip)
""")
duck_seconds = time.time() - start


def rows(data):
    return sorted(tuple(r) for r in list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:])


def compare(report, job):
    """Sites whose sorted rows differ (a site DuckDB has no rows for must have none in pao-batch)."""
    differ = []
    for folder in glob.glob(f"{work}/Output/sites/*/{job}/{as_of}"):
        site = folder.split("/")[-3]
        parts = sorted(glob.glob(f"{out}/{report}/site={site}/*.csv*"))
        duck = rows(b"".join(gzip.open(f).read() for f in parts)) if parts else []
        mine = rows(gzip.open(f"{folder}/{report}_{site}_{as_of}.csv.gz").read())
        if duck != mine:
            differ.append(site)
    return differ


checks = {r: compare(r, j) for r, j in [("order-history-detail", "daily-customers"), ("renewals", "daily-renewals")]}
equal = all(not d for d in checks.values())
print(f"duckdb (threads=2): order-history-detail + renewals for every site in {duck_seconds:.1f} s; "
      f"rows equal to pao-batch's: {'yes' if equal else 'NO ' + str({r: d[:5] for r, d in checks.items() if d})}")
open(f"{work}/duckdb.txt", "w").write(f"{duck_seconds} {int(equal)}\n")
