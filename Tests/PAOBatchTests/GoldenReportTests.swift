import Foundation
import Testing
@testable import PAOBatch

/// Every report on the committed sample for a distributor (1000001) and a direct reseller
/// (1000003), as of 2026-11-29, against reviewed files in Fixtures/golden. Regenerate on purpose
/// with `PAO_BATCH_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` and review the diff.
private func csv(_ columns: [String], _ rows: [[String]]) -> String {
    var out: [UInt8] = []
    for row in [columns] + rows {
        for (i, value) in row.enumerated() {
            if i > 0 { out.append(0x2C) }
            TextEncoding.appendCSVField(value, guarded: ReportSpec.guardedColumns.contains(columns[i]), to: &out)
        }
        out.append(0x0A)
    }
    return String(decoding: out, as: UTF8.self)
}

private func check(_ text: String, _ name: String) {
    let path = "\(packageRoot)/Tests/PAOBatchTests/Fixtures/golden/\(name)"
    if ProcessInfo.processInfo.environment["PAO_BATCH_UPDATE_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        write(text, to: path)
    }
    let expected = try? String(contentsOfFile: path, encoding: .utf8)
    let same = expected == text
    #expect(same, "\(name) differs from its golden file")
}

@Suite struct GoldenReportTests {
    @Test(arguments: ["1000001", "1000003"], ReportID.allCases.filter { $0 != .priceFiles })
    func reportMatchesItsGoldenFile(_ siteId: String, _ report: ReportID) {
        let site = sampleView.site(siteId)
        let rows = ReportRegistry.rows(
            report, ReportInput(view: sampleView, site: site, params: ReportParams(report), filters: CustomerFilters()))
        #expect(
            !rows.isEmpty || [.subscriptionUpdates, .suppressedOverage].contains(report),
            "the sample should exercise \(report)")
        check(csv(report.spec.columns, rows.map { $0.values.map(\.printed) }), "\(siteId)/\(report.rawValue).csv")
        for row in rows { expectTyped(row.values, report.spec) }
    }

    @Test func priceFileMatchesItsGoldenFile() {
        let key = PriceFileKey(
            family: .software, view: .currentAndFuture, country: Country(code: "KW")!, currency: Currency(code: "KWD")!)
        check(
            csv(ReportID.priceFiles.spec.columns, PriceFilesReport.rows(sampleView, key).map { $0.map(\.printed) }),
            "\(key.stem).csv")
        for row in PriceFilesReport.rows(sampleView, key) { expectTyped(row, ReportID.priceFiles.spec) }
    }
}

/// Each cell has the type its column declares (the XSD and the workbook writer rely on it).
private func expectTyped(_ row: [Cell], _ spec: ReportSpec) {
    #expect(row.count == spec.columns.count)
    for (cell, column) in zip(row, spec.columns) {
        let fits: Bool
        switch (cell, ColumnKind(column: column)) {
        case (.empty, _), (.text, .text), (.day, .date), (.month, .month), (.integer, .integer), (.money, .money),
            (.percent, .percent):
            fits = true
        default: fits = false
        }
        #expect(fits, "\(spec.id.rawValue).\(column) holds \(cell)")
    }
    // And the data contract the catalogue publishes (SPEC §15): nullability and patterns.
    for (cell, contract) in zip(row, spec.contract()) {
        #expect(!cell.isEmpty || contract.nullable, "\(spec.id.rawValue).\(contract.name) is empty")
        if case .text(let text) = cell, !text.isEmpty,
            let pattern = contract.pattern ?? (contract.type == .flag ? "^(Y|N)$" : nil)
        {
            #expect(text.range(of: pattern, options: .regularExpression) != nil, "\(contract.name): \(text)")
        }
    }
}

@Suite struct CellEncodingTests {
    private func csv(_ cell: Cell) -> String {
        var out: [UInt8] = []
        let bound = TextEncoding.csvBound(cell) + TextEncoding.padding
        out = [UInt8](repeating: 0, count: bound)
        let end = out.withUnsafeMutableBufferPointer { b in
            var p = b.baseAddress!
            TextEncoding.writeCSVField(cell, guarded: true, at: &p)
            return p - b.baseAddress!
        }
        return String(decoding: out[..<end], as: UTF8.self)
    }

    @Test func typedCellsPrintAsTheyDidAsText() {
        let cases: [(Cell, String)] = [
            (.money(123_450, digits: 2), "1234.50"), (.money(-5, digits: 2), "-0.05"), (.money(0, digits: 3), "0.000"),
            (.money(1235, digits: 0), "1235"), (.money(-7, digits: 0), "-7"),
            (.money(Money(Int64.max) * 1000 + 1, digits: 4), "922337203685477580.7001"),
            (.money(-Money(UInt64.max), digits: 2), "-184467440737095516.15"),
            (.money(Money(UInt64.max), digits: 25), "0.0000018446744073709551615"),
            (.integer(0), "0"), (.integer(-42), "-42"), (.integer(Int64.min), "-9223372036854775808"),
            (.percent(-33_33), "-33.33"), (.percent(0), "0.00"),
            (.day(Day(year: 2026, month: 2, day: 9)), "2026-02-09"), (.day(.max), "9999-12-31"),
            (.day(Day(year: 1, month: 1, day: 1)), "0001-01-01"), (.day(Day.max + 1), "10000-01-01"),
            (.month(Month(year: 2027, month: 1)), "2027-01"), (.empty, ""), (.text("=1+2"), "'=1+2"),
            (.text("a,b"), "\"a,b\"")
        ]
        for (cell, text) in cases {
            #expect(csv(cell) == text, "\(cell)")
            if case .text = cell { continue }
            #expect(cell.printed == text, "\(cell)")
            let prints = { (text: String) in text.withUTF8Bytes { TextEncoding.prints(cell, as: $0) } }
            #expect(prints(text) && !prints(text + "0"), "\(cell)")
        }
    }
}
