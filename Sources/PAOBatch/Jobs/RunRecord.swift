import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `runs/<run-id>/run.json` and `rejects.csv.gz` (SPEC §6.5): what a run read, did and warned about.
public struct RunRecord: Sendable {
    public var runId: String
    public var command: String
    public var asOf: Day
    public var started: Date
    public var exitCode: ExitStatus = .ok
    public var feeds: [FeedStats] = []
    /// Wall seconds of loading every feed (some load side by side, so not the sum of their seconds).
    public var loadSeconds = 0.0
    public var rejects: [Reject] = []
    public var jobs: [JSONValue] = []
    public var warnings: [String] = []
    /// Wall seconds per stage of a run (load, index, reports and compression, publish).
    public var stages: JSONValue = .object([])
    /// Peak resident memory in MiB by the end of load, index and the run (`PeakMemory`).
    public var peakMemory: JSONValue = .object([])
    public var error: String?

    static let keptRuns = 50

    var json: JSONValue {
        var rejectCounts: [FeedName: [RejectCode: Int]] = [:]
        for r in rejects { rejectCounts[FeedName(rawValue: r.feed)!, default: [:]][r.code, default: 0] += 1 }
        let feedValues: [JSONValue] = feeds.map { f in
            .object([
                ("feed", .string(f.feed.rawValue)), ("file", f.file.map { .string($0) } ?? .null),
                ("sha256", f.sha256.map { .string($0) } ?? .null), ("bytes", .int(f.bytes)),
                ("streamBytes", .int(f.streamBytes)),
                ("seconds", seconds(f.seconds)), ("read", .int(f.read)),
                ("accepted", .int(f.accepted)), ("rejected", .int(f.rejected)),
                (
                    "rejectsByCode",
                    .object(
                        (rejectCounts[f.feed] ?? [:]).sorted { $0.key.rawValue < $1.key.rawValue }
                            .map { ($0.key.rawValue, .int($0.value)) })
                )
            ])
        }
        return .object([
            ("runId", .string(runId)), ("command", .string(command)), ("asOf", .string(asOf.description)),
            ("start", .string(RunClock.stamp(started))), ("end", .string(RunClock.stamp(Date()))),
            ("exitCode", .int(Int(exitCode.rawValue))), ("error", error.map { .string($0) } ?? .null),
            ("feeds", .array(feedValues)), ("stages", stages), ("peakMemoryMiB", peakMemory), ("jobs", .array(jobs)),
            ("warnings", .array(warnings.map { .string($0) }))
        ])
    }

    /// Writes the record into `runs/<run-id>/` (staged, then renamed) and keeps the newest 50 runs.
    public func write(outputRoot: String, csv: CSVDialect, gzipLevel: Int) throws(OutputError) {
        let runs = outputRoot + "/runs"
        try makePrivateFolder(runs)
        let stage = "\(runs)/.stage-\(runId)"
        try makePrivateFolder(stage)
        let record = try FileSink(path: stage + "/run.json", mode: 0o600)
        try record.write(Array((json.serialized() + "\n").utf8))
        try record.close(sync: true)
        try RejectsFile.write(rejects, to: stage + "/rejects.csv.gz", dialect: csv, gzipLevel: gzipLevel)
        try syncFolder(stage)
        guard rename(stage, "\(runs)/\(runId)") == 0 else {
            throw OutputError(.cannotCreate, "\(runs)/\(runId)", "rename failed: \(String(cString: strerror(errno)))")
        }
        try syncFolder(runs)
        let old = try FileSystem.names(runs).filter { !$0.hasPrefix(".") }.dropLast(RunRecord.keptRuns)
        for name in old { try FileSystem.removeTree("\(runs)/\(name)") }
    }
}
