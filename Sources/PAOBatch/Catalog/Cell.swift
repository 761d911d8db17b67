/// One value of a report row, typed: the writers encode days, months, numbers and money straight
/// into the output block (SPEC §6), so none of them is ever a String on the way out, and the
/// workbook writer can store them as dates and numbers.
public enum Cell: Sendable, Equatable {
    /// Text from the dataset or a code (empty text is an empty field).
    case text(String)
    /// A missing value: an empty field.
    case empty
    case day(Day)
    /// `YYYY-MM`.
    case month(Month)
    case integer(Int64)
    /// An amount in minor units, printed with exactly `digits` decimals (the currency's).
    case money(Money, digits: Int)
    /// A percentage in hundredths, printed with 2 decimals.
    case percent(Money)

    /// The day, or an empty field.
    public static func date(_ day: Day?) -> Cell { day.map(Cell.day) ?? .empty }

    /// An amount in `currency`, or an empty field.
    public static func amount(_ value: Money?, _ currency: Currency) -> Cell {
        value.map { .money($0, digits: currency.minorDigits) } ?? .empty
    }

    /// A count or quantity, or an empty field.
    public static func number<N: BinaryInteger>(_ n: N?) -> Cell { n.map { .integer(Int64($0)) } ?? .empty }

    /// `Y` or `N`.
    public static func yesNo(_ b: Bool) -> Cell { .text(b ? "Y" : "N") }

    /// The value as printed in a CSV field before quoting, for tests and messages.
    public var printed: String {
        switch self {
        case .text(let s): s
        case .empty: ""
        case .day(let d): d.description
        case .month(let m): m.description
        case .integer(let n): String(n)
        case .money(let v, let digits): MoneyText.format(v, minorDigits: digits)
        case .percent(let v): MoneyText.format(v, minorDigits: 2)
        }
    }

    /// Whether the field is empty (XML writes it as `<column/>`).
    var isEmpty: Bool {
        switch self {
        case .text(let s): s.isEmpty
        case .empty: true
        default: false
        }
    }
}
