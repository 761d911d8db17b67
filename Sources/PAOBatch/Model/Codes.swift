/// A currency of `docs/data/iso4217.tsv`, as its index in the table.
public struct Currency: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: UInt16

    public var code: String { iso4217Table[Int(index)].code }
    public var minorDigits: Int { iso4217Table[Int(index)].minorDigits }
    public var description: String { code }

    /// Table index + 1 by the code's three letters packed as base-26 digits (0 = no currency).
    private static let byLetters: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 26 * 26 * 26)
        for (i, entry) in iso4217Table.enumerated() { table[slot(Array(entry.code.utf8))!] = UInt16(i + 1) }
        return table
    }()

    private static func slot<C: Collection>(_ b: C) -> Int? where C.Element == UInt8 {
        guard b.count == 3 else { return nil }
        var v = 0
        for c in b {
            guard c &- 0x41 < 26 else { return nil }
            v = v * 26 + Int(c - 0x41)
        }
        return v
    }

    public init?(code: String) { self.init(bytes: Array(code.utf8)) }

    /// The currency at a table index (a compact record's stored form).
    init(index: UInt16) {
        precondition(Int(index) < iso4217Table.count, "not a currency table index")
        self.index = index
    }

    /// The currency spelled by three upper-case ASCII letters.
    init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard let s = Currency.slot(bytes) else { return nil }
        let i = Currency.byLetters[s]
        guard i > 0 else { return nil }
        index = i - 1
    }

    public static func < (a: Currency, b: Currency) -> Bool { a.index < b.index }
}

/// A country of `docs/data/iso3166-alpha2.txt`, as its two letters packed into 16 bits.
public struct Country: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let packed: UInt16

    /// Whether each pair of upper-case letters (26 × 26) is an assigned code.
    private static let valid: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in iso3166Table {
            let u = Array(code.utf8)
            table[Int(u[0] - 0x41) * 26 + Int(u[1] - 0x41)] = true
        }
        return table
    }()

    private static func pack(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    public init?(code: String) {
        let u = Array(code.utf8)
        guard u.count == 2 else { return nil }
        self.init(packed: Country.pack(u[0], u[1]))
    }

    init?(packed: UInt16) {
        let a = UInt8(packed >> 8) &- 0x41, b = UInt8(packed & 0xFF) &- 0x41
        guard a < 26, b < 26, Country.valid[Int(a) * 26 + Int(b)] else { return nil }
        self.packed = packed
    }

    /// The country spelled by two upper-case ASCII letters.
    init?<C: Collection>(bytes: C) where C.Element == UInt8 {
        guard bytes.count == 2 else { return nil }
        self.init(packed: Country.pack(bytes.first!, bytes[bytes.index(after: bytes.startIndex)]))
    }

    public var code: String { String(decoding: [UInt8(packed >> 8), UInt8(packed & 0xFF)], as: UTF8.self) }
    public var description: String { code }

    public static func < (a: Country, b: Country) -> Bool { a.packed < b.packed }
}
