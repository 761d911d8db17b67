/// One feed record as read, before validation: decoded field bytes addressed by schema column.
///
/// Readers reuse one value for every record, so reading allocates only when a record is larger
/// than any before it. A struct passed `inout`: its arrays are appended to for every field, and a
/// class's stored properties would pay a dynamic exclusivity check on each of those accesses.
public struct FieldRecord {
    /// Longest value kept per field: one byte over the limit is enough to see `FIELD_TOO_LONG`.
    static let storedValueLimit = 4_097
    /// Source bytes kept for the rejects file, which cuts `raw` at 1,024 bytes.
    static let rawLimit = 1_028

    /// 1-based physical line of the record's first byte (XML: of its start tag).
    public var line = 0
    /// The record's source text without its final line ending, at most `rawLimit` bytes.
    public var raw: [UInt8] = []
    /// The record's shape is broken (`MALFORMED_RECORD`).
    public var malformed = false

    var bytes: [UInt8] = []
    var fieldStart: [Int] = []
    var fieldEnd: [Int] = []
    /// The decoded length, which may exceed what is stored.
    var fieldLength: [Int] = []
    /// Schema column -> field index, or -1 when the feed lacks that column.
    var columnField: [Int]

    init(columnField: [Int]) {
        self.columnField = columnField
        bytes.reserveCapacity(1024)
    }

    /// Where the decoded value of `column` (untrimmed) is in `bytes`, and its full decoded length;
    /// nil when absent.
    @inline(__always)
    func value(_ column: Int) -> (range: Range<Int>, length: Int)? {
        let f = columnField[column]
        guard f >= 0, f < fieldStart.count, fieldStart[f] >= 0 else { return nil }
        return (fieldStart[f]..<fieldEnd[f], fieldLength[f])
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fieldStart.removeAll(keepingCapacity: true)
        fieldEnd.removeAll(keepingCapacity: true)
        fieldLength.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        malformed = false
    }
}
