extension LoadContext {
    /// SPEC §2.4: ranges of one (part, country, currency, level) may not overlap.
    func loadPrices(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        struct Key: Hashable {
            var part: Int32
            var country: Country
            var currency: Currency
            var level: PriceLevel
        }
        // The accepted ranges of each key as a chain through one flat table (newest first), not an
        // array per key (a heap block each) while a large price feed loads.
        var newest: [Key: Int32] = [:]
        var ranges: [(range: ClosedRange<Day>, older: Int32)] = []
        try load(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let partNumber = try f.present(0)!
            let country = try f.country(1)!
            let currency = try f.currency(2)!
            let level = try f.enumeration(3, PriceLevel.self)!
            let price = try f.money(4, currency: currency)!
            let from = try f.date(5)!
            let to = try f.date(6)
            if let to, to < from {
                throw RecordFault(.BAD_RANGE, "effective_to", "effective_to \(to) is before effective_from \(from)")
            }
            guard let part = partByNumber.find(partNumber) else { throw f.unknownReference(0, "an accepted part") }
            let key = Key(part: part, country: country, currency: currency, level: level)
            let range = from...(to ?? Day.max)
            let head = newest[key] ?? -1
            var (link, clash) = (head, ClosedRange<Day>?.none)
            while link >= 0 {
                if ranges[Int(link)].range.overlaps(range) { clash = ranges[Int(link)].range }
                link = ranges[Int(link)].older
            }
            if let clash {  // the first one accepted, as the feed ordered them
                throw RecordFault(
                    .OVERLAP, "effective_from",
                    "overlaps the price from \(clash.lowerBound) for the same part, country, currency and level")
            }
            ranges.appendGrowingByQuarter((range, head))
            newest[key] = Int32(ranges.count - 1)
            if let needs, !needs.countries.contains(country) { return }
            dataset.prices.append(
                PriceRecord(
                    part: part, country: country, currency: currency, level: level,
                    unitPrice: price, effectiveFrom: from, effectiveTo: to))
        }
    }
}
