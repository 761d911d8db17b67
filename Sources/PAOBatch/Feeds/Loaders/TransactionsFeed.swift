extension LoadContext {
    /// SPEC §2.5.
    func loadTransactions(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        struct LineKey: Hashable {
            var order: String
            var line: Int32
        }
        var keys: Set<LineKey> = []
        try load(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let order = try f.id(0, .orderNumber)!
            let lineNumber = Int32(try f.int(1, 1...99_999)!)
            let orderDate = try f.date(2)!
            let resellerSite = try f.text(3)!
            let customerSite = try f.text(4)!
            let quote = try f.id(5, .orderNumber)
            let partNumber = try f.text(6)!
            let quantity = try f.int(7, 1...1_000_000_000)!
            let price = try f.money(8, currency: f.peekCurrency(9))!
            let currency = try f.currency(9)!
            let start = try f.date(10)
            let end = try f.date(11)
            let subscription = try f.id(12, .subscriptionId)
            if let start, let end, end < start {
                throw RecordFault(.BAD_RANGE, "coverage_end", "coverage_end \(end) is before coverage_start \(start)")
            }
            guard let reseller = resellerBySite[resellerSite] else {
                throw RecordFault(.UNKNOWN_REFERENCE, "reseller_site", "reseller_site \(resellerSite) is not an accepted reseller")
            }
            guard let customer = customerBySite[customerSite] else {
                throw RecordFault(.UNKNOWN_REFERENCE, "customer_site", "customer_site \(customerSite) is not an accepted customer site")
            }
            guard let part = partByNumber[partNumber] else {
                throw RecordFault(.UNKNOWN_REFERENCE, "part_number", "part_number \(partNumber) is not an accepted part")
            }
            let type = dataset.parts[Int(part)].type
            if type != .SAAS_OVERAGE {
                if start == nil { throw RecordFault(.MISSING_FIELD, "coverage_start", "coverage_start is required for \(type.rawValue)") }
                if end == nil { throw RecordFault(.MISSING_FIELD, "coverage_end", "coverage_end is required for \(type.rawValue)") }
            }
            if type.needsSubscription, subscription == nil {
                throw RecordFault(.MISSING_FIELD, "subscription_id", "subscription_id is required for \(type.rawValue)")
            }
            if type.isSubscriptionAndSupport, subscription != nil {
                throw RecordFault(.BAD_VALUE, "subscription_id", "subscription_id must be empty for \(type.rawValue)")
            }
            if currency != dataset.customers[Int(customer)].currency {
                throw RecordFault(.CURRENCY_MISMATCH, "currency", "currency \(currency) differs from the customer's \(dataset.customers[Int(customer)].currency)")
            }
            guard keys.insert(LineKey(order: order, line: lineNumber)).inserted else {
                throw RecordFault(.DUPLICATE_KEY, "order_number", "order \(order) line \(lineNumber) appears before")
            }
            var subscriptionIndex: Int32?
            if let subscription {
                if let s = subscriptionById[subscription] {
                    guard dataset.subscriptionCustomer[Int(s)] == customer else {
                        throw RecordFault(.SUBSCRIPTION_CONFLICT, "subscription_id", "subscription \(subscription) belongs to another customer site")
                    }
                    subscriptionIndex = s
                } else {
                    subscriptionIndex = Int32(dataset.subscriptions.count)
                    subscriptionById[subscription] = subscriptionIndex
                    dataset.subscriptions.append(subscription)
                    dataset.subscriptionCustomer.append(customer)
                }
                if type == .SAAS { saasSubscriptions.insert(subscriptionIndex!) }
            }
            dataset.lines.append(Line(
                orderNumber: order, lineNumber: lineNumber, orderDate: orderDate, reseller: reseller, customer: customer,
                quoteNumber: quote, part: part, quantity: quantity, unitPrice: price, coverageStart: start,
                coverageEnd: end, subscription: subscriptionIndex))
        }
    }
}
