import Foundation
import PAOBatch

/// `pao-bench parse FILE...`: parse-only MB/s of feed files.
/// `pao-bench gzip FILE`: the gzip writer's MB/s at level 6, one stream and two streams at once.
/// `pao-bench xlsx ROWS FILE`: one workbook of ROWS synthetic rows; its bytes and rows per second.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "parse":
    for path in arguments.dropFirst() {
        let clock = Stopwatch()
        let result = try FeedParseBenchmark.parse(path: path)
        let mb = Double(result.bytes) / 1e6
        print(
            "\(path.split(separator: "/").last!): \(result.records) records, \(Int(mb)) MB in \(Int(clock.elapsed * 1000)) ms = \(Int(mb / clock.elapsed)) MB/s"
        )
    }
case "xlsx":
    let rows = Int(arguments[1])!
    let clock = Stopwatch()
    let bytes = try WorkbookBenchmark.write(rows: rows, to: arguments[2])
    print(
        "\(rows) rows, \(bytes) bytes in \(Int(clock.elapsed * 1000)) ms = \(Int(Double(rows) / clock.elapsed)) rows/s")
case "gzip":
    let data = Array(FileManager.default.contents(atPath: arguments[1])!)
    @Sendable func compress(_ path: String) throws {
        let file = try FileSink(path: path)
        let gzip = GzipWriter(sink: file, level: 6)
        var offset = 0
        while offset < data.count {
            let end = min(offset + (1 << 16), data.count)
            try gzip.write(Array(data[offset..<end]))
            offset = end
        }
        try gzip.finish()
        try file.close()
    }
    let mb = Double(data.count) / 1e6
    var clock = Stopwatch()
    try compress(NSTemporaryDirectory() + "pao-bench-1.gz")
    print("1 stream: \(Int(mb / clock.elapsed)) MB/s")
    clock = Stopwatch()
    DispatchQueue.concurrentPerform(iterations: 2) { i in try! compress(NSTemporaryDirectory() + "pao-bench-2-\(i).gz")
    }
    print("2 streams at once: \(Int(2 * mb / clock.elapsed)) MB/s in total")
default:
    print("usage: pao-bench parse FILE... | pao-bench gzip FILE")
}
