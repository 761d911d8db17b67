/// price(part, customer, day) of SPEC §2.4: the record for the part at the customer's country,
/// currency and price level whose range contains the day.
public struct PriceBook: Sendable {
    /// In market order (`sortByMarket`), so a key's records are found by halving the table.
    private let prices: ChunkedTable<PriceRecord>

    public init(_ prices: ChunkedTable<PriceRecord>) {
        precondition(prices.isSortedByMarket, "the price table is not in market order")
        self.prices = prices
    }

    /// The unit price of `part` in a country, currency and price level on `day`, or nil when there is none.
    public func price(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel, _ day: Day)
        -> Money?
    {
        let key = PriceRecord.searchKey(part, country, currency, level)
        var i = prices.firstIndex(notBelow: key)
        while i < prices.count, prices[i].searchKey == key, prices[i].effectiveFrom <= day {
            if day <= (prices[i].effectiveTo ?? .max) { return prices[i].unitPrice }
            i += 1
        }
        return nil
    }
}
