extension LoadContext {
    /// SPEC §2.6.
    func loadUsage(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        var keys = UsageKeys(subscriptions: subscriptionById.keys.count)
        // Reasons repeat: records share one copy of each.
        var reasons = Set<String>()
        try load(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let id = try f.present(0)!
            let period = try f.month(1)!
            let used = try f.int(2, 0...1_000_000_000)!
            let suppressed = try f.enumeration(3, YesNo.self)! == .Y
            let reason = try f.text(4).map { reasons.insert($0).memberAfterInsert }
            if suppressed, reason == nil {
                throw RecordFault(
                    .MISSING_FIELD, "suppression_reason", "suppression_reason is required when overage_suppressed is Y")
            }
            guard let subscription = subscriptionById.find(id), saasSubscriptions.contains(subscription) else {
                throw f.unknownReference(0, "a subscription of an accepted SAAS line")
            }
            guard keys.insert(subscription: subscription, period: period) else {
                throw RecordFault(
                    .DUPLICATE_KEY, "subscription_id",
                    "subscription \(String(decoding: id, as: UTF8.self)) period \(period) appears before")
            }
            if let needs, !needs.keptSubscriptions.contains(subscription) { return }
            dataset.usage.append(
                UsageRecord(
                    subscription: subscription, period: period, usedQuantity: used,
                    overageSuppressed: suppressed, suppressionReason: reason))
        }
    }
}
