/// UTF-8 bytes of Strings without copying them: output and lookups read string bytes in place.
enum StringBytes {
    /// The UTF-8 bytes of the string stored at `p`, read in place without copying the string (a
    /// copy costs a reference-count round trip): a small string's inline bytes, or a native
    /// string's buffer; nil for any other kind, which `with` handles. The bytes stay valid
    /// while the string at `p` is neither changed nor freed. Reads the two words of the 64-bit
    /// String layout of the Swift ABI: count and flags, then the object with its kind in the top nibble.
    @inline(__always)
    static func inPlace(_ p: UnsafePointer<String>) -> UnsafeBufferPointer<UInt8>? {
        #if _pointerBitWidth(_64) && _endian(little)
        let raw = UnsafeRawPointer(p)
        let countAndFlags = raw.load(as: UInt64.self)
        let object = raw.load(fromByteOffset: 8, as: UInt64.self)
        if object & (1 << 60) != 0 { return nil }  // foreign: no contiguous UTF-8
        if object & (1 << 61) != 0 {  // small: up to 15 bytes held in the two words themselves
            return UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: Int((object >> 56) & 0xF))
        }
        guard countAndFlags & (1 << 60) != 0 else { return nil }  // not tail-allocated: shared storage
        let start = UnsafePointer<UInt8>(bitPattern: UInt(object & 0x0FFF_FFFF_FFFF_FFFF) + 32)
        return UnsafeBufferPointer(start: start, count: Int(countAndFlags & 0xFFFF_FFFF_FFFF))
        #else
        return nil
        #endif
    }

    /// A small string's two words (its up to 15 UTF-8 bytes, first byte lowest, then its count
    /// and kind in the last byte) and its byte count; nil for any other kind.
    @inline(__always)
    static func smallWords(_ p: UnsafePointer<String>) -> (low: UInt64, high: UInt64, count: Int)? {
        #if _pointerBitWidth(_64) && _endian(little)
        let raw = UnsafeRawPointer(p)
        let object = raw.load(fromByteOffset: 8, as: UInt64.self)
        guard object & (1 << 61) != 0 else { return nil }
        return (raw.load(as: UInt64.self), object, Int((object >> 56) & 0xF))
        #else
        return nil
        #endif
    }

    /// The UTF-8 length of the string at `p`.
    @inline(__always)
    static func count(at p: UnsafePointer<String>) -> Int { inPlace(p)?.count ?? p.pointee.utf8.count }

    /// Runs `body` over the UTF-8 bytes of the string at `p`, in place when it can.
    @inline(__always)
    static func with<R>(at p: UnsafePointer<String>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let bytes = inPlace(p) { return body(bytes) }
        return with(p.pointee, body)
    }

    /// Runs `body` over the UTF-8 bytes of `value`, in place when the string is contiguous.
    @inline(__always)
    static func with<R>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = value
        return copy.withUTF8(body)
    }
}
