import Crypto

/// Passes bytes on to another sink while counting them and taking their SHA-256.
final class HashingSink: ByteSink {
    private let next: ByteSink
    private var hasher = SHA256()
    private(set) var count = 0

    init(_ next: ByteSink) { self.next = next }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        hasher.update(bufferPointer: bytes)
        count += bytes.count
        try next.write(bytes)
    }

    /// Hex SHA-256 of everything written.
    var sha256: String { hasher.finalize().map { hex2($0) }.joined() }
}
