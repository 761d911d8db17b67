import PAOBatch

/// Parse-only throughput of the feed readers: `pao-bench parse FILE...` prints MB/s per file.
let files = CommandLine.arguments.dropFirst()
for path in files {
    let clock = Stopwatch()
    let result = try FeedParseBenchmark.parse(path: path)
    let seconds = clock.elapsed
    let mb = Double(result.bytes) / 1e6
    print("\(path.split(separator: "/").last!): \(result.records) records, \(Int(mb)) MB in \(Int(seconds * 1000)) ms = \(Int(mb / seconds)) MB/s")
}
