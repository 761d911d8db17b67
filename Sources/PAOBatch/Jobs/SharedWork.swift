import Foundation

/// Work done once per key by whichever staging worker asks first; a worker asking for a key
/// another is producing waits for it (or, not waiting, goes on with other keys first).
final class SharedWork<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSCondition()
    private var done: [Key: Value] = [:]
    private var inProgress: Set<Key> = []

    /// The value of `key`, produced by this caller when no one has; nil only when `waiting` is
    /// false and another worker is producing it. A failure is thrown to its producer only; a
    /// later caller tries again.
    func value(_ key: Key, waiting: Bool, produce: () throws(OutputError) -> Value) throws(OutputError) -> Value? {
        lock.lock()
        while waiting && inProgress.contains(key) { lock.wait() }
        if let value = done[key] {
            lock.unlock()
            return value
        }
        if inProgress.contains(key) {
            lock.unlock()
            return nil
        }
        inProgress.insert(key)
        lock.unlock()
        let result: Result<Value, OutputError>
        do throws(OutputError) { result = .success(try produce()) } catch { result = .failure(error) }
        lock.lock()
        if case .success(let value) = result { done[key] = value }
        inProgress.remove(key)
        lock.broadcast()
        lock.unlock()
        return try result.get()
    }

    /// Every value produced so far.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return Array(done.values)
    }
}
