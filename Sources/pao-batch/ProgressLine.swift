import Foundation
import PAOBatch

/// The `site-jobs done/total  rate/s  ETA` line on stderr. The rate counts from the first
/// finished site-job (loading the feeds is not part of it) and the ETA waits for a few of them,
/// so the first estimate is not a guess from one folder.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Stopwatch?
    private var firstDone = 0
    /// Finished site-jobs before an estimate is shown.
    static let settle = 5

    func report(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard let first else {
            self.first = Stopwatch()
            firstDone = done
            printError("\rsite-jobs \(done)/\(total)  ETA …   ", newline: done == total)
            return
        }
        let rate = Double(done - firstDone) / max(first.elapsed, 0.001)
        let eta = done - firstDone >= Self.settle && rate > 0 ? "\(Int(Double(total - done) / rate))s" : "…"
        printError("\rsite-jobs \(done)/\(total)  \(Int(rate))/s  ETA \(eta)   ", newline: done == total)
    }
}
