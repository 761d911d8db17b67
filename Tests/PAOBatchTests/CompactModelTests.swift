import Testing
@testable import PAOBatch

/// The compact forms of the tables and indexes a shard holds by the million (a shard's memory at scale L).
struct CompactModelTests {
    /// The records kept by the million are packed; a field added or moved that breaks the packing
    /// shows here, not as a slow rise of every run's memory.
    @Test func recordsStayPacked() {
        #expect(MemoryLayout<PriceRecord>.stride == 24)
        #expect(MemoryLayout<Line>.stride == 96)
        #expect(MemoryLayout<UsageRecord>.stride == 32)
    }

    /// Money kept in 64 bits reads back exactly, up to the largest accepted amount.
    @Test func largestAmountsReadBack() {
        let largest: Money = 9_999_999_999_999_999_999  // 15 integer and 4 minor digits
        let price = PriceRecord(
            part: 0, country: Country(code: "CL")!, currency: Currency(code: "CLF")!, level: .BL, unitPrice: largest,
            effectiveFrom: Day(year: 2026, month: 1, day: 1), effectiveTo: nil)
        #expect(price.unitPrice == largest)
        let usage = UsageRecord(
            subscription: 0, period: Month(year: 2026, month: 1), usedQuantity: 1_000_000_000, overageSuppressed: false,
            suppressionReason: nil)
        #expect(usage.usedQuantity == 1_000_000_000)
    }

    /// The windowed bits answer exactly as a set of pairs would, for periods inside and far
    /// outside a subscription's window, in any order.
    @Test func usageKeysAgreeWithASet() {
        var generator = SplitMix64(seed: 7)
        var keys = UsageKeys(subscriptions: 50)
        var pairs: Set<[Int32]> = []
        for _ in 0..<20_000 {
            let subscription = Int32(generator.next() % 50)
            let period = Month(year: 2000 + Int(generator.next() % 40), month: 1 + Int(generator.next() % 12))
            let fresh = pairs.insert([subscription, period.rawValue]).inserted
            #expect(keys.insert(subscription: subscription, period: period) == fresh)
        }
        #expect(pairs.count < 20_000)
    }

    /// The feed tables grow by a quarter: a table ends at most a quarter larger than its records
    /// (doubling would leave 262,144 places for these 200,000).
    @Test func tablesGrowByAQuarter() {
        var table: [Int64] = []
        for n in 0..<200_000 { table.appendGrowingByQuarter(Int64(n)) }
        #expect(table.count == 200_000 && table.last == 199_999)
        #expect(table.capacity < 255_000)
    }

    /// A table grown block by block reads, writes and walks like an array across block edges.
    @Test func chunkedTablesActLikeArrays() {
        var table = ChunkedTable<Int64>()
        var array: [Int64] = []
        for n in 0..<150_000 {
            table.append(Int64(n) * 3)
            array.append(Int64(n) * 3)
        }
        table[65_536] = -1
        array[65_536] = -1
        #expect(table.count == 150_000 && table.elementsEqual(array))
        #expect(table[65_535] == 196_605 && table[131_072] == 393_216)
        #expect(Array(table.enumerated().map(\.offset).suffix(1)) == [149_999])
    }

    /// Sorting in place across blocks moves every record to its place along the order's cycles,
    /// equal records keeping their order.
    @Test func chunkedTableSortsInPlace() {
        var generator = SplitMix64(seed: 5)
        let values = (0..<150_000).map { i in (key: Int(generator.next() % 1_000), at: i) }
        var table = ChunkedTable(values)
        table.sortInPlace { $0.key < $1.key }
        let expected = values.sorted { ($0.key, $0.at) < ($1.key, $1.at) }
        #expect(table.elementsEqual(expected) { $0.key == $1.key && $0.at == $1.at })
    }

    /// The price book, halving the table in market order, finds the same price as a scan of every
    /// record: several ranges of one key (never overlapping, as the loader accepts them), open
    /// ends, and keys with no record. Each market's slice holds exactly that market's records.
    @Test func priceBookAgreesWithAScan() {
        var generator = SplitMix64(seed: 11)
        let countries = ["DE", "FR", "US"].map { Country(code: $0)! }
        let currencies = ["EUR", "USD"].map { Currency(code: $0)! }
        let start = Day(year: 2026, month: 1, day: 1)
        var prices: [PriceRecord] = []
        for _ in 0..<3_000 {
            let from = start + Int(generator.next() % 400)
            let price = PriceRecord(
                part: Int32(generator.next() % 40), country: countries[Int(generator.next() % 3)],
                currency: currencies[Int(generator.next() % 2)], level: generator.next() % 2 == 0 ? .BL : .D,
                unitPrice: Money(generator.next() % 100_000), effectiveFrom: from,
                effectiveTo: generator.next() % 4 == 0 ? nil : from + Int(generator.next() % 30))
            let overlaps = prices.contains {
                $0.searchKey == price.searchKey && $0.effectiveFrom <= (price.effectiveTo ?? .max)
                    && price.effectiveFrom <= ($0.effectiveTo ?? .max)
            }
            if !overlaps { prices.append(price) }
        }
        var table = ChunkedTable(prices)
        table.sortByMarket()
        #expect(table.isSortedByMarket && table.count == prices.count && prices.count > 500)
        for country in countries {
            for currency in currencies {
                let market = table.market(country, currency)
                let expected = prices.filter { $0.country == country && $0.currency == currency }
                #expect(market.count == expected.count)
                #expect(market.allSatisfy { $0.country == country && $0.currency == currency })
            }
        }
        let book = PriceBook(table)
        for _ in 0..<3_000 {
            let (part, day) = (Int32(generator.next() % 45), start + Int(generator.next() % 450))
            let (country, currency) = (countries[Int(generator.next() % 3)], currencies[Int(generator.next() % 2)])
            let level: PriceLevel = generator.next() % 2 == 0 ? .BL : .D
            let scanned = prices.first {
                $0.part == part && $0.country == country && $0.currency == currency && $0.level == level
                    && $0.effectiveFrom <= day && day <= ($0.effectiveTo ?? .max)
            }
            #expect(book.price(part, country, currency, level, day) == scanned?.unitPrice)
        }
    }

    /// A run for some sites keeps only the subscriptions its records name, renumbered in their
    /// old order, each record still naming the same id and owner.
    @Test func unreferencedSubscriptionsAreDropped() {
        var data = Dataset()
        data.subscriptions = (0..<6).map { "S-\($0)" }
        data.subscriptionCustomer = [10, 11, 12, 13, 14, 15]
        let day = Day(year: 2026, month: 1, day: 1)
        for subscription in [Int32(4), nil, 1] {
            data.lines.append(
                Line(
                    orderNumber: "O", lineNumber: 1, orderDate: day, reseller: 0, customer: 0, quoteNumber: nil,
                    part: 0, quantity: 1, unitPrice: 0, coverageStart: day, coverageEnd: day,
                    subscription: subscription))
        }
        data.usage.append(
            UsageRecord(
                subscription: 4, period: Month(year: 2026, month: 1), usedQuantity: 1, overageSuppressed: false,
                suppressionReason: nil))
        data.provisioning.append(ProvisioningRecord(subscription: 5, events: [], elements: []))
        data.dropUnreferencedSubscriptions()
        #expect(data.subscriptions == ["S-1", "S-4", "S-5"])
        #expect(data.subscriptionCustomer == [11, 14, 15])
        #expect(data.lines.map(\.subscription) == [1, nil, 0])
        #expect(data.usage.map(\.subscription) == [1] && data.provisioning.map(\.subscription) == [2])
    }

    /// A run for some sites keeps only the customers its lines name, in their old order, each line
    /// and subscription still naming the same customer; a subscription of a dropped one owns none.
    @Test func unrelatedCustomersAreDropped() {
        var data = Dataset()
        data.customers = (0..<5).map { i in
            Customer(
                siteNumber: "C\(i)", siteName: "Site \(i)", customerNumber: "N\(i)", agreementNumber: nil,
                customerName: "Name \(i)", country: Country(code: "US")!, currency: Currency(code: "USD")!,
                enrollmentType: .PA, siteRole: nil, priceLevel: .BL, anniversaryMonth: nil)
        }
        let day = Day(year: 2026, month: 1, day: 1)
        for customer in [Int32(3), 1, 3] {
            data.lines.append(
                Line(
                    orderNumber: "O", lineNumber: 1, orderDate: day, reseller: 0, customer: customer,
                    quoteNumber: nil, part: 0, quantity: 1, unitPrice: 0, coverageStart: day, coverageEnd: day,
                    subscription: nil))
        }
        data.subscriptions = ["S-0", "S-1"]
        data.subscriptionCustomer = [4, 3]
        data.dropUnrelatedCustomers()
        #expect(data.customers.map(\.siteNumber) == ["C1", "C3"])
        #expect(data.lines.map(\.customer) == [1, 0, 1])
        #expect(data.subscriptionCustomer == [-1, 1])
    }
}
