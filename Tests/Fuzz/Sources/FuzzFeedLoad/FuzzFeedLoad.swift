import Foundation
import FuzzSupport
import PAOBatch

/// Whole-feed loading: the input's first byte picks a feed and its format (CSV, XML, gzipped or
/// not); the rest replaces that feed in a small valid input folder, and every feed is loaded as a
/// run loads them. Reject counts must match the rejects listed and every reject must name a real line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedLoad(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = fuzzInput(start, count)
    guard let selector = input.first else { return 0 }
    let feed = FeedName.allCases[Int(selector) % FeedName.allCases.count]
    let xml = feed == .saas_provisioning || selector & 0x10 != 0
    let gzipped = selector & 0x20 != 0
    let folder = ValidInput.fresh()
    try? FileManager.default.removeItem(atPath: "\(folder)/\(feed.rawValue).\(ValidInput.suffix(feed.rawValue))")
    let body = UnsafeRawBufferPointer(rebasing: input[1...])
    let name = "\(feed.rawValue).\(xml ? "xml" : "csv")"
    if gzipped {
        Array(gzipBytes(body)).withUnsafeBytes { _ = ScratchFolder.write($0, as: name + ".gz", in: folder) }
    } else {
        ScratchFolder.write(body, as: name, in: folder)
    }
    let result = DatasetLoader.load(inputFolder: folder, chunkSize: 1 + Int(selector >> 6) * 7)
    for stats in result.feeds where result.failure == nil {
        let listed = result.rejects.count { $0.feed == stats.feed.rawValue }
        if listed != stats.rejected { fatalError("\(stats.feed): \(listed) rejects listed, \(stats.rejected) counted") }
    }
    if let bad = result.rejects.first(where: { $0.line < 1 }) { fatalError("a reject without a line: \(bad)") }
    return 0
}

/// Gzip of a buffer, through the engine's own writer.
private func gzipBytes(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    final class Collect: ByteSink {
        var bytes: [UInt8] = []
        func write(_ b: UnsafeRawBufferPointer) throws(OutputError) { bytes.append(contentsOf: b) }
    }
    let sink = Collect()
    let gzip = GzipWriter(sink: sink, level: 1)
    do throws(OutputError) {
        try gzip.write(bytes)
        try gzip.finish()
    } catch {
        fatalError("gzip into memory failed: \(error)")
    }
    return sink.bytes
}
