#if canImport(Glibc)
    import Glibc
#endif

/// Byte-order comparison of UTF-8 text (SPEC §3 Sorting): -1, 0 or 1.
@inline(__always)
func compareBytes(_ a: String, _ b: String) -> Int {
    a.withUTF8Bytes { x in
        b.withUTF8Bytes { y in
            let n = min(x.count, y.count)
            let r = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
            return r != 0 ? (r < 0 ? -1 : 1) : compareValues(x.count, y.count)
        }
    }
}

/// Whether `a` sorts before `b` in byte order.
@inline(__always)
func textLess(_ a: String, _ b: String) -> Bool { compareBytes(a, b) < 0 }

/// Compares two values: -1, 0 or 1.
@inline(__always)
func compareValues<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a == b ? 0 : 1 }
