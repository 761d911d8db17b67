extension Cell {
    /// A printed value read back from a published file, typed by its column; text when it does
    /// not print back the same (so a D row always shows the baseline's exact value).
    init(parsing text: String, as kind: ColumnKind) {
        guard !text.isEmpty else {
            self = .empty
            return
        }
        let cell: Cell?
        switch kind {
        case .text: cell = .text(text)
        case .date: cell = Day.parse(text).map(Cell.day)
        case .month: cell = text.withUTF8Bytes { Month.parse($0) }.map(Cell.month)
        case .integer: cell = Int64(text).map(Cell.integer)
        case .money, .percent:
            let digits = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            let value = text.withUTF8Bytes { try? MoneyText.parse($0, minorDigits: digits).get() }
            cell = value.map { kind == .money ? .money($0, digits: digits) : .percent($0) }
        }
        self = cell.flatMap { $0.printed == text ? $0 : nil } ?? .text(text)
    }
}
