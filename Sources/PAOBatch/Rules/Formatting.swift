/// How values are printed in reports (SPEC §3, §10).
enum Format {
    static func money(_ value: Money, _ currency: Currency) -> String {
        MoneyText.format(value, minorDigits: currency.minorDigits)
    }

    static func money(_ value: Money?, _ currency: Currency) -> String { value.map { money($0, currency) } ?? "" }

    static func yesNo(_ b: Bool) -> String { b ? "Y" : "N" }

    static func date(_ d: Day?) -> String { d?.description ?? "" }

    /// (new − old) / old × 100, rounded half away from zero to 2 decimals; empty when old is 0 or missing.
    static func changePercent(old: Money?, new: Money?) -> String {
        guard let old, let new, old != 0 else { return "" }
        let num = (new - old) * 20_000
        var q = num / old
        // q is twice the hundredths value, truncated toward zero: halve with rounding away from zero.
        q = q >= 0 ? (q + 1) / 2 : (q - 1) / 2
        if q == 0 { return "0.00" }
        let negative = q < 0
        let digits = MoneyText.format(negative ? -q : q, minorDigits: 2)
        return negative ? "-" + digits : digits
    }
}
