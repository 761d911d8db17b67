/// Renewal keys and latest lines (SPEC §3).
enum RenewalIndex {
    /// Per line: whether it is a visible renewable line that no other renewable line of its
    /// renewal key (any reseller) starts after it ends.
    static func latestLines(_ data: Dataset, asOf: Day) -> [Bool] {
        // A line is superseded exactly when the latest start among its key's lines is after its end.
        var maxStart: [RenewalKey: Day] = [:]
        for line in data.lines where line.orderDate <= asOf {
            guard let key = key(line, data), let start = line.coverageStart else { continue }
            if let m = maxStart[key], m >= start { continue }
            maxStart[key] = start
        }
        return data.lines.map { line in
            guard line.orderDate <= asOf, let key = key(line, data), let end = line.coverageEnd else { return false }
            return maxStart[key]! <= end
        }
    }

    /// The subscription, else (customer, renewal part); nil for types that do not renew.
    static func key(_ line: Line, _ data: Dataset) -> RenewalKey? {
        let part = data.parts[Int(line.part)]
        guard part.type.isRenewable else { return nil }
        if let s = line.subscription { return RenewalKey(subscription: s, customer: -1, renewalPart: -1) }
        return RenewalKey(subscription: -1, customer: line.customer, renewalPart: part.renewalPart ?? -1)
    }
}

struct RenewalKey: Hashable {
    var subscription: Int32
    var customer: Int32
    var renewalPart: Int32
}
