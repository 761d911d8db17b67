/// A currency of `docs/data/iso4217.tsv`, as its index in the table.
public struct Currency: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: UInt16

    public var code: String { iso4217Table[Int(index)].code }
    public var minorDigits: Int { iso4217Table[Int(index)].minorDigits }
    public var description: String { code }

    private static let byCode: [String: UInt16] = Dictionary(
        uniqueKeysWithValues: iso4217Table.enumerated().map { ($0.element.code, UInt16($0.offset)) })

    public init?(code: String) {
        guard let i = Currency.byCode[code] else { return nil }
        index = i
    }

    /// Every currency, in code order.
    public static var all: [Currency] { (0..<iso4217Table.count).map { Currency(index: UInt16($0)) } }

    private init(index: UInt16) { self.index = index }

    public static func < (a: Currency, b: Currency) -> Bool { a.index < b.index }
}

/// A country of `docs/data/iso3166-alpha2.txt`, as its two letters packed into 16 bits.
public struct Country: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let packed: UInt16

    private static let valid: Set<UInt16> = Set(iso3166Table.map { pack(Array($0.utf8)[0], Array($0.utf8)[1]) })

    private static func pack(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }

    public init?(code: String) {
        let u = Array(code.utf8)
        guard u.count == 2 else { return nil }
        self.init(packed: Country.pack(u[0], u[1]))
    }

    init?(packed: UInt16) {
        guard Country.valid.contains(packed) else { return nil }
        self.packed = packed
    }

    public var code: String { String(decoding: [UInt8(packed >> 8), UInt8(packed & 0xFF)], as: UTF8.self) }
    public var description: String { code }

    /// Every country, in code order.
    public static var all: [Country] { iso3166Table.map { Country(code: $0)! } }

    public static func < (a: Country, b: Country) -> Bool { a.packed < b.packed }
}
