import Foundation
import Testing
@testable import PAOBatch

/// Every report on the committed sample for a distributor (1000001) and a direct reseller
/// (1000003), as of 2026-11-29, against reviewed files in Fixtures/golden. Regenerate on purpose
/// with `PAO_BATCH_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` and review the diff.
private let sample: AsOfView = {
    let result = DatasetLoader.load(inputFolder: packageRoot + "/Input")
    return AsOfView(result.dataset, asOf: GeneratorOptions.anchor)
}()

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
        let site = sample.site(siteId)
        let rows = ReportRegistry.rows(
            report, ReportInput(view: sample, site: site, params: ReportParams(report), filters: CustomerFilters()))
        #expect(
            !rows.isEmpty || [.subscriptionUpdates, .suppressedOverage].contains(report),
            "the sample should exercise \(report)")
        check(csv(report.spec.columns, rows.map(\.values)), "\(siteId)/\(report.rawValue).csv")
    }

    @Test func priceFileMatchesItsGoldenFile() {
        let key = PriceFileKey(
            family: .software, view: .currentAndFuture, country: Country(code: "KW")!, currency: Currency(code: "KWD")!)
        check(csv(ReportID.priceFiles.spec.columns, PriceFilesReport.rows(sample, key)), "\(key.stem).csv")
    }
}
