import Foundation

/// Seconds with millisecond precision for the run record.
func seconds(_ s: Double) -> JSONValue { .number(String(format: "%.3f", s)) }

/// Thread-safe bookkeeping of the staging workers.
final class StagingResults: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private let count: Int
    /// What each staged folder holds (only the sums are kept: at scale L the price files alone
    /// are 1.7 M entries).
    private(set) var totals: [StagedTotals]
    /// What the run index says of each staged folder.
    private(set) var figures: [RunIndex.Folder]
    private(set) var failure: StagedFolder.Failure?
    private(set) var finished = 0
    private var warningsOfItem: [[String]]
    /// The staged folders' warnings, in plan order.
    var warnings: [String] { warningsOfItem.flatMap { $0 } }

    init(count: Int) {
        self.count = count
        totals = Array(repeating: StagedTotals(), count: count)
        figures = Array(repeating: RunIndex.Folder(), count: count)
        warningsOfItem = Array(repeating: [], count: count)
    }

    /// The next item to stage, or nil when all are taken or one failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, nextItem < count else { return nil }
        nextItem += 1
        return nextItem - 1
    }

    func store(_ n: Int, _ staged: StagedFolder.Staged, seconds: Double) {
        lock.lock()
        totals[n] = StagedTotals(staged.files, seconds: seconds)
        figures[n] = staged.figures
        warningsOfItem[n] = staged.warnings
        finished += 1
        lock.unlock()
    }

    func fail(_ error: StagedFolder.Failure) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}

/// Files, rows and bytes of staged folders, for the run record. `seconds` is staging time; a
/// job's sum is worker-seconds (with two workers, about twice the wall time the job took).
struct StagedTotals {
    var files = 0, rows = 0, bytes = 0, rawBytes = 0
    /// Files published as the baseline's bytes, and their raw bytes (not compressed again).
    var reusedFiles = 0, reusedRawBytes = 0
    var seconds = 0.0

    init() {}

    init(_ written: [WrittenFile], seconds: Double) {
        files = written.count
        rows = written.reduce(0) { $0 + $1.rows }
        bytes = written.reduce(0) { $0 + $1.bytes }
        rawBytes = written.reduce(0) { $0 + $1.rawBytes }
        let reused = written.filter(\.reused)
        reusedFiles = reused.count
        reusedRawBytes = reused.reduce(0) { $0 + $1.rawBytes }
        self.seconds = seconds
    }

    static func + (a: StagedTotals, b: StagedTotals) -> StagedTotals {
        var sum = a
        sum.files += b.files
        sum.rows += b.rows
        sum.bytes += b.bytes
        sum.rawBytes += b.rawBytes
        sum.reusedFiles += b.reusedFiles
        sum.reusedRawBytes += b.reusedRawBytes
        sum.seconds += b.seconds
        return sum
    }
}
