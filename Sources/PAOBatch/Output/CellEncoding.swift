#if canImport(Glibc)
    import Glibc
#endif

/// How typed cells become field bytes (SPEC §6.2, §6.3): days, months, numbers and money are
/// written digit by digit straight into the row's reserved room, never through a String.
extension TextEncoding {
    /// Room for any cell that is not text: 39 digits of an Int128, a sign and a point.
    private static var numberBound: Int { 48 }

    /// The most bytes `cell` takes as a CSV field.
    @inline(__always)
    static func csvBound(_ cell: Cell) -> Int { bound(cell, text: csvBound) }

    /// The most bytes `cell` takes as XML text.
    @inline(__always)
    static func xmlBound(_ cell: Cell) -> Int { bound(cell, text: xmlBound) }

    @inline(__always)
    private static func bound(_ cell: Cell, text: (Int) -> Int) -> Int {
        switch cell {
        case .text(let s): text(s.utf8.count)
        case .money(_, let digits): numberBound + digits
        default: numberBound
        }
    }

    /// Calls `body` with the bytes `cell` prints as (its raw value, before quoting or the guard).
    static func withPrinted<R>(_ cell: Cell, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch cell {
        case .text(let s): return s.withUTF8Bytes(body)
        case .empty: return body(UnsafeBufferPointer(start: nil, count: 0))
        default:
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound(cell, text: { $0 })) { buffer in
                var p = buffer.baseAddress!
                writeValue(cell, at: &p)
                return body(UnsafeBufferPointer(start: buffer.baseAddress!, count: buffer.baseAddress!.distance(to: p)))
            }
        }
    }

    /// Whether `cell` prints as exactly `bytes`, byte for byte.
    static func prints(_ cell: Cell, as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withPrinted(cell) { printed in
            printed.count == bytes.count
                && (bytes.isEmpty || memcmp(printed.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    /// Writes `cell` as one CSV field; the formula guard applies to text (other cells are digits).
    @inline(__always)
    static func writeCSVField(_ cell: Cell, guarded: Bool, at p: inout UnsafeMutablePointer<UInt8>) {
        if case .text(let s) = cell {
            writeCSVField(s, guarded: guarded, at: &p)
        } else {
            writeValue(cell, at: &p)
        }
    }

    /// Writes `cell` as XML text.
    @inline(__always)
    static func writeXMLText(_ cell: Cell, at p: inout UnsafeMutablePointer<UInt8>) {
        if case .text(let s) = cell {
            writeXMLText(s, at: &p)
        } else {
            writeValue(cell, at: &p)
        }
    }

    /// A cell that is not text: nothing in it needs quoting or escaping.
    private static func writeValue(_ cell: Cell, at p: inout UnsafeMutablePointer<UInt8>) {
        switch cell {
        case .text, .empty: return
        case .day(let d): writeDay(d, at: &p)
        case .month(let m): writeMonth(m, at: &p)
        case .integer(let n): writeDecimal(Money(n), digits: 0, at: &p)
        case .money(let v, let digits): writeDecimal(v, digits: digits, at: &p)
        case .percent(let v): writeDecimal(v, digits: 2, at: &p)
        }
    }

    /// `YYYY-MM-DD`.
    static func writeDay(_ d: Day, at p: inout UnsafeMutablePointer<UInt8>) {
        let c = d.components
        guard c.year >= 0 && c.year <= 9999 else { return writeASCII(d.description, at: &p) }
        writeDigits(c.year, 4, at: &p)
        put(0x2D, at: &p)
        writeDigits(c.month, 2, at: &p)
        put(0x2D, at: &p)
        writeDigits(c.day, 2, at: &p)
    }

    /// `YYYY-MM`.
    static func writeMonth(_ m: Month, at p: inout UnsafeMutablePointer<UInt8>) {
        guard m.year >= 0 && m.year <= 9999 else { return writeASCII(m.description, at: &p) }
        writeDigits(m.year, 4, at: &p)
        put(0x2D, at: &p)
        writeDigits(m.number, 2, at: &p)
    }

    /// `value` / 10^`digits` with exactly `digits` decimals and at least one integer digit,
    /// e.g. `1234.50`, `-0.05`, `1235`.
    static func writeDecimal(_ value: Money, digits: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        MoneyText.write(value, minorDigits: digits, at: &p)
    }

    /// `n` (≥ 0) as exactly `width` digits.
    @inline(__always)
    private static func writeDigits(_ n: Int, _ width: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        var n = n
        for i in stride(from: width - 1, through: 0, by: -1) {
            p[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
            n /= 10
        }
        p += width
    }

    /// Text known to need no quoting or escaping (the rare out-of-range forms above).
    private static func writeASCII(_ text: String, at p: inout UnsafeMutablePointer<UInt8>) {
        text.withUTF8Bytes { put($0, at: &p) }
    }
}
