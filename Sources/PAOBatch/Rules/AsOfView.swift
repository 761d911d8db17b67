/// The dataset as seen on the as-of date (SPEC §3), with the indexes every report shares:
/// visible lines by reseller and subscription, scope, latest lines, the price book.
public final class AsOfView: @unchecked Sendable {
    public let data: Dataset
    public let asOf: Day
    public let scope: Scope
    public let prices: PriceBook
    /// Visible lines (order_date ≤ as-of) of each reseller, in feed order.
    public let linesByReseller: [[Int32]]
    /// Visible lines of each subscription, in feed order.
    public let linesBySubscription: [[Int32]]
    /// Per line: visible, renewable and not superseded (a *latest line*).
    public let isLatest: [Bool]
    /// Byte-order ranks of the text sort keys.
    public let ranks: TextRanks
    /// Usage records of each subscription.
    let usageBySubscription: [[Int32]]
    /// Each reseller site's own contacts requested by the as-of date (SPEC §14, §10), in feed order.
    public let contactsByReseller: [[Int32]]
    /// The accepted provisioning record of each subscription.
    let provisioningBySubscription: [Int32: ProvisioningRecord]

    public init(_ data: Dataset, asOf: Day) {
        self.data = data
        self.asOf = asOf
        scope = Scope(data.resellers)
        prices = PriceBook(data.prices)
        var byReseller = [[Int32]](repeating: [], count: data.resellers.count)
        var bySubscription = [[Int32]](repeating: [], count: data.subscriptions.count)
        for (i, line) in data.lines.enumerated() where line.orderDate <= asOf {
            byReseller[Int(line.reseller)].append(Int32(i))
            if let s = line.subscription { bySubscription[Int(s)].append(Int32(i)) }
        }
        linesByReseller = byReseller
        linesBySubscription = bySubscription
        isLatest = RenewalIndex.latestLines(data, asOf: asOf)
        ranks = TextRanks(data)
        var usage = [[Int32]](repeating: [], count: data.subscriptions.count)
        for (i, u) in data.usage.enumerated() { usage[Int(u.subscription)].append(Int32(i)) }
        usageBySubscription = usage
        provisioningBySubscription = Dictionary(uniqueKeysWithValues: data.provisioning.map { ($0.subscription, $0) })
        var contacts = [[Int32]](repeating: [], count: data.resellers.count)
        for (i, c) in data.contacts.enumerated() where c.requested <= asOf {
            contacts[Int(c.reseller)].append(Int32(i))
        }
        contactsByReseller = contacts
    }

    /// The visible lines in scope for reseller `site`, in feed order per reseller.
    public func inScopeLines(_ site: Int32) -> [Int32] {
        let members = scope.members[Int(site)]
        if members.count == 1 { return linesByReseller[Int(site)] }
        return members.flatMap { linesByReseller[Int($0)] }.sorted()
    }

    /// Records by index, read in place: reading one field copies only that field, not the whole record.
    public subscript(line i: Int32) -> Line { _read { yield data.lines[Int(i)] } }
    public subscript(part i: Int32) -> Part { _read { yield data.parts[Int(i)] } }
    public subscript(customer i: Int32) -> Customer { _read { yield data.customers[Int(i)] } }
    public subscript(reseller i: Int32) -> Reseller { _read { yield data.resellers[Int(i)] } }

    /// A latest line with coverage_end ≥ as-of that can fall due (SPEC §3: *active renewal line*).
    public func isActiveRenewal(_ i: Int32) -> Bool {
        guard isLatest[Int(i)], let end = data.lines[Int(i)].coverageEnd else { return false }
        return end >= asOf && end < Day.max
    }

    /// q(s, d, types): the summed quantity of the subscription's visible lines of `types` covering `day`.
    public func quantity(_ subscription: Int32, on day: Day, types: Set<PartType>, lines: [Int32]? = nil) -> Int64 {
        var total: Int64 = 0
        for i in lines ?? linesBySubscription[Int(subscription)] {
            let l = data.lines[Int(i)]
            guard l.subscription == subscription, types.contains(data.parts[Int(l.part)].type),
                let start = l.coverageStart, let end = l.coverageEnd, start <= day, day <= end
            else { continue }
            total += l.quantity
        }
        return total
    }

    /// price(renewal part of the line's part, customer, day).
    public func renewalPrice(_ line: Line, on day: Day) -> Money? {
        guard let renewal = data.parts[Int(line.part)].renewalPart else { return nil }
        return price(renewal, for: line.customer, on: day)
    }

    /// price(part, customer, day): at the customer's country, currency and price level.
    public func price(_ part: Int32, for customer: Int32, on day: Day) -> Money? {
        let c = Int(customer)
        return prices.price(
            part, data.customers[c].country, data.customers[c].currency, data.customers[c].priceLevel, day)
    }
}
