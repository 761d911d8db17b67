/// Renewal keys and latest lines (SPEC §3).
enum RenewalIndex {
    /// Per line: whether it is a visible renewable line that no other renewable line of its
    /// renewal key (any reseller) starts after it ends. The key is the subscription, else
    /// (customer, renewal part); parts that do not renew have none.
    static func latestLines(_ data: Dataset, asOf: Day) -> [Bool] {
        let renewable = data.parts.map { $0.type.isRenewable }
        let renewalPart = data.parts.map { Int64($0.renewalPart ?? -1) }
        // A line is superseded exactly when the latest start among its key's lines is after its end.
        var bySubscription = [Day?](repeating: nil, count: data.subscriptions.count)
        var byCustomerPart: [Int64: Day] = [:]
        return data.lines.withUnsafeBufferPointer { lines in
            func customerPart(_ i: Int) -> Int64 {
                Int64(lines[i].customer) << 32 | (renewalPart[Int(lines[i].part)] & 0xFFFF_FFFF)
            }
            for i in lines.indices where lines[i].orderDate <= asOf && renewable[Int(lines[i].part)] {
                guard let start = lines[i].coverageStart else { continue }
                if let s = lines[i].subscription {
                    if bySubscription[Int(s)].map({ $0 < start }) ?? true { bySubscription[Int(s)] = start }
                } else {
                    let key = customerPart(i)
                    if byCustomerPart[key].map({ $0 < start }) ?? true { byCustomerPart[key] = start }
                }
            }
            return lines.indices.map { i in
                guard lines[i].orderDate <= asOf, renewable[Int(lines[i].part)], let end = lines[i].coverageEnd else {
                    return false
                }
                let latestStart =
                    lines[i].subscription.map { bySubscription[Int($0)] } ?? byCustomerPart[customerPart(i)]
                return latestStart.map { $0 <= end } ?? true
            }
        }
    }
}
