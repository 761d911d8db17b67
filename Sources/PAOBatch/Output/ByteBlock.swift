/// A growable output block written through a raw pointer: a writer reserves room for a whole
/// row once, then stores bytes with no per-byte capacity or uniqueness checks.
final class ByteBlock {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held, from `base`.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Runs `body` over the bytes held (the block stays alive meanwhile).
    func withBytes<R, E>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Lets `body` write at most `bound` bytes after the ones held, from the pointer it is given
    /// and moves on; the block keeps what it wrote.
    @inline(__always)
    func write(upTo bound: Int, _ body: (inout UnsafeMutablePointer<UInt8>) -> Void) {
        if count + bound > capacity { grow(count + bound) }
        var p = base + count
        body(&p)
        count = p - base
    }

    func append(_ text: String) {
        text.withUTF8Bytes { bytes in write(upTo: bytes.count) { TextEncoding.put(bytes, at: &$0) } }
    }

    func removeAll() { count = 0 }

    private func grow(_ needed: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, 2 * capacity))
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = max(needed, 2 * capacity)
    }
}
