/// The price table ordered by market (country, currency), part, level and start day, so the
/// lookup of SPEC §2.4 and each price file's records are found by halving the table itself:
/// no index beside it (which took 40 MB in every shard at scale L). Feed order is not needed
/// after loading: the ranges of one (part, country, currency, level) never overlap, so at most
/// one record matches a lookup, and a price file sorts its rows by part, level and start day.
extension PriceRecord {
    /// Country, currency, part and level as one number ordered as the table is.
    static func searchKey(_ part: Int32, _ country: Country, _ currency: Currency, _ level: PriceLevel) -> UInt64 {
        UInt64(country.packed) << 48 | UInt64(currency.index) << 36 | UInt64(UInt32(bitPattern: part)) << 4
            | UInt64(level.ordinal)
    }

    var searchKey: UInt64 { Self.searchKey(part, country, currency, level) }

    fileprivate static func ordered(_ a: PriceRecord, _ b: PriceRecord) -> Bool {
        (a.searchKey, a.effectiveFrom) < (b.searchKey, b.effectiveFrom)
    }
}

extension ChunkedTable<PriceRecord> {
    /// Puts the records in market order; the loader does this once every feed is read.
    mutating func sortByMarket() { sortInPlace(by: PriceRecord.ordered) }

    var isSortedByMarket: Bool { indices.dropFirst().allSatisfy { !PriceRecord.ordered(self[$0], self[$0 - 1]) } }

    /// The index of the first record whose search key is not below `key`.
    func firstIndex(notBelow key: UInt64) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle].searchKey < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The records of one country and currency, in table order.
    func market(_ country: Country, _ currency: Currency) -> Slice<Self> {
        let first = PriceRecord.searchKey(0, country, currency, .BL)
        let next = ((first >> 36) + 1) << 36
        return self[firstIndex(notBelow: first)..<firstIndex(notBelow: next)]
    }
}
