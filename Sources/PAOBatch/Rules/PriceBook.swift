/// price(part, customer, day) of SPEC §2.4: the record for the part at the customer's country,
/// currency and price level whose range contains the day.
public struct PriceBook: Sendable {
    private var byKey: [UInt64: [Int32]] = [:]
    private let prices: [PriceRecord]

    public init(_ prices: [PriceRecord]) {
        self.prices = prices
        for (i, p) in prices.enumerated() {
            byKey[PriceBook.key(p.part, p.country, p.currency, p.level), default: []].append(Int32(i))
        }
    }

    private static func key(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel) -> UInt64 {
        UInt64(UInt32(bitPattern: part)) << 32 | UInt64(country.packed) << 16 | UInt64(currency.index) << 4
            | UInt64(level.ordinal)
    }

    /// The unit price of `part` in a country, currency and price level on `day`, or nil when there is none.
    public func price(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel, _ day: Day)
        -> Money?
    {
        guard let list = byKey[PriceBook.key(part, country, currency, level)] else { return nil }
        for i in list {
            let p = prices[Int(i)]
            if p.effectiveFrom <= day, day <= (p.effectiveTo ?? .max) { return p.unitPrice }
        }
        return nil
    }
}
