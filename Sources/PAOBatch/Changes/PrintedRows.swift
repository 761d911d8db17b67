/// A report file's rows read back as printed (SPEC §11): every value's bytes one after another
/// in one buffer, so a baseline of millions of values is two arrays, not a String each.
struct PrintedRows: Equatable {
    let columns: Int
    private var bytes: [UInt8] = []
    /// Where each value ends in `bytes`, row after row.
    private var ends: [Int] = []

    init(columns: Int) { self.columns = columns }

    var count: Int { ends.count / columns }

    /// Adds bytes to the value being read.
    mutating func append(_ part: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: part) }

    /// Adds one byte to the value being read.
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Ends the value being read.
    mutating func endValue() { ends.append(bytes.count) }

    /// Adds a whole value.
    mutating func appendValue(_ value: UnsafeBufferPointer<UInt8>) {
        append(value)
        endValue()
    }

    /// Where value `column` of `row` lies in `bytes`.
    func range(_ row: Int, _ column: Int) -> Range<Int> {
        let k = row * columns + column
        return (k == 0 ? 0 : ends[k - 1])..<ends[k]
    }

    func withValue<R>(_ row: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let r = range(row, column)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// The values of `row` as Strings.
    func strings(_ row: Int) -> [String] {
        (0..<columns).map { String(decoding: bytes[range(row, $0)], as: UTF8.self) }
    }
}
