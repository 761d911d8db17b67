import Foundation
import Testing
@testable import PAOBatch

private func bytes(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
        out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return out
}

@Suite struct GeneratorTests {
    @Test func sameSeedGivesTheSameBytes() throws {
        let a = temporaryFolder(), b = temporaryFolder(), c = temporaryFolder()
        #expect(paoBatch(["generate", "--out", a, "--seed", "7", "--bad-rows", "0.01"]).status == 0)
        #expect(paoBatch(["generate", "--out", b, "--seed", "7", "--bad-rows", "0.01"]).status == 0)
        #expect(paoBatch(["generate", "--out", c, "--seed", "8", "--bad-rows", "0.01"]).status == 0)
        let first = try bytes(a)
        #expect(first.count == 7)
        #expect(first == (try bytes(b)))
        #expect(first != (try bytes(c)))
    }

    @Test func committedSampleIsTheGeneratorsOutput() throws {
        let dir = temporaryFolder()
        try FeedGenerator(options: GeneratorOptions()).write(to: dir)
        #expect(try bytes(dir) == (try bytes(packageRoot + "/Input")))
    }

    @Test func sampleLoadsWithoutRejectsAndHasTheRealisticMix() {
        let result = DatasetLoader.load(inputFolder: packageRoot + "/Input")
        #expect(result.failure == nil)
        #expect(result.rejects.isEmpty)
        let d = result.dataset
        #expect(Set(d.parts.map(\.type)) == Set(PartType.allCases))
        #expect(d.resellers.contains { $0.role == .DISTRIBUTOR })
        #expect(d.resellers.contains { $0.role == .RESELLER && $0.distributor == nil })
        #expect(d.resellers.contains { $0.role == .RESELLER && $0.distributor != nil })
        #expect(d.resellers.contains { $0.status == .SUSPENDED })
        #expect(d.customers.contains { $0.enrollmentType == .PAE })
        #expect(d.prices.contains { $0.effectiveFrom > GeneratorOptions.anchor })
        #expect(d.lines.contains { $0.orderDate > GeneratorOptions.anchor })
        #expect(d.lines.contains { ($0.coverageEnd ?? .max) < GeneratorOptions.anchor })
        #expect(d.usage.contains { $0.overageSuppressed })
        #expect(!d.provisioning.isEmpty)
        #expect((1_500...3_000).contains(d.lines.count))
    }

    @Test(arguments: [GeneratorOptions.FeedFormat.mixed, .csv])
    func badRowsCoverEveryCodeAndNothingBadIsLoaded(_ format: GeneratorOptions.FeedFormat) throws {
        let dir = temporaryFolder()
        let generator = FeedGenerator(options: GeneratorOptions(seed: 3, badRows: 0.02, feedFormat: format))
        try generator.write(to: dir)
        let result = DatasetLoader.load(inputFolder: dir)
        #expect(result.failure == nil)
        #expect(Set(result.rejects.map(\.code)) == Set(RejectCode.allCases))
        for stats in result.feeds {
            #expect(stats.rejected == generator.badRecords[stats.feed], "\(stats.feed)")
            #expect(stats.read == generator.records[stats.feed], "\(stats.feed)")
        }
        // Every reject points at its record: the raw text starts on the reported line of the (inflated) file.
        for reject in result.rejects {
            let path = dir + "/" + reject.file
            let text = reject.file.hasSuffix(".gz") ? shell("zcat '\(path)'").stdout : try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let head = String(decoding: reject.raw.prefix(40), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            #expect(lines[reject.line - 1].contains(head), "\(reject.file):\(reject.line) \(reject.code)")
            if reject.file.contains(".xml") { #expect(reject.raw.first == 0x3C && (reject.raw.count >= 1024 || reject.raw.last == 0x3E)) }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        if format == .csv {
            #expect(names.filter { $0.hasSuffix(".csv") }.count == 6)
            #expect(!names.contains { $0.hasSuffix(".gz") })
        } else {
            #expect(names.contains { $0.hasSuffix(".csv.gz") } && names.contains { $0.hasSuffix(".xml.gz") })
        }
    }
}

@Suite struct CatalogTests {
    @Test func codeTablesMatchTheDataFiles() throws {
        let tsv = try String(contentsOfFile: packageRoot + "/docs/data/iso4217.tsv", encoding: .utf8)
        let currencies = tsv.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("code") }
            .map { $0.split(separator: "\t") }.map { (String($0[0]), Int($0[1])!) }
        #expect(currencies.map(\.0) == iso4217Table.map(\.code))
        #expect(currencies.map(\.1) == iso4217Table.map(\.minorDigits))
        let countries = try String(contentsOfFile: packageRoot + "/docs/data/iso3166-alpha2.txt", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(countries == iso3166Table)
    }

    @Test func reportsCommandListsEveryReportSorted() {
        let result = paoBatch(["reports"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == ReportID.allCases.count)
        #expect(lines.map { String($0.split(separator: "\t")[0]) } == ReportID.allCases.map(\.rawValue).sorted())
        #expect(lines.first { $0.hasPrefix("renewals\t") }?.hasSuffix("\trenewal_due_date,site_number,customer_number,site_name,agreement_number,customer_name,country,enrollment_type,price_level,anniversary_month,reseller_site,reseller_name,quote_number,order_number,line_number,subscription_id,part_number,part_type,renewal_part_number,renewal_part_description,term_months,quantity,coverage_start,coverage_end,unit_price,renewal_unit_price,renewal_amount,currency,price_status") == true)
    }

    @Test func moneyIsExactAndPrintedWithTheCurrencyDigits() {
        #expect(MoneyText.format(123450, minorDigits: 2) == "1234.50")
        #expect(MoneyText.format(1235, minorDigits: 0) == "1235")
        #expect(MoneyText.format(12345, minorDigits: 3) == "12.345")
        #expect(MoneyText.format(5, minorDigits: 2) == "0.05")
        #expect(MoneyText.format(-5, minorDigits: 3) == "-0.005")
        let big: Money = 999_999_999_999_999_9999 * 1_000_000_000
        #expect(MoneyText.format(big, minorDigits: 4) == "999999999999999999900000.0000")
    }

    @Test func daysRoundTrip() {
        for text in ["0001-01-01", "1970-01-01", "2024-02-29", "2026-11-29", "9999-12-31"] {
            #expect(Day.parse(text)?.description == text)
        }
        #expect(Day.parse("2023-02-29") == nil)
        #expect(Day.parse("2026-11-29")! - Day.parse("2026-01-01")! == 332)
    }
}

@Suite struct DocsTests {
    @Test func reportsDocListsEveryReportWithItsColumns() throws {
        let doc = try String(contentsOfFile: packageRoot + "/docs/reports.md", encoding: .utf8)
        for spec in reportCatalog {
            #expect(doc.contains("## \(spec.id.rawValue) — "), "\(spec.id.rawValue)")
            #expect(doc.contains("Columns: `\(spec.columns.joined(separator: ","))`"), "\(spec.id.rawValue) columns")
        }
    }
}
