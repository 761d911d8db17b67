/// A table that grows a block of 65,536 records at a time, so appending never copies what it
/// holds: a table of millions of records growing as one array needs its old and new copies at
/// once (the usage table of one N = 8 shard at scale L: 68 + 85 MB for that moment, the peak of
/// the whole run). At most one block is unused.
public struct ChunkedTable<Element>: RandomAccessCollection, MutableCollection {
    private static var blockBits: Int { 16 }
    private var blocks: [[Element]] = []
    public let startIndex = 0
    public private(set) var endIndex = 0

    public init() {}

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    public subscript(i: Int) -> Element {
        _read { yield blocks[i >> Self.blockBits][i & (1 << Self.blockBits - 1)] }
        _modify { yield &blocks[i >> Self.blockBits][i & (1 << Self.blockBits - 1)] }
    }

    public mutating func append(_ element: Element) {
        if endIndex & (1 << Self.blockBits - 1) == 0 {
            blocks.append([])
            blocks[blocks.count - 1].reserveCapacity(1 << Self.blockBits)
        }
        blocks[blocks.count - 1].append(element)
        endIndex += 1
    }
}

extension ChunkedTable: Sendable where Element: Sendable {}

extension ChunkedTable {
    /// Sorts in place through an order of record numbers (4 bytes a record), then moves each
    /// record once along the cycles of that order. The standard library's sort of a collection
    /// that is not one contiguous block would copy it whole, and this table is kept in blocks
    /// because copies of it do not fit.
    mutating func sortInPlace(by less: (Element, Element) -> Bool) {
        precondition(count <= Int(Int32.max), "table too large to sort")
        var order = Array(0..<Int32(count))
        order.sort { a, b in
            let (x, y) = (self[Int(a)], self[Int(b)])
            return less(x, y) || (!less(y, x) && a < b)
        }
        for start in order.indices where order[start] >= 0 {
            let held = self[start]
            var target = start
            while true {
                let source = Int(order[target])
                order[target] = -1
                if source == start {
                    self[target] = held
                    break
                }
                self[target] = self[source]
                target = source
            }
        }
    }
}
