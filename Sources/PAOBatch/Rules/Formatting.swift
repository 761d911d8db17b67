/// Computed values whose rounding SPEC §3 fixes.
enum Format {
    /// (new − old) / old × 100, rounded half away from zero to 2 decimals; empty when old is 0 or missing.
    static func changePercent(old: Money?, new: Money?) -> Cell {
        guard let old, let new, old != 0 else { return .empty }
        let num = (new - old) * 20_000
        let q = num / old
        // q is twice the hundredths value, truncated toward zero: halve with rounding away from zero.
        return .percent(q >= 0 ? (q + 1) / 2 : (q - 1) / 2)
    }
}
