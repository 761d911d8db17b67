extension LoadContext {
    /// SPEC §2.5.
    func loadTransactions(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        var keys = KeyIndex(capacity: 1 << 16)
        var claimed: [(order: String, line: Int32)] = []
        // Plain arrays of what each line needs, so no record struct (and its strings) is copied per line.
        let partTypes = dataset.parts.map(\.type)
        let customerCurrencies = dataset.customers.map(\.currency)
        let renewalParts = dataset.parts.map(\.renewalPart)
        // Lines of other resellers kept for a shared renewal key come on top: an eighth more.
        if let needs { dataset.lines.reserveCapacity(needs.inScopeLines + needs.inScopeLines / 8) }
        try load(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let order = try f.id(0, .orderNumber)!
            let lineNumber = Int32(try f.int(1, 1...99_999)!)
            let orderDate = try f.date(2)!
            let resellerSite = try f.present(3)!
            let customerSite = try f.present(4)!
            let quote = try f.id(5, .orderNumber)
            let partNumber = try f.present(6)!
            let quantity = try f.int(7, 1...1_000_000_000)!
            let price = try f.money(8, currency: f.peekCurrency(9))!
            let currency = try f.currency(9)!
            let start = try f.date(10)
            let end = try f.date(11)
            let subscription = try f.id(12, .subscriptionId)
            if let start, let end, end < start {
                throw RecordFault(.BAD_RANGE, "coverage_end", "coverage_end \(end) is before coverage_start \(start)")
            }
            guard let reseller = resellerBySite.find(resellerSite) else {
                throw f.unknownReference(3, "an accepted reseller")
            }
            guard let customer = customerBySite.find(customerSite) else {
                throw f.unknownReference(4, "an accepted customer site")
            }
            guard let part = partByNumber.find(partNumber) else { throw f.unknownReference(6, "an accepted part") }
            let type = partTypes[Int(part)]
            try checkCoverageAndSubscription(type, start: start, end: end, subscription: subscription)
            if currency != customerCurrencies[Int(customer)] {
                throw RecordFault(
                    .CURRENCY_MISMATCH, "currency",
                    "currency \(currency) differs from the customer's \(customerCurrencies[Int(customer)])")
            }
            let keyHash = KeyIndex.hash(order.utf8, seed: UInt64(lineNumber))
            // A key whose hash no other record has cannot repeat (known only when loading for some sites).
            if needs?.sharedLineKeys.contains(keyHash) ?? true {
                if keys.find(keyHash, { claimed[Int($0)].line == lineNumber && claimed[Int($0)].order == order }) != nil
                {
                    throw RecordFault(
                        .DUPLICATE_KEY, "order_number", "order \(order) line \(lineNumber) appears before")
                }
                keys.insert(keyHash, Int32(claimed.count))
                claimed.append((order, lineNumber))
            }
            let subscriptionIndex = try subscription.map { (id) throws(RecordFault) in
                try claimSubscription(id, customer: customer, saas: type == .SAAS)
            }
            if let needs {
                guard
                    needs.keeps(
                        reseller: reseller, customer: customer, renewalPart: renewalParts[Int(part)],
                        subscription: subscription)
                else { return }
                if let subscriptionIndex { self.needs!.keptSubscriptions.insert(subscriptionIndex) }
            }
            dataset.lines.appendGrowingByQuarter(
                Line(
                    orderNumber: order, lineNumber: lineNumber, orderDate: orderDate, reseller: reseller,
                    customer: customer,
                    quoteNumber: quote, part: part, quantity: quantity, unitPrice: price, coverageStart: start,
                    coverageEnd: end, subscription: subscriptionIndex))
        }
        // The index's own list of ids, shared rather than built twice.
        subscriptionById.fitKeys()
        dataset.subscriptions = subscriptionById.keys
    }

    /// The subscription's index, claimed for `customer` when it is new; a subscription of another
    /// customer site is `SUBSCRIPTION_CONFLICT` (§2.5).
    @inline(__always)
    private func claimSubscription(_ id: String, customer: Int32, saas: Bool) throws(RecordFault) -> Int32 {
        let index: Int32
        if let s = subscriptionById.find(id) {
            guard dataset.subscriptionCustomer[Int(s)] == customer else {
                throw RecordFault(
                    .SUBSCRIPTION_CONFLICT, "subscription_id", "subscription \(id) belongs to another customer site")
            }
            index = s
        } else {
            index = subscriptionById.insert(id)
            dataset.subscriptionCustomer.append(customer)
        }
        if saas { saasSubscriptions.insert(index) }
        return index
    }
}

/// Coverage and subscription_id as the line's part type needs them (§2.5, checked once the part
/// reference resolved, §10).
@inline(__always)
private func checkCoverageAndSubscription(_ type: PartType, start: Day?, end: Day?, subscription: String?)
    throws(RecordFault)
{
    if type != .SAAS_OVERAGE {
        if start == nil {
            throw RecordFault(
                .MISSING_FIELD, "coverage_start", "coverage_start is required for \(type.rawValue)")
        }
        if end == nil {
            throw RecordFault(.MISSING_FIELD, "coverage_end", "coverage_end is required for \(type.rawValue)")
        }
    }
    if type.needsSubscription, subscription == nil {
        throw RecordFault(.MISSING_FIELD, "subscription_id", "subscription_id is required for \(type.rawValue)")
    }
    if type.isSubscriptionAndSupport, subscription != nil {
        throw RecordFault(.BAD_VALUE, "subscription_id", "subscription_id must be empty for \(type.rawValue)")
    }
}
