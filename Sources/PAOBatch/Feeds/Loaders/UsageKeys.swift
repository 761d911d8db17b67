/// The (subscription, period) pairs the usage feed has accepted, for its DUPLICATE_KEY check
/// (SPEC §2.6). Every shard checks every record, and at scale L a set of the 13.5 million pairs
/// took 400 MB while it grew. Subscriptions are dense indexes and one subscription's periods lie
/// within a few years, so each holds a 64-month window of bits from 16 months before the first
/// period seen (12 bytes); only a period outside its window goes to a set.
struct UsageKeys {
    private static let none = Int32.min
    private var windowStart: [Int32]
    private var months: [UInt64]
    private var outside: Set<Int64> = []

    init(subscriptions: Int) {
        windowStart = Array(repeating: Self.none, count: subscriptions)
        months = Array(repeating: 0, count: subscriptions)
    }

    /// Adds the pair; false when it was there already.
    mutating func insert(subscription: Int32, period: Month) -> Bool {
        let s = Int(subscription)
        if windowStart[s] == Self.none { windowStart[s] = period.rawValue - 16 }
        let offset = Int(period.rawValue) - Int(windowStart[s])
        guard (0..<64).contains(offset) else {
            return outside.insert(Int64(subscription) << 32 | Int64(UInt32(bitPattern: period.rawValue))).inserted
        }
        let bit: UInt64 = 1 << UInt64(offset)
        defer { months[s] |= bit }
        return months[s] & bit == 0
    }
}
