/// A report's order over printed values (SPEC §3 Sorting, §11): its sort columns, then its key
/// columns; text by UTF-8 bytes with the empty value first, numbers numerically, dates
/// chronologically, price levels and contacts' statuses and roles in canonical order.
struct RowOrder {
    private let columns: [(index: Int, rule: Rule)]

    private enum Rule {
        case bytes, number
        /// A code in its canonical place; an unknown one first.
        case canonical([String])
    }

    init(columns names: [String], identity: RowIdentity) {
        var list: [(Int, Rule)] = []
        for name in identity.sort + identity.key where !list.contains(where: { names[$0.0] == name }) {
            let rule: Rule
            switch ColumnKind(column: name) {
            case .integer, .money, .percent: rule = .number
            case .text where name == "price_level": rule = .canonical(PriceLevel.allCases.sorted().map(\.rawValue))
            case .text where name == "status": rule = .canonical(ContactStatus.allCases.map(\.rawValue))
            case .text where name == "role": rule = .canonical(ContactRole.allCases.map(\.rawValue))
            case .text, .date, .month: rule = .bytes
            }
            list.append((names.firstIndex(of: name)!, rule))
        }
        columns = list
    }

    func compare(_ a: [String], _ b: [String]) -> Order {
        for (i, rule) in columns {
            let order: Order
            switch rule {
            case .bytes: order = Order(compareBytes(a[i], b[i]))
            case .number: order = Order(RowOrder.number(a[i]), RowOrder.number(b[i]))
            case .canonical(let codes):
                order = Order(codes.firstIndex(of: a[i]) ?? -1, codes.firstIndex(of: b[i]) ?? -1)
            }
            if order != .equal { return order }
        }
        return .equal
    }

    /// A printed number in ten-thousandths; nil (first) when empty or not a number.
    private static func number(_ text: String) -> Money? {
        text.withUTF8Bytes { try? MoneyText.parse($0, minorDigits: nil).get() }
    }

    enum Order {
        case less, equal, greater

        init<T: Comparable>(_ a: T?, _ b: T?) {
            switch (a, b) {
            case (nil, nil): self = .equal
            case (nil, _): self = .less
            case (_, nil): self = .greater
            case (let x?, let y?): self = x < y ? .less : x > y ? .greater : .equal
            }
        }

        init(_ c: Int) { self = c < 0 ? .less : c > 0 ? .greater : .equal }
    }
}
