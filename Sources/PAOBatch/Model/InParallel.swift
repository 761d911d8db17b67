import Dispatch
import Foundation

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

/// `body(0..<count)` on every core, results in index order; the first error (by index) is thrown.
/// `body` must be safe to call from several threads at once.
func concurrentMap<T, E: Error>(_ count: Int, _ body: (Int) throws(E) -> T) throws(E) -> [T] {
    let slots = Slots<Result<T, E>>(count)
    withoutActuallyEscaping(body) { body in
        let unchecked = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: count) { n in
            slots.store(n, Result { () throws(E) -> T in try unchecked.value(n) })
        }
    }
    return try slots.values.map { result throws(E) -> T in try result!.get() }
}

/// One result slot per task; each slot is written by one task only, and read after all finished.
private final class Slots<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ n: Int, _ value: T) {
        lock.lock()
        values[n] = value
        lock.unlock()
    }
}

/// A closure handed to worker threads that the caller knows is safe to share.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
