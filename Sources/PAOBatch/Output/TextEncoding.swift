/// Field and text encoding rules of the CSV and XML outputs (SPEC §6.2, §6.3).
///
/// The `write…` forms store through a raw pointer into room the caller has reserved (at most
/// `csvBound` / `xmlBound` bytes), which is how report files are written; the `append…` forms
/// grow an array, for everything else.
public enum TextEncoding {
    /// Appends one CSV field: quoted only when it holds `,` `"` CR or LF; with `formulaGuard`
    /// a value starting with `=` `+` `-` `@` TAB or CR gets a leading `'`.
    public static func appendCSVField(_ value: String, guarded: Bool, to out: inout [UInt8]) {
        value.withUTF8Bytes { bytes in
            append(upTo: csvBound(bytes.count), to: &out) { writeCSVField(bytes, guarded: guarded, at: &$0) }
        }
    }

    /// Appends `value` with `& < > "` escaped for XML text.
    public static func appendXMLText(_ value: String, to out: inout [UInt8]) {
        value.withUTF8Bytes { bytes in
            append(upTo: xmlBound(bytes.count), to: &out) { writeXMLText(bytes, at: &$0) }
        }
    }

    /// Whether a spreadsheet would read `value` as a formula (SPEC §6.2).
    public static func startsFormula(_ value: String) -> Bool { startsFormula(value.utf8.first) }

    @inline(__always)
    static func startsFormula(_ first: UInt8?) -> Bool {
        guard let c = first else { return false }
        return c == 0x3D || c == 0x2B || c == 0x2D || c == 0x40 || c == 0x09 || c == 0x0D
    }

    /// The most bytes a CSV field of `count` bytes takes: every byte a doubled quote, plus the
    /// quotes and the guard mark.
    @inline(__always)
    static func csvBound(_ count: Int) -> Int { 2 * count + 3 }

    /// The most bytes XML text of `count` bytes takes: every byte `&quot;`.
    @inline(__always)
    static func xmlBound(_ count: Int) -> Int { 6 * count }

    /// Writes one CSV field at `p` and moves `p` past it.
    @inline(__always)
    static func writeCSVField(
        _ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool, at p: inout UnsafeMutablePointer<UInt8>
    ) {
        let guardMark = guarded && startsFormula(bytes.first)
        guard anyByte(of: bytes, csvSpecial) else {
            if guardMark { put(0x27, at: &p) }
            put(bytes, at: &p)
            return
        }
        put(0x22, at: &p)
        if guardMark { put(0x27, at: &p) }
        for c in bytes {
            if c == 0x22 { put(0x22, at: &p) }
            put(c, at: &p)
        }
        put(0x22, at: &p)
    }

    /// Writes `value` as one CSV field at `p`.
    @inline(__always)
    static func writeCSVField(_ value: String, guarded: Bool, at p: inout UnsafeMutablePointer<UInt8>) {
        value.withUTF8Bytes { writeCSVField($0, guarded: guarded, at: &p) }
    }

    /// Writes `value` as XML text at `p`.
    @inline(__always)
    static func writeXMLText(_ value: String, at p: inout UnsafeMutablePointer<UInt8>) {
        value.withUTF8Bytes { writeXMLText($0, at: &p) }
    }

    /// Room a writer keeps past a row's bound for the whole-word stores of `putPadded`.
    @inline(__always)
    static var padding: Int { 16 }

    /// Writes XML text at `p` and moves `p` past it.
    @inline(__always)
    static func writeXMLText(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout UnsafeMutablePointer<UInt8>) {
        guard anyByte(of: bytes, xmlSpecial) else {
            put(bytes, at: &p)
            return
        }
        for c in bytes {
            switch c {
            case 0x26: put("&amp;", at: &p)
            case 0x3C: put("&lt;", at: &p)
            case 0x3E: put("&gt;", at: &p)
            case 0x22: put("&quot;", at: &p)
            default: put(c, at: &p)
            }
        }
    }

    @inline(__always)
    static func put(_ byte: UInt8, at p: inout UnsafeMutablePointer<UInt8>) {
        p.pointee = byte
        p += 1
    }

    @inline(__always)
    static func put(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout UnsafeMutablePointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        p.update(from: base, count: bytes.count)
        p += bytes.count
    }

    @inline(__always)
    static func put(_ text: StaticString, at p: inout UnsafeMutablePointer<UInt8>) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), at: &p)
    }

    /// Copies `count` bytes eight at a time: reads up to 7 bytes past the source and writes up
    /// to 7 past the end (within `padding`); for sources padded on purpose.
    @inline(__always)
    static func putPadded(_ source: UnsafePointer<UInt8>, _ count: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        var k = 0
        while k < count {
            UnsafeMutableRawPointer(p + k).storeBytes(
                of: UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self), as: UInt64.self)
            k += 8
        }
        p += count
    }

    // Eight bytes at a time (SWAR): a word's bytes that equal a value get their high bit set.
    // Exact once masked to the bytes in use: a false mark only ever follows a true one.

    @inline(__always)
    private static func equalBytes(_ w: UInt64, _ c: UInt8) -> UInt64 {
        let v = w ^ (0x0101_0101_0101_0101 &* UInt64(c))
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// `,` `"` CR LF: a CSV field holding one is quoted.
    @inline(__always)
    private static func csvSpecial(_ w: UInt64) -> UInt64 {
        equalBytes(w, 0x2C) | equalBytes(w, 0x22) | equalBytes(w, 0x0D) | equalBytes(w, 0x0A)
    }

    /// `&` `<` `>` `"`: escaped in XML text.
    @inline(__always)
    private static func xmlSpecial(_ w: UInt64) -> UInt64 {
        equalBytes(w, 0x26) | equalBytes(w, 0x3C) | equalBytes(w, 0x3E) | equalBytes(w, 0x22)
    }

    /// A mask of a word's first `count` bytes (none when `count` ≤ 0, all when ≥ 8).
    @inline(__always)
    private static func firstBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : count <= 0 ? 0 : (1 << (UInt64(count) &* 8)) &- 1
    }

    /// Whether any byte is marked by `special`: whole words, the last one overlapping the one before.
    @inline(__always)
    private static func anyByte(of bytes: UnsafeBufferPointer<UInt8>, _ special: (UInt64) -> UInt64) -> Bool {
        guard bytes.count >= 8, let base = bytes.baseAddress else {
            var word: UInt64 = 0
            for (i, c) in bytes.enumerated() { word |= UInt64(c) << (8 * UInt64(i)) }
            return special(word) & firstBytes(bytes.count) != 0
        }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k + 8 <= bytes.count {
            if special(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) != 0 { return true }
            k += 8
        }
        return k < bytes.count && special(raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) != 0
    }

    /// Lets `body` write at most `bound` bytes at the end of `out`.
    private static func append(
        upTo bound: Int, to out: inout [UInt8], _ body: (inout UnsafeMutablePointer<UInt8>) -> Void
    ) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bound))
        let end = out.withUnsafeMutableBufferPointer { buffer in
            var p = buffer.baseAddress! + start
            body(&p)
            return p - buffer.baseAddress!
        }
        out.removeLast(out.count - end)
    }
}
