import Foundation
import Testing
@testable import PAOBatch

/// Reads every cell of every workbook under `folders` with openpyxl and compares it with the CSV
/// of the same report: the right cell type for the column's kind and exactly the CSV's value.
private let compareWithCSV = #"""
    import csv, datetime, gzip, json, os, sys
    from decimal import Decimal
    import openpyxl
    kinds = json.load(open(sys.argv[1]))
    guarded_columns = set(json.load(open(sys.argv[2])))
    problems, books = [], 0
    for folder in sys.argv[3:]:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".xlsx"): continue
            books += 1
            stem = name[:-5]
            table = list(csv.reader(gzip.open(os.path.join(folder, stem + ".csv.gz"), "rt", encoding="utf-8-sig", newline="")))
            book = openpyxl.load_workbook(os.path.join(folder, name))
            rows, sheets = [], book.worksheets
            for sheet in sheets:
                if sheet.freeze_panes != "A2" or not sheet["A1"].font.b: problems.append((name, "header"))
                if sheet.auto_filter.ref is None or not sheet.auto_filter.ref.startswith("A1:"):
                    problems.append((name, "autofilter"))
                got = [[c for c in r] for r in sheet.iter_rows()]
                if [c.value for c in got[0]] != table[0]: problems.append((name, "header text"))
                rows += got[1:]
            report = sheets[0].title
            if len(rows) != len(table) - 1: problems.append((name, "rows", len(rows), len(table) - 1))
            for line, (cells, values) in enumerate(zip(rows, table[1:]), 2):
                for column, kind, cell, text in zip(table[0], kinds[report], cells, values):
                    v = cell.value
                    if column in guarded_columns and text[:2] in ("'=", "'+", "'-", "'@", "'\t", "'\r"):
                        text = text[1:]
                    if text == "":
                        ok = v is None
                    elif kind == "date" and text >= "1900-03-01":
                        ok = isinstance(v, datetime.datetime) and v.date().isoformat() == text \
                            and cell.number_format == "yyyy-mm-dd"
                    elif kind == "integer":
                        ok = type(v) is int and str(v) == text
                    elif kind in ("money", "percent"):
                        digits = len(text.split(".")[1]) if "." in text else 0
                        ok = isinstance(v, (int, float)) and f"{Decimal(repr(v)):.{digits}f}" == text \
                            and cell.number_format == ("0." + "0" * digits if digits else "0")
                    else:
                        ok = isinstance(v, str) and v == text
                    if not ok: problems.append((name, line, column, kind, repr(v), text))
    print(json.dumps({"books": books, "problems": problems[:20]}))
    """#

/// The column kinds of every report and changes report, by sheet name, for the script.
private func writeKinds(to path: String) {
    var kinds: [String: [String]] = [:]
    for report in ReportID.allCases {
        kinds[report.rawValue] = report.spec.columns.map { ColumnKind(column: $0).rawValue }
        kinds[report.name(changes: true)] =
            ChangeSet.columns(report.spec.columns).map { ColumnKind(column: $0).rawValue }
    }
    let guarded = Array(ReportSpec.guardedColumns)
    write(String(decoding: try! JSONSerialization.data(withJSONObject: kinds), as: UTF8.self), to: path)
    write(String(decoding: try! JSONSerialization.data(withJSONObject: guarded), as: UTF8.self), to: path + ".guard")
}

@Suite(.serialized) struct WorkbookTests {
    @Test func workbooksReadBackWithOpenpyxlAsTheCSVWithTypedCells() throws {
        let dir = sampleRun()
        var config = try String(contentsOfFile: dir + "/jobs.json", encoding: .utf8)
        // Every job in every format, so price files and every report kind have workbooks too.
        config = config.replacingOccurrences(
            of: "\"reports\": [\"price-files\"]",
            with: "\"formats\": [\"csv\", \"xlsx\"], \"reports\": [\"price-files\"]")
        config = config.replacingOccurrences(
            of: "\"schedule\": \"45 2 * * *\",", with: "\"schedule\": \"45 2 * * *\", \"formats\": [\"csv\", \"xlsx\"],"
        )
        config = config.replacingOccurrences(
            of: "\"formats\": [\"csv\", \"xml\"],", with: "\"formats\": [\"csv\", \"xml\", \"xlsx\"],")
        write(config, to: dir + "/jobs.json")
        for asOf in ["2026-11-22", "2026-11-29"] {
            let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", asOf, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let folders = shell("ls -d '\(dir)'/Output/sites/100000[1-4]/*/2026-11-29").stdout.split(separator: "\n")
        #expect(folders.count >= 12)
        writeKinds(to: dir + "/kinds.json")
        let check = runProcess(
            "/usr/bin/python3",
            ["-c", compareWithCSV, dir + "/kinds.json", dir + "/kinds.json.guard"] + folders.map(String.init))
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stderr)")
        #expect((report["books"] as? Int ?? 0) > 100)
        #expect((report["problems"] as? [Any])?.isEmpty == true, "\(report["problems"] ?? check.stderr)")
        // Workbooks are listed and summed like every file; changes files have workbooks too.
        let listed = shell(
            "cd '\(folders[0])' && sha256sum --quiet -c SHA256SUMS && grep -c '\"format\": \"xlsx\"' MANIFEST.json")
        #expect(listed.status == 0 && Int(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))! > 5)
        #expect(shell("ls '\(dir)'/Output/sites/1000001/*/2026-11-29/*-changes_*.xlsx").stdout.contains("renewals"))
    }

    @Test func cellsKeepIdsAsTextAndDatesAndAmountsAsExcelValues() {
        #expect(WorkbookCell(.text("0012345")) == .text("0012345"))
        #expect(WorkbookCell(.text("1234567890123456789")) == .text("1234567890123456789"))
        #expect(WorkbookCell(.text("")) == .blank)
        #expect(WorkbookCell(.empty) == .blank)
        #expect(WorkbookCell(.month(Month(year: 2027, month: 1))) == .text("2027-01"))
        #expect(WorkbookCell(.day(Day(year: 1900, month: 3, day: 1))) == .number(61, .date))
        #expect(WorkbookCell(.day(Day(year: 2026, month: 11, day: 29))) == .number(46_355, .date))
        #expect(WorkbookCell(.day(Day(year: 1900, month: 2, day: 28))) == .text("1900-02-28"))
        #expect(WorkbookCell(.day(Day.max)) == .number(2_958_465, .date))
        #expect(WorkbookCell(.integer(-42)) == .number(-42, .integer))
        #expect(WorkbookCell(.integer(999_999_999_999_999)) == .number(999_999_999_999_999, .integer))
        #expect(WorkbookCell(.integer(1_000_000_000_000_000)) == .text("1000000000000000"))
        #expect(WorkbookCell(.money(123_450, digits: 2)) == .number(1234.5, .decimals(2)))
        #expect(WorkbookCell(.money(-5, digits: 2)) == .number(-0.05, .decimals(2)))
        #expect(WorkbookCell(.money(12_345, digits: 3)) == .number(12.345, .decimals(3)))
        #expect(WorkbookCell(.money(1235, digits: 0)) == .number(1235, .decimals(0)))
        #expect(WorkbookCell(.money(999_999_999_999_999, digits: 2)) == .number(9_999_999_999_999.99, .decimals(2)))
        #expect(WorkbookCell(.money(1_000_000_000_000_000, digits: 2)) == .text("10000000000000.00"))
        #expect(WorkbookCell(.money(-123_456_789_012_345_678, digits: 2)) == .text("-1234567890123456.78"))
        #expect(WorkbookCell(.percent(-3333)) == .number(-33.33, .decimals(2)))
    }

    @Test func sheetsContinuePastTheRowLimitWithHeaderFreezeAndFilter() throws {
        let dir = temporaryFolder()
        let layout = FileLayout.changes(.renewalPriceNotices, columns: ["change", "site_number", "coverage_end"])
        let path = dir + "/book.xlsx"
        let writer = try WorkbookWriter(
            path: path, layout: layout, asOf: Day(year: 2026, month: 11, day: 29), rowsPerSheet: 3)
        for n in 0..<7 { try writer.write([.text("A"), .text("00\(n)"), .day(Day(year: 2027, month: 1, day: n + 1))]) }
        let file = try writer.finish(name: "book.xlsx")
        #expect(file.rows == 7 && file.format == .xlsx && file.rawSha256 == file.sha256)
        let script = """
            import openpyxl, sys
            b = openpyxl.load_workbook(sys.argv[1])
            for s in b.worksheets:
                rows = list(s.iter_rows(values_only=True))
                print(repr(s.title), s.freeze_panes, s.auto_filter.ref, rows[0][1], [r[1] for r in rows[1:]])
            """
        let result = runProcess("/usr/bin/python3", ["-c", script, path])
        #expect(
            result.stdout == """
                'renewal-price-notices-changes' A2 A1:C4 site_number ['000', '001', '002']
                'renewal-price-notices-chang (2)' A2 A1:C4 site_number ['003', '004', '005']
                'renewal-price-notices-chang (3)' A2 A1:C2 site_number ['006']

                """, "\(result.stderr)")
        // The same rows give the same bytes.
        let again = try WorkbookWriter(
            path: dir + "/again.xlsx", layout: layout, asOf: Day(year: 2026, month: 11, day: 29), rowsPerSheet: 3)
        for n in 0..<7 { try again.write([.text("A"), .text("00\(n)"), .day(Day(year: 2027, month: 1, day: n + 1))]) }
        #expect(try again.finish(name: "again.xlsx").sha256 == file.sha256)
    }
}
