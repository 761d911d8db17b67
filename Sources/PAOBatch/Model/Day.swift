/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The day for a civil date; the caller guarantees a valid date.
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        rawValue = Int32(era * 146_097 + doe - 719_468)
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(rawValue) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static let max = Day(year: 9999, month: 12, day: 31)

    public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }
    public static func + (a: Day, days: Int) -> Day { Day(rawValue: a.rawValue + Int32(days)) }
    public static func - (a: Day, days: Int) -> Day { Day(rawValue: a.rawValue - Int32(days)) }
    public static func - (a: Day, b: Day) -> Int { Int(a.rawValue) - Int(b.rawValue) }

    /// The month this day falls in.
    public var month: Month {
        let c = components
        return Month(year: c.year, month: c.month)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        guard c.year >= 0 && c.year <= 9999 else { return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) }
        return String(unsafeUninitializedCapacity: 10) { b in
            writeDigits(c.year, 4, to: b, at: 0)
            b[4] = 0x2D
            writeDigits(c.month, 2, to: b, at: 5)
            b[7] = 0x2D
            writeDigits(c.day, 2, to: b, at: 8)
            return 10
        }
    }

    /// `YYYYMMDD`.
    public var compact: String {
        let c = components
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2)
    }

    /// Parses exactly `YYYY-MM-DD` naming a real date from 0001-01-01 to 9999-12-31.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
            let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2),
            y >= 1, m >= 1, m <= 12, d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Parses a date held in a String (configuration and command line).
    public static func parse(_ s: String) -> Day? {
        var s = s
        return s.withUTF8 { parse($0) }
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A calendar month as `year * 12 + (month - 1)`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(year: Int, month: Int) { rawValue = Int32(year * 12 + month - 1) }
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public var year: Int { Int(rawValue) / 12 }
    public var number: Int { Int(rawValue) % 12 + 1 }
    public var firstDay: Day { Day(year: year, month: number, day: 1) }
    public var lastDay: Day { Day(year: year, month: number, day: Day.daysIn(month: number, year: year)) }

    public static func < (a: Month, b: Month) -> Bool { a.rawValue < b.rawValue }
    public static func + (a: Month, n: Int) -> Month { Month(rawValue: a.rawValue + Int32(n)) }

    /// `YYYY-MM`.
    public var description: String { pad(year, 4) + "-" + pad(number, 2) }

    /// Parses exactly `YYYY-MM` with a year from 0001 to 9999.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Month? {
        guard b.count == 7, b[4] == 0x2D, let y = digits(b, 0, 4), let m = digits(b, 5, 2),
            y >= 1, m >= 1, m <= 12
        else { return nil }
        return Month(year: y, month: m)
    }
}

/// The decimal value of `count` ASCII digits at `start`, or nil when one is not a digit.
@inline(__always)
func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var v = 0
    for i in start..<start + count {
        let c = b[i] &- 0x30
        guard c < 10 else { return nil }
        v = v * 10 + Int(c)
    }
    return v
}

/// `n` in decimal, zero-padded to `width` digits.
/// Writes `n` (≥ 0) as exactly `width` ASCII digits, zero-padded, at `start`.
@inline(__always)
func writeDigits(_ n: Int, _ width: Int, to b: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    var n = n
    for i in stride(from: start + width - 1, through: start, by: -1) {
        b[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
        n /= 10
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
