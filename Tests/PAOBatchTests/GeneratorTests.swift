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
        #expect(first.count == 8)
        #expect(first == (try bytes(b)))
        #expect(first != (try bytes(c)))
    }

    @Test func laterDaysAreDeterministicAndDayZeroIsTheWorldAsGenerated() throws {
        let zero = temporaryFolder(), a = temporaryFolder(), b = temporaryFolder()
        #expect(paoBatch(["generate", "--out", zero, "--day", "0"]).status == 0)
        #expect(try bytes(zero) == (try bytes(packageRoot + "/Input")))
        #expect(paoBatch(["generate", "--out", a, "--day", "5", "--bad-rows", "0.01"]).status == 0)
        #expect(paoBatch(["generate", "--out", b, "--day", "5", "--bad-rows", "0.01"]).status == 0)
        #expect(try bytes(a) == (try bytes(b)))
        #expect(paoBatch(["generate", "--out", a, "--day", "3661"]).status == 64)
    }

    /// A week of consecutive days, each published as of its own day: every day's feeds load
    /// without a reject, and together the days give added, changed and deleted rows.
    @Test func consecutiveDaysGiveAddedChangedAndDeletedRows() throws {
        let dir = sampleRun()
        var changes: [String: ChangeCounts] = [:]
        for day in 0...7 {
            let input = "\(dir)/Input-\(day)"
            #expect(paoBatch(["generate", "--out", input, "--day", String(day)]).status == 0)
            let result = DatasetLoader.load(inputFolder: input)
            #expect(result.failure == nil && result.rejects.isEmpty, "day \(day)")
            var config = try String(contentsOfFile: dir + "/jobs.json", encoding: .utf8)
            config = config.replacingOccurrences(
                of: "\"input\": \"\(packageRoot)/Input\"", with: "\"input\": \"\(input)\"")
            write(config, to: dir + "/jobs-\(day).json")
            let asOf = (GeneratorOptions.anchor + day).description
            #expect(paoBatch(["run", "--config", dir + "/jobs-\(day).json", "--as-of", asOf, "--quiet"]).status == 0)
            for manifest in shell("ls '\(dir)'/Output/sites/*/*/\(asOf)/MANIFEST.json").stdout.split(separator: "\n") {
                let data = try Data(contentsOf: URL(fileURLWithPath: String(manifest)))
                let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
                for file in object["files"] as? [[String: Any]] ?? [] where file["format"] as? String == "csv" {
                    guard let c = file["changes"] as? [String: Int], let report = file["report"] as? String else {
                        continue
                    }
                    changes[report, default: ChangeCounts()].added += c["added"]!
                    changes[report, default: ChangeCounts()].changed += c["changed"]!
                    changes[report, default: ChangeCounts()].deleted += c["deleted"]!
                }
            }
        }
        for report in [
            "renewals", "ctl-renewals", "renewals-180", "renewal-quotes", "order-history-detail", "inventory",
            "renewals-summary", "suppressed-overage", "price-files"
        ] {
            let c = changes[report] ?? ChangeCounts()
            #expect(c.added > 0 && c.changed > 0 && c.deleted > 0, "\(report): \(c)")
        }
        #expect(changes["customers"].map { $0.changed > 0 } == true)
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
            let text =
                reject.file.hasSuffix(".gz")
                ? shell("zcat '\(path)'").stdout : try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let head =
                String(decoding: reject.raw.prefix(40), as: UTF8.self).split(separator: "\n").first.map(String.init)
                ?? ""
            #expect(lines[reject.line - 1].contains(head), "\(reject.file):\(reject.line) \(reject.code)")
            if reject.file.contains(".xml") {
                #expect(reject.raw.first == 0x3C && (reject.raw.count >= 1024 || reject.raw.last == 0x3E))
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        if format == .csv {
            #expect(names.filter { $0.hasSuffix(".csv") }.count == 7)
            #expect(!names.contains { $0.hasSuffix(".gz") })
        } else {
            #expect(names.contains { $0.hasSuffix(".csv.gz") } && names.contains { $0.hasSuffix(".xml.gz") })
        }
    }
}
