/// price(part, customer, day) of SPEC §2.4: the record for the part at the customer's country,
/// currency and price level whose range contains the day.
public struct PriceBook: Sendable {
    /// Price record indexes ordered by key (feed order within a key), and each one's key beside
    /// it: two flat arrays searched by halving, where a table of one array per key took 2.5 times
    /// the memory (after the lines, the largest index a shard keeps).
    private let keys: [UInt64]
    private let order: [Int32]
    private let prices: ChunkedTable<PriceRecord>

    public init(_ prices: ChunkedTable<PriceRecord>) {
        self.prices = prices
        var keys = prices.map { PriceBook.key($0.part, $0.country, $0.currency, $0.level) }
        var order = Array(0..<Int32(prices.count))
        order.sort { a, b in
            let (ka, kb) = (keys[Int(a)], keys[Int(b)])
            return ka != kb ? ka < kb : a < b
        }
        keys.sort()  // now each beside its record's index, with no third array while building
        self.keys = keys
        self.order = order
    }

    private static func key(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel) -> UInt64 {
        UInt64(UInt32(bitPattern: part)) << 32 | UInt64(country.packed) << 16 | UInt64(currency.index) << 4
            | UInt64(level.ordinal)
    }

    /// The unit price of `part` in a country, currency and price level on `day`, or nil when there is none.
    public func price(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel, _ day: Day)
        -> Money?
    {
        let key = PriceBook.key(part, country, currency, level)
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        while low < keys.count, keys[low] == key {
            let p = prices[Int(order[low])]
            if p.effectiveFrom <= day, day <= (p.effectiveTo ?? .max) { return p.unitPrice }
            low += 1
        }
        return nil
    }
}
