import Foundation
import Testing
@testable import PAOBatch

/// A row of `report` with every column empty but those given (printed values, typed by column).
private func row(_ report: ReportID, _ values: [String: String]) -> [Cell] {
    report.spec.columns.map { Cell(parsing: values[$0] ?? "", as: ColumnKind(column: $0)) }
}

/// The printed baseline values of rows.
private func printed(_ rows: [[Cell]]) -> PrintedRows {
    var printed = PrintedRows(columns: rows.first?.count ?? 1)
    for row in rows {
        for cell in row { TextEncoding.withPrinted(cell) { printed.appendValue($0) } }
    }
    return printed
}

extension PrintedRows {
    /// Every row's values as Strings.
    var strings: [[String]] { (0..<count).map(strings) }
}

/// `change`, `changed_columns` and the named columns of each changes row.
private func summary(_ set: ChangeSet, _ report: ReportID, _ names: [String]) -> [String] {
    let columns = ChangeSet.columns(report.spec.columns)
    return set.rows.map { cells in
        ([cells[0].printed, cells[1].printed] + names.map { cells[columns.firstIndex(of: $0)!].printed })
            .joined(separator: " ")
    }
}

@Suite struct ChangeSetTests {
    private let renewal: [String: String] = [
        "renewal_due_date": "2027-01-01", "site_number": "2000001", "customer_name": "Acme", "order_number": "O1",
        "line_number": "1", "quantity": "10", "unit_price": "100.00", "renewal_unit_price": "110.00",
        "renewal_amount": "1100.00", "currency": "USD", "price_status": "OK"
    ]

    private func renewalRow(_ changes: [String: String]) -> [Cell] {
        row(.renewals, renewal.merging(changes) { $1 })
    }

    @Test func addedChangedAndDeletedRowsInTheReportsOrder() {
        let baseline = printed([
            renewalRow([:]),
            renewalRow(["order_number": "O2", "renewal_due_date": "2026-12-15"]),
            renewalRow(["order_number": "O3"])
        ])
        // O1: a price change that only moves the renewal price and amount; O2 gone; O3 equal; O4 new.
        let today = [
            renewalRow(["renewal_unit_price": "120.00", "renewal_amount": "1200.00"]),
            renewalRow(["order_number": "O3"]),
            renewalRow(["order_number": "O4", "renewal_due_date": "2027-02-01"])
        ]
        let set = ChangeSet(
            columns: ReportID.renewals.spec.columns, identity: ReportID.renewals.identity, today: today,
            baseline: baseline)
        #expect(
            summary(set, .renewals, ["order_number", "renewal_due_date", "renewal_amount"]) == [
                "D  O2 2026-12-15 1100.00", "C renewal_unit_price|renewal_amount O1 2027-01-01 1200.00",
                "A  O4 2027-02-01 1100.00"
            ])
        #expect(set.counts == ChangeCounts(added: 1, changed: 1, deleted: 1))
        // A deleted row keeps the baseline's values, typed again by column.
        let deleted = set.rows[0]
        let columns = ChangeSet.columns(ReportID.renewals.spec.columns)
        #expect(deleted[columns.firstIndex(of: "renewal_due_date")!] == .day(Day.parse("2026-12-15")!))
        #expect(deleted[columns.firstIndex(of: "renewal_amount")!] == .money(110_000, digits: 2))
        #expect(deleted[columns.firstIndex(of: "line_number")!] == .integer(1))
        #expect(deleted[columns.firstIndex(of: "customer_name")!] == .text("Acme"))
    }

    @Test func volatileColumnsAreShownButNeverCompared() {
        let columns = ReportID.renewals180.spec.columns
        func r180(_ days: String, _ status: String, order: String = "O1") -> [Cell] {
            row(
                .renewals180,
                [
                    "status": status, "days_to_expiry": days, "order_number": order, "line_number": "1",
                    "site_number": "2000001"
                ])
        }
        let set = ChangeSet(
            columns: columns, identity: ReportID.renewals180.identity,
            today: [r180("9", "DUE"), r180("-1", "LAPSED", order: "O2"), r180("10", "DUE", order: "O3")],
            baseline: printed([r180("10", "DUE"), r180("0", "DUE", order: "O2"), r180("11", "DUE", order: "O3")]))
        // Only the status change of O2 is listed, and days_to_expiry is not named as changed.
        #expect(summary(set, .renewals180, ["order_number", "days_to_expiry"]) == ["C status O2 -1"])
        for (report, column) in [(ReportID.renewalQuotes, "quote_date"), (.saasFulfillment, "days_in_status")] {
            #expect(report.identity.volatile == [column])
        }
    }

    @Test func numbersSortNumericallyAndTiesByKeyThenKind() {
        let columns = ReportID.renewals180.spec.columns
        func r180(_ days: String, _ order: String) -> [Cell] {
            row(.renewals180, ["days_to_expiry": days, "order_number": order, "line_number": "1", "status": "DUE"])
        }
        let set = ChangeSet(
            columns: columns, identity: ReportID.renewals180.identity,
            today: [r180("10", "O1"), r180("9", "O3"), r180("-20", "O4")], baseline: printed([r180("9", "O2")]))
        #expect(
            summary(set, .renewals180, ["days_to_expiry", "order_number"]) == [
                "A  -20 O4", "D  9 O2", "A  9 O3", "A  10 O1"
            ])
    }

    @Test func priceFileKeysUseTheCanonicalLevelOrder() {
        let columns = ReportID.priceFiles.spec.columns
        func price(_ level: String, _ amount: String) -> [Cell] {
            row(
                .priceFiles,
                [
                    "part_number": "P1", "price_level": level, "effective_from": "2026-01-01", "unit_price": amount,
                    "currency": "USD"
                ])
        }
        let set = ChangeSet(
            columns: columns, identity: ReportID.priceFiles.identity,
            today: [price("BL", "2.00"), price("D", "1.50"), price("ED", "1.00")],
            baseline: printed([price("BL", "2.00"), price("D", "1.00"), price("GV", "1.00")]))
        #expect(
            summary(set, .priceFiles, ["price_level", "unit_price"]) == [
                "C unit_price D 1.50", "A  ED 1.00", "D  GV 1.00"
            ])
    }

    @Test func repeatedKeysPairInOrder() {
        let columns = ReportID.saasProvisioning.spec.columns
        func element(_ value: String) -> [Cell] {
            row(.saasProvisioning, ["subscription_id": "S1", "element_name": "tenant_name", "element_value": value])
        }
        let set = ChangeSet(
            columns: columns, identity: ReportID.saasProvisioning.identity, today: [element("a"), element("b")],
            baseline: printed([element("a")]))
        #expect(summary(set, .saasProvisioning, ["element_value"]) == ["A  b"])
    }
}

@Suite struct BaselineFileTests {
    /// Writes `rows` of `report` as a published file would be written, and returns its path.
    private func published(_ rows: [[Cell]], _ report: ReportID, _ format: OutputFormat, dialect: CSVDialect)
        throws -> (path: String, entry: BaselineManifest.Entry)
    {
        let path = temporaryFolder() + "/\(report.rawValue)_1_2026-11-28.\(format.rawValue).gz"
        let writer = try ReportFileWriter(
            path: path, format: format, layout: FileLayout(report), rootAttributes: [("site", "1")], dialect: dialect,
            gzipLevel: 6)
        for row in rows { try writer.write(row) }
        let f = try writer.finish(name: "x")
        return (
            path,
            BaselineManifest.Entry(
                bytes: f.bytes, sha256: f.sha256, raw: RawDigest(bytes: f.rawBytes, sha256: f.rawSha256))
        )
    }

    @Test(arguments: [OutputFormat.csv, .xml])
    func readsBackWhatWasWrittenWithTheFormulaGuardRemoved(_ format: OutputFormat) throws {
        var dialect = CSVDialect()
        dialect.bom = true
        dialect.lineEnding = .crlf
        let names = ["=cmd|' /C calc'!A0", "+1", "'=already", "a,\"quoted\"\nline", "Ünïcødé & <tags>", ""]
        let rows = names.enumerated().map { n, name in
            row(.customers, ["site_number": "200000\(n)", "customer_name": name, "site_name": "-\(n)", "orders": "3"])
        }
        let (path, entry) = try published(rows, .customers, format, dialect: dialect)
        let columns = ReportID.customers.spec.columns
        let back = try BaselineFile.rows(path: path, format: format, columns: columns)
        if format == .xml {
            // The scanner for the tool's own layout reads the same values, and only the listed file.
            #expect(OwnXMLRows.read(path: path, entry: entry, columns: columns) == back)
            var other = entry
            other.sha256 = String(repeating: "0", count: 64)
            #expect(OwnXMLRows.read(path: path, entry: other, columns: columns) == nil)
            #expect(try BaselineFile.rows(path: path, format: format, entry: other, columns: columns) == back)
        }
        // CSV: a guarded value that itself began `'` followed by a formula character reads back
        // without its `'` (SPEC §11 removes one guard mark); XML keeps every value exactly.
        var expected = printed(rows).strings
        if format == .csv { expected[2][ReportID.customers.spec.columns.firstIndex(of: "customer_name")!] = "=already" }
        #expect(back.strings == expected)
    }

    @Test func aFileThatIsNotItsReportsOneGzipMemberIsUnusable() throws {
        let dir = temporaryFolder()
        let columns = ReportID.customers.spec.columns
        let header = Array((columns.joined(separator: ",") + "\n").utf8)
        let cases: [(String, [UInt8])] = [
            ("other columns", gzip(Array("site_number,customer_name\n1,a\n".utf8))),
            ("two members", gzip(header) + gzip(header)),
            ("truncated", Array(gzip(header + header).dropLast(6))),
            ("not gzip", header),
            ("short row", gzip(header + Array("1,2\n".utf8)))
        ]
        for (name, bytes) in cases {
            let path = "\(dir)/\(name.replacingOccurrences(of: " ", with: "-")).csv.gz"
            write(bytes, to: path)
            #expect(throws: BaselineFile.Unusable.self, "\(name)") {
                try BaselineFile.rows(path: path, format: .csv, columns: columns)
            }
        }
        #expect(throws: BaselineFile.Unusable.self) {
            try BaselineFile.rows(path: dir + "/missing.xml.gz", format: .xml, columns: columns)
        }
        let xml = "<report name=\"customers\"><row><site_number>1</site_number></row></report>"
        write(gzip(Array(xml.utf8)), to: dir + "/short.xml.gz")
        #expect(throws: BaselineFile.Unusable.self) {
            try BaselineFile.rows(path: dir + "/short.xml.gz", format: .xml, columns: columns)
        }
    }
}

@Suite struct EveryReportChangesTests {
    /// On the sample's own rows of each report: the first row new, the last gone, one compared
    /// column of a middle row changed, and (where the report has some) only volatile columns moved.
    @Test(arguments: ReportID.allCases)
    func everyReportKindListsAddedChangedAndDeletedRows(_ report: ReportID) throws {
        let rows: [[Cell]]
        if report == .priceFiles {
            let key = PriceFileKey(
                family: .software, view: .currentAndFuture, country: Country(code: "US")!,
                currency: Currency(code: "USD")!)
            rows = PriceFilesReport.rows(sampleView, key)
        } else {
            rows = ["1000001", "1000003", "1000005"].map { site in
                ReportRegistry.rows(
                    report,
                    ReportInput(
                        view: sampleView, site: sampleView.site(site), params: ReportParams(report),
                        filters: CustomerFilters()))
            }.max { $0.count < $1.count }!.map(\.values)
        }
        try #require(rows.count >= 4, "\(report) needs rows on the sample")
        let columns = report.spec.columns, identity = report.identity
        let column = try #require(
            columns.indices.first { i in
                !identity.key.contains(columns[i])
                    && !identity.volatile.contains(columns[i])
            })
        var today = Array(rows.dropLast())
        today[1][column] = .text("changed by the test")
        for i in today.indices.dropFirst(2) {
            for v in identity.volatile { today[i][columns.firstIndex(of: v)!] = .text("9999") }
        }
        let set = ChangeSet(
            columns: columns, identity: identity, today: today, baseline: printed(Array(rows.dropFirst())))
        #expect(set.counts == ChangeCounts(added: 1, changed: 1, deleted: 1), "\(report)")
        let byKind = Dictionary(grouping: set.rows) { $0[0].printed }
        #expect(byKind["A"]?.first.map { Array($0.dropFirst(2)) } == rows.first)
        #expect(byKind["D"]?.first.map { $0.dropFirst(2).map(\.printed) } == rows.last!.map(\.printed))
        #expect(byKind["C"]?.first?[1] == .text(columns[column]))
    }
}
