import Foundation
import Testing
@testable import PAOBatch

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
        let columns = lines.first { $0.hasPrefix("renewals\t") }?.split(separator: "\t").last?.split(separator: ",")
        let names: [String] = (columns ?? []).map { String($0.prefix { $0 != ":" }) }
        let expected: [String] = ReportID.renewals.spec.columns
        #expect(names == expected)
        #expect(names.first == "renewal_due_date" && names.last == "price_status" && names.count == 29)
    }

    @Test func moneyIsExactAndPrintedWithTheCurrencyDigits() {
        #expect(MoneyText.format(123450, minorDigits: 2) == "1234.50")
        #expect(MoneyText.format(1235, minorDigits: 0) == "1235")
        #expect(MoneyText.format(12345, minorDigits: 3) == "12.345")
        #expect(MoneyText.format(5, minorDigits: 2) == "0.05")
        #expect(MoneyText.format(-5, minorDigits: 3) == "-0.005")
        let big: Money = 999_999_999_999_999_9999 * 1_000_000_000
        #expect(MoneyText.format(big, minorDigits: 4) == "999999999999999999900000.0000")
        // Around the 18-digit fast path: the same text as the wide path would give.
        for digits in 0...3 {
            for value: Money in [
                0, 1, -1, 9, 10, 999_999_999_999_999_999, 1_000_000_000_000_000_000, -999_999_999_999_999_999,
                -1_000_000_000_000_000_000, 123_456_789_012_345_678_9
            ] {
                let magnitude = String(value < 0 ? -value : value)
                let padded = String(repeating: "0", count: max(0, digits + 1 - magnitude.count)) + magnitude
                let whole = padded.dropLast(digits), fraction = padded.suffix(digits)
                let expected = (value < 0 ? "-" : "") + whole + (digits > 0 ? "." + fraction : "")
                #expect(MoneyText.format(value, minorDigits: digits) == expected)
            }
        }
    }

    @Test func priceLevelsSortInTheirCanonicalOrder() {
        #expect(PriceLevel.allCases.map(\.ordinal) == Array(PriceLevel.allCases.indices))
        #expect(PriceLevel.allCases.sorted() == PriceLevel.allCases)
    }

    @Test func daysRoundTrip() {
        for text in ["0001-01-01", "1970-01-01", "2024-02-29", "2026-11-29", "9999-12-31"] {
            #expect(Day.parse(text)?.description == text)
        }
        #expect(Day.parse("2023-02-29") == nil)
        #expect((Day.parse("9999-12-31")! + 1).description == "10000-01-01")
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
