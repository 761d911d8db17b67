/// What changes in the generated world day by day after the anchor (SPEC §11 `generate --day K`).
///
/// Day 0 is the world as generated; each later day's events are decided by hashing (seed, kind of
/// event, record, day) rather than by drawing from the generator's stream, so day 0 keeps its
/// bytes and day K + 1 is day K plus one more day of events.
struct DayChanges {
    enum Event: UInt64 {
        case rename = 1, levelChange, cancellation, priceChange, newOrders
    }

    let seed: UInt64
    /// Days after the anchor (0 = none).
    let days: Int

    /// The days in 1...`days` on which `event` happens to `key`, at `rate` per day.
    func days(_ event: Event, _ key: Int, rate: Double) -> [Int] {
        days == 0 ? [] : (1...days).filter { day in unit(event, key, day) < rate }
    }

    /// The generator for what `event` adds on `day` (new orders, their lines).
    func generator(_ event: Event, day: Int) -> SplitMix64 {
        SplitMix64(seed: mix(seed, event.rawValue, 0, UInt64(day)))
    }

    private func unit(_ event: Event, _ key: Int, _ day: Int) -> Double {
        Double(mix(seed, event.rawValue, UInt64(bitPattern: Int64(key)), UInt64(day)) >> 11) / Double(1 << 53)
    }

    private func mix(_ values: UInt64...) -> UInt64 {
        var state: UInt64 = 0x243F_6A88_85A3_08D3
        for v in values {
            var g = SplitMix64(seed: state ^ v)
            state = g.next()
        }
        return state
    }
}
