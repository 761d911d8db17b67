import Dispatch

/// Runs two pieces of work at once (one per core) and returns both results.
func inParallel<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = PairOfResults<A, B>()
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 { results.first = first() } else { results.second = second() }
            }
        }
    }
    return (results.first!, results.second!)
}

/// Where the two tasks leave their results; each slot is written by one task only, and read
/// after both have finished.
private final class PairOfResults<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
