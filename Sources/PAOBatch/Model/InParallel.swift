import Dispatch

/// Runs two pieces of work at once (one per core) and returns both results.
func inParallel<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    var a: A?, b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let results = Box()
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 { results.first = first() } else { results.second = second() }
            }
            a = results.first as? A
            b = results.second as? B
        }
    }
    return (a!, b!)
}

/// Where the two tasks leave their results; each slot is written by one task only.
private final class Box: @unchecked Sendable {
    var first: Any?
    var second: Any?
}
