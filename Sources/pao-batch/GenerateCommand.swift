import ArgumentParser
import PAOBatch

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic set of feeds (same seed, same bytes)."
    )

    @Option(help: "Folder to write the feeds into.") var out: String
    @Option(help: "sample (~2,000 lines), S (~100k), M (1M) or L (10M).") var scale = GeneratorOptions.Scale.sample
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(
        name: .customLong("bad-rows"),
        help: "Share of extra bad records per feed (0–1); above 0 every reject code appears.")
    var badRows = 0.0
    @Option(
        name: .customLong("feed-format"),
        help: "mixed (CSV, XML and gzip) or csv (plain CSV; saas_provisioning stays XML).")
    var feedFormat = GeneratorOptions.FeedFormat.mixed
    @Option(
        help: """
            Days after the anchor day (2026-11-29): that day's world, with its orders, renewals, cancellations, \
            customer and price changes; publish it --as-of the anchor plus the days.
            """)
    var day = 0

    func validate() throws {
        guard (0...1).contains(badRows) else { throw ValidationError("--bad-rows must be from 0 to 1") }
        guard (0...3_660).contains(day) else { throw ValidationError("--day must be from 0 to 3660") }
    }

    func run() throws {
        let generator = FeedGenerator(
            options: GeneratorOptions(scale: scale, seed: seed, badRows: badRows, feedFormat: feedFormat, day: day))
        do { try generator.write(to: out) } catch {
            printError("pao-batch generate: \(error)")
            throw ExitCode(ExitStatus(outputError: error))
        }
        for feed in FeedName.allCases {
            print("\(feed.rawValue): \(generator.records[feed] ?? 0) records (\(generator.badRecords[feed] ?? 0) bad)")
        }
    }
}

extension GeneratorOptions.Scale: ExpressibleByArgument {}
extension GeneratorOptions.FeedFormat: ExpressibleByArgument {}
