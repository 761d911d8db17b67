/// The baseline's rows by key (SPEC §11), each taken once and in file order, so the n-th row of
/// a key today pairs with the n-th row of that key in the baseline. Keys are compared as the
/// bytes they print, through one hash per row, never as Strings.
struct BaselineKeys {
    private let rows: PrintedRows
    private let key: [Int]
    /// Per key hash, the first row not yet taken; rows of one hash are chained in file order.
    private var first: [Int: Int32] = [:]
    private var next: [Int32]
    private(set) var taken: [Bool]

    init(_ rows: PrintedRows, key: [Int]) {
        self.rows = rows
        self.key = key
        next = [Int32](repeating: -1, count: rows.count)
        taken = [Bool](repeating: false, count: rows.count)
        first.reserveCapacity(rows.count)
        for b in stride(from: rows.count - 1, through: 0, by: -1) {
            var hasher = Hasher()
            for c in key { rows.withValue(b, c) { Self.combine($0, into: &hasher) } }
            let h = hasher.finalize()
            next[b] = first[h] ?? -1
            first[h] = Int32(b)
        }
    }

    /// Takes the first baseline row not yet taken whose key prints as `row`'s; nil when none.
    mutating func take(_ row: [Cell]) -> Int? {
        var hasher = Hasher()
        for c in key { TextEncoding.withPrinted(row[c]) { Self.combine($0, into: &hasher) } }
        let h = hasher.finalize()
        var previous: Int32 = -1
        var b = first[h] ?? -1
        while b >= 0 {
            let i = Int(b)
            if key.allSatisfy({ c in rows.withValue(i, c) { TextEncoding.prints(row[c], as: $0) } }) {
                if previous < 0 { first[h] = next[i] } else { next[Int(previous)] = next[i] }
                taken[i] = true
                return i
            }
            previous = b
            b = next[i]
        }
        return nil
    }

    private static func combine(_ value: UnsafeBufferPointer<UInt8>, into hasher: inout Hasher) {
        hasher.combine(bytes: UnsafeRawBufferPointer(value))
        hasher.combine(value.count)
    }
}
