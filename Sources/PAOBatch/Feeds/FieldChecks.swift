extension FieldRecord {
    /// Runs `body` with checks over this record's values (the bytes are borrowed, not retained per value).
    func withChecks<T>(_ columns: [FeedColumn], _ body: (FieldChecks) throws(RecordFault) -> T) throws(RecordFault) -> T
    {
        var failure: RecordFault?
        let result: T? = bytes.withUnsafeBufferPointer { b in
            do throws(RecordFault) { return try body(FieldChecks(record: self, bytes: b, columns: columns)) } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw failure }
        return result!
    }
}

/// Typed access to one record's values, applying SPEC §2.0 in order for each column: text rules,
/// presence (for required columns), type, range. Each accessor throws the record's reject.
struct FieldChecks {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    let record: FieldRecord
    /// The record's value bytes, borrowed for the checks (see `FieldRecord.withChecks`).
    let bytes: Bytes
    let columns: [FeedColumn]

    /// The trimmed value of `column` after the text rules; nil when absent or empty.
    func value(_ column: Int) throws(RecordFault) -> Bytes? {
        guard let (range, length) = record.value(column) else { return nil }
        let bytes = Bytes(rebasing: self.bytes[range])
        if let code = TextRules.fault(bytes, decodedLength: length) {
            throw RecordFault(
                code, columns[column].name,
                code == .FIELD_TOO_LONG
                    ? "value longer than \(TextRules.maxFieldLength) bytes"
                    : "not valid UTF-8 text or holds a control character")
        }
        let t = trimmed(bytes)
        return t.isEmpty ? nil : t
    }

    /// The trimmed value, or `MISSING_FIELD` when the column is starred and the value absent.
    func present(_ column: Int) throws(RecordFault) -> Bytes? {
        let v = try value(column)
        if v == nil && columns[column].required {
            throw RecordFault(.MISSING_FIELD, columns[column].name, "\(columns[column].name) is required")
        }
        return v
    }

    func text(_ column: Int) throws(RecordFault) -> String? {
        try present(column).map { String(decoding: $0, as: UTF8.self) }
    }

    func id(_ column: Int, _ pattern: IdPattern) throws(RecordFault) -> String? {
        guard let v = try present(column) else { return nil }
        guard pattern.matches(v) else { throw fault(.BAD_ID, column, v, "is not a valid \(columns[column].name)") }
        return String(decoding: v, as: UTF8.self)
    }

    func date(_ column: Int) throws(RecordFault) -> Day? {
        guard let v = try present(column) else { return nil }
        guard let d = Day.parse(v) else {
            throw fault(.BAD_DATE, column, v, "is not a date YYYY-MM-DD")
        }
        return d
    }

    func month(_ column: Int) throws(RecordFault) -> Month? {
        guard let v = try present(column) else { return nil }
        guard let m = Month.parse(v) else {
            throw fault(.BAD_DATE, column, v, "is not a month YYYY-MM")
        }
        return m
    }

    func int(_ column: Int, _ range: ClosedRange<Int64>) throws(RecordFault) -> Int64? {
        guard let v = try present(column) else { return nil }
        guard v.allSatisfy({ $0 &- 0x30 < 10 }) else { throw fault(.BAD_NUMBER, column, v, "is not a whole number") }
        var n: Int64 = 0
        for c in v {
            n = n * 10 + Int64(c - 0x30)
            if n > range.upperBound { break }
        }
        guard range.contains(n) else {
            throw fault(.BAD_RANGE, column, v, "is outside \(range.lowerBound)–\(range.upperBound)")
        }
        return n
    }

    func enumeration<E: FeedEnum>(_ column: Int, _: E.Type) throws(RecordFault) -> E? {
        guard let v = try present(column) else { return nil }
        guard let e = E.parse(v) else {
            throw fault(.BAD_ENUM, column, v, "is not one of \(E.allCases.map(\.rawValue).joined(separator: " "))")
        }
        return e
    }

    func country(_ column: Int) throws(RecordFault) -> Country? {
        guard let v = try present(column) else { return nil }
        guard let c = Country(bytes: v) else {
            throw fault(.BAD_ENUM, column, v, "is not an ISO 3166 country code")
        }
        return c
    }

    func currency(_ column: Int) throws(RecordFault) -> Currency? {
        guard let v = try present(column) else { return nil }
        guard let c = Currency(bytes: v) else {
            throw fault(.BAD_ENUM, column, v, "is not an ISO 4217 currency code")
        }
        return c
    }

    /// The record's currency when `column` holds a valid one (money is checked against it), else nil.
    func peekCurrency(_ column: Int) -> Currency? {
        guard let v = try? value(column) else { return nil }
        return Currency(bytes: v)
    }

    /// Money ≥ 0 in `currency`'s minor units; with no valid currency only the shape is checked.
    func money(_ column: Int, currency: Currency?) throws(RecordFault) -> Money? {
        guard let v = try present(column) else { return nil }
        let parsed = MoneyText.parse(v, minorDigits: currency?.minorDigits)
        switch parsed {
        case .failure(.badNumber):
            throw fault(
                .BAD_NUMBER, column, v,
                currency.map { "is not an amount with at most \($0.minorDigits) decimals" } ?? "is not an amount")
        case .failure(.badRange):
            throw fault(.BAD_RANGE, column, v, "has more than 15 integer digits")
        case .success(let m):
            guard m >= 0 else { throw fault(.BAD_RANGE, column, v, "is negative") }
            return m
        }
    }

    /// `UNKNOWN_REFERENCE` for the value of `column`, which is not `what`.
    /// Cases joined by `|`, each spelled exactly (`BAD_ENUM`); empty when absent. Repeats are kept.
    func enumerationList<E: FeedEnum>(_ column: Int, _: E.Type) throws(RecordFault) -> [E] {
        guard let v = try present(column) else { return [] }
        var cases: [E] = []
        for item in v.split(separator: 0x7C, omittingEmptySubsequences: false) {
            guard let e = E.parse(item) else {
                throw fault(
                    .BAD_ENUM, column, v,
                    "is not a list of \(E.allCases.map(\.rawValue).joined(separator: " ")) joined by |")
            }
            cases.append(e)
        }
        return cases
    }

    func unknownReference(_ column: Int, _ what: String) -> RecordFault {
        let v = (try? value(column)) ?? nil
        return fault(.UNKNOWN_REFERENCE, column, v ?? Bytes(start: nil, count: 0), "is not \(what)")
    }

    private func fault(_ code: RejectCode, _ column: Int, _ v: Bytes, _ what: String) -> RecordFault {
        RecordFault(
            code, columns[column].name,
            "\(columns[column].name) '\(String(decoding: v.prefix(64), as: UTF8.self))' \(what)")
    }
}
