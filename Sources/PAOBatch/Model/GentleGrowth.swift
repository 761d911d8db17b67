extension Array {
    /// Appends, growing a full array by a quarter instead of doubling it: the feed tables hold
    /// millions of records, and doubling leaves up to half of a table's memory unused for the whole
    /// run (and briefly needs three times the table while it copies). The copies cost about four
    /// times the table's bytes in all, a fraction of a second at scale L.
    mutating func appendGrowingByQuarter(_ element: Element) {
        if count == capacity { reserveCapacity(count + count / 4 + 1024) }
        append(element)
    }
}
