import Testing
@testable import PAOBatch

/// The compact forms of the tables a shard holds by the million (a shard's memory at scale L).
struct CompactModelTests {
    /// The records kept by the million are packed; a field added or moved that breaks the packing
    /// shows here, not as a slow rise of every run's memory.
    @Test func recordsStayPacked() {
        #expect(MemoryLayout<PriceRecord>.stride == 32)
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
}
