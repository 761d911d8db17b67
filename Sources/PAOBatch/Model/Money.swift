/// An exact amount in a currency's minor units (1234.50 USD is 123450).
///
/// 128 bits hold the largest price (15 integer and 4 minor digits) times the largest quantity.
public typealias Money = Int128

/// How a money text failed its checks (SPEC §2.0 Types).
enum MoneyError: Error, Equatable {
    /// Not `-?digits[.digits]`, or more minor digits than the currency has.
    case badNumber
    /// More than 15 integer digits.
    case badRange
}

enum MoneyText {
    /// Parses `-?digits[.digits]` into minor units of a currency with `minorDigits`
    /// (nil when the currency is unknown: only the shape is checked and the value is scaled by 4).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, minorDigits: Int?) -> Result<Money, MoneyError> {
        var i = 0
        let negative = b.first == 0x2D
        if negative { i = 1 }
        var value: Money = 0
        var intDigits = 0
        while i < b.count, b[i] &- 0x30 < 10 {
            if intDigits < 20 { value = value * 10 + Money(b[i] &- 0x30) }
            intDigits += 1
            i += 1
        }
        guard intDigits > 0 else { return .failure(.badNumber) }
        var fracDigits = 0
        if i < b.count {
            guard b[i] == 0x2E else { return .failure(.badNumber) }
            i += 1
            while i < b.count, b[i] &- 0x30 < 10 {
                if fracDigits < 8 { value = value * 10 + Money(b[i] &- 0x30) }
                fracDigits += 1
                i += 1
            }
            guard fracDigits > 0, i == b.count else { return .failure(.badNumber) }
        }
        let scale = minorDigits ?? 4
        if let minor = minorDigits, fracDigits > minor { return .failure(.badNumber) }
        guard intDigits <= 15 else { return .failure(.badRange) }
        for _ in 0..<max(0, scale - fracDigits) { value *= 10 }
        return .success(negative ? -value : value)
    }

    /// Formats minor units with exactly `minorDigits` decimals, e.g. `1234.50`, `1235`, `12.345`.
    static func format(_ value: Money, minorDigits: Int) -> String {
        if let small = Int64(exactly: value), small > -1_000_000_000_000_000_000, small < 1_000_000_000_000_000_000 {
            return format(small, minorDigits: minorDigits)
        }
        let negative = value < 0
        var digits = String(negative ? -value : value)
        if minorDigits > 0 {
            if digits.count <= minorDigits {
                digits = String(repeating: "0", count: minorDigits - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -minorDigits))
        }
        return negative ? "-" + digits : digits
    }

    /// The same for values of at most 18 digits, written straight into the string's bytes.
    private static func format(_ value: Int64, minorDigits: Int) -> String {
        String(unsafeUninitializedCapacity: 42 + minorDigits) { b in
            var p = b.baseAddress!
            write(Money(value), minorDigits: minorDigits, at: &p)
            return b.baseAddress!.distance(to: p)
        }
    }

    /// Writes `value` with exactly `minorDigits` decimals at `p` (at most 42 + `minorDigits`
    /// bytes: an Int128's digits, a sign, a point and leading zeros) and moves `p` past it.
    static func write(_ value: Money, minorDigits: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        guard let small = UInt64(exactly: value.magnitude) else {
            let text = format(value, minorDigits: minorDigits)
            for c in text.utf8 {
                p.pointee = c
                p += 1
            }
            return
        }
        if value < 0 {
            p.pointee = 0x2D
            p += 1
        }
        var count = 1
        var power: UInt64 = 10
        while count < 20 && small >= power {
            count += 1
            power = power.multipliedReportingOverflow(by: 10).partialValue
        }
        count = max(count, minorDigits + 1)
        let length = count + (minorDigits > 0 ? 1 : 0)
        var n = small
        var i = length - 1
        for k in 0..<count {
            if k == minorDigits && minorDigits > 0 {
                p[i] = 0x2E
                i -= 1
            }
            p[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
            n /= 10
            i -= 1
        }
        p += length
    }
}
