/// What a run for a subset of sites (a shard, `--site`) keeps of the feeds: every record is still
/// validated the same way, so every shard agrees on rejects and thresholds, but only what the
/// subset's sites can see is stored (SPEC §3; the closure is in docs/decisions.md):
/// - lines of the resellers in their scope, and every line sharing a renewal key with one of those
///   (supersession, subscription quantities, SaaS ownership and entitlement look at all resellers);
/// - usage and provisioning of the subscriptions of those lines;
/// - prices of the countries their price files and renewal prices need;
/// - their own contacts.
/// Resellers, customers and parts are kept whole: later feeds resolve against them. The first read
/// also finds which order-line keys can repeat, so the validating read remembers only those.
struct SubsetNeeds {
    /// Per reseller index: in the scope of a site of the subset.
    var inScope: [Bool]
    /// Per reseller index: a site of the subset.
    var isOwnSite: [Bool]
    /// Renewal keys of the in-scope lines: subscription ids, and (customer, renewal part) keys of
    /// lines without one (encoded as `RenewalIndex` does).
    var subscriptions: Set<String> = []
    var customerParts: Set<Int64> = []
    /// The subset's sites' countries and those of their in-scope lines' customers.
    var countries: Set<Country> = []
    /// Records of in-scope resellers in the transactions feed: nearly all the lines kept, so the
    /// line table is made that large at once (growing, it briefly needs old and new copies).
    var inScopeLines = 0
    /// Subscriptions of the lines kept, filled while transactions load.
    var keptSubscriptions: Set<Int32> = []
    /// Hashes of (order_number, line_number) that more than one record of the feed has: only
    /// those records can be a DUPLICATE_KEY, so only they need their key remembered exactly.
    var sharedLineKeys: Set<UInt64> = []

    static func customerPart(customer: Int32, renewalPart: Int32?) -> Int64 {
        Int64(customer) << 32 | (Int64(renewalPart ?? -1) & 0xFFFF_FFFF)
    }

    /// Whether an accepted line is kept.
    func keeps(reseller: Int32, customer: Int32, renewalPart: Int32?, subscription: String?) -> Bool {
        if inScope[Int(reseller)] { return true }
        if let subscription { return subscriptions.contains(subscription) }
        return customerParts.contains(Self.customerPart(customer: customer, renewalPart: renewalPart))
    }
}

extension LoadContext {
    /// The needs of `subset`, from a first read of the transactions feed once resellers, customers
    /// and parts are loaded. It reads only the four fields it needs; a record it cannot read
    /// adds nothing, which is safe: the validating read rejects that record (with the same fault,
    /// reported there), and a record read here but rejected later only makes the kept set larger.
    func scanNeeds(_ transactions: FeedFile?, subset: SiteSubset, chunkSize: Int) -> SubsetNeeds {
        let resellers = dataset.resellers
        let isOwnSite = resellers.map { subset.includes($0.site) }
        var inScope = isOwnSite
        for (i, r) in resellers.enumerated() {
            if let d = r.distributor, isOwnSite[Int(d)] { inScope[i] = true }
        }
        var needs = SubsetNeeds(inScope: inScope, isOwnSite: isOwnSite)
        for (i, r) in resellers.enumerated() where isOwnSite[i] { needs.countries.insert(r.country) }
        guard let transactions else { return needs }
        let columns = transactions.feed.columns
        let renewalParts = dataset.parts.map(\.renewalPart)
        let countries = dataset.customers.map(\.country)
        var lineKeys: [UInt64] = []
        do throws(FeedError) {
            _ = try FlatFeedReader(file: transactions, columns: columns, chunkSize: chunkSize).forEach { record in
                guard !record.malformed else { return }
                try? record.withChecks(columns) { (f) throws(RecordFault) in
                    guard let order = try f.present(0), let line = try f.int(1, 1...99_999) else { return }
                    lineKeys.append(KeyIndex.hash(order, seed: UInt64(line)))
                    guard let site = try f.present(3), let reseller = resellerBySite.find(site),
                        inScope[Int(reseller)], let customerSite = try f.present(4),
                        let customer = customerBySite.find(customerSite)
                    else { return }
                    needs.inScopeLines += 1
                    needs.countries.insert(countries[Int(customer)])
                    if let subscription = try f.present(12) {
                        needs.subscriptions.insert(String(decoding: subscription, as: UTF8.self))
                    } else if let partNumber = try f.present(6), let part = partByNumber.find(partNumber) {
                        needs.customerParts.insert(
                            SubsetNeeds.customerPart(customer: customer, renewalPart: renewalParts[Int(part)]))
                    }
                }
            }
        } catch {
            // A structural error: the validating read meets it too and stops the run with it.
        }
        lineKeys.sort()
        for i in lineKeys.indices.dropFirst() where lineKeys[i] == lineKeys[i - 1] {
            needs.sharedLineKeys.insert(lineKeys[i])
        }
        return needs
    }
}
