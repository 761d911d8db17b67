/// Field and text encoding rules of the CSV and XML outputs (SPEC §6.2, §6.3).
///
/// The `write…` forms store through a raw pointer into room the caller has reserved (at most
/// `csvBound` / `xmlBound` bytes), which is how report files are written; the `append…` forms
/// grow an array, for everything else.
public enum TextEncoding {
    /// Appends one CSV field: quoted only when it holds `,` `"` CR or LF; with `formulaGuard`
    /// a value starting with `=` `+` `-` `@` TAB or CR gets a leading `'`.
    public static func appendCSVField(_ value: String, guarded: Bool, to out: inout [UInt8]) {
        StringBytes.with(value) { bytes in
            append(upTo: csvBound(bytes.count), to: &out) { writeCSVField(bytes, guarded: guarded, at: &$0) }
        }
    }

    /// Appends `value` with `& < > "` escaped for XML text.
    public static func appendXMLText(_ value: String, to out: inout [UInt8]) {
        StringBytes.with(value) { bytes in
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
    static func writeCSVField(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool, at p: inout UnsafeMutablePointer<UInt8>) {
        let guardMark = guarded && startsFormula(bytes.first)
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
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

    /// Writes XML text at `p` and moves `p` past it.
    @inline(__always)
    static func writeXMLText(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout UnsafeMutablePointer<UInt8>) {
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
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

    /// Lets `body` write at most `bound` bytes at the end of `out`.
    private static func append(upTo bound: Int, to out: inout [UInt8], _ body: (inout UnsafeMutablePointer<UInt8>) -> Void) {
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
