extension String {
    /// Runs `body` over the string's UTF-8 bytes through the standard library's public API: in
    /// place for a native string (every string this program makes), copied once for any other.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
