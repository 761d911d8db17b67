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
