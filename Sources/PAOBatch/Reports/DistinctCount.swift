/// Counts distinct ranks (orders of a customer, say): gathered as they come, sorted once at the end.
struct DistinctCount {
    private var values: [Int32] = []

    mutating func insert(_ value: Int32) { values.append(value) }

    var distinct: Int {
        let sorted = values.sorted()
        return sorted.indices.reduce(0) { n, k in k == 0 || sorted[k] != sorted[k - 1] ? n + 1 : n }
    }
}
