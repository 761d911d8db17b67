import Benchmark
import Foundation
import PAOBatch

/// Micro benchmarks of the four hot paths, each with its allocation count: CSV parse, XML read,
/// gzip write and one report. Their inputs are generated once (scale S, seed 1) before any runs.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        maxDuration: .seconds(5), maxIterations: 20)
    let csvFeeds = Inputs.generate(.csv), mixedFeeds = Inputs.generate(.mixed)

    Benchmark("CSV parse: transactions.csv, scale S") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FeedParseBenchmark.parse(path: csvFeeds + "/transactions.csv"))
        }
    }

    Benchmark("XML read: saas_usage.xml.gz, scale S") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try FeedParseBenchmark.parse(path: mixedFeeds + "/saas_usage.xml.gz"))
        }
    }

    let text = Array(FileManager.default.contents(atPath: csvFeeds + "/transactions.csv")!.prefix(8 << 20))
    Benchmark("gzip write: 8 MiB of CSV, level 6") { benchmark in
        for _ in benchmark.scaledIterations {
            let sink = CountingSink()
            let gzip = GzipWriter(sink: sink, level: 6)
            for start in stride(from: 0, to: text.count, by: 1 << 16) {
                try gzip.write(Array(text[start..<min(start + (1 << 16), text.count)]))
            }
            try gzip.finish()
            blackHole(sink.count)
        }
    }

    let dataset = DatasetLoader.load(inputFolder: csvFeeds).dataset
    let view = AsOfView(dataset, asOf: Day.parse("2026-11-29")!)
    Benchmark("report: renewals for every site, scale S") { benchmark in
        for _ in benchmark.scaledIterations {
            for site in 0..<Int32(dataset.resellers.count) {
                let input = ReportInput(
                    view: view, site: site, params: ReportParams(.renewals), filters: CustomerFilters())
                blackHole(ReportRegistry.rows(.renewals, input))
            }
        }
    }
}

/// Where the generated feeds are.
enum Inputs {
    static func generate(_ format: GeneratorOptions.FeedFormat) -> String {
        let folder = NSTemporaryDirectory() + "pao-micro-\(format.rawValue)"
        if !FileManager.default.fileExists(atPath: folder + "/transactions.csv") {
            try! FeedGenerator(options: GeneratorOptions(scale: .S, seed: 1, feedFormat: format)).write(to: folder)
        }
        return folder
    }
}

/// A sink that only counts what it is given.
final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) { count += bytes.count }
}
