extension Dataset {
    /// Keeps only the subscriptions a kept line, usage or provisioning record refers to, numbered
    /// in their old order (so every order by index stays the same). A run for some sites numbers
    /// every subscription of the feed while it loads, since validation sees every record; without
    /// this, it would hold the ids of all of them, and the view an entry per subscription.
    mutating func dropUnreferencedSubscriptions() {
        var newIndex = [Int32](repeating: -1, count: subscriptions.count)
        for line in lines { if let s = line.subscription { newIndex[Int(s)] = 0 } }
        for record in usage { newIndex[Int(record.subscription)] = 0 }
        for record in provisioning { newIndex[Int(record.subscription)] = 0 }
        var ids: [String] = [], owners: [Int32] = []
        ids.reserveCapacity(newIndex.lazy.filter { $0 == 0 }.count)
        owners.reserveCapacity(ids.capacity)
        for s in newIndex.indices where newIndex[s] == 0 {
            precondition(subscriptionCustomer[s] >= 0, "a kept subscription lost its owner")
            newIndex[s] = Int32(ids.count)
            ids.append(subscriptions[s])
            owners.append(subscriptionCustomer[s])
        }
        subscriptions = ids
        subscriptionCustomer = owners
        for i in lines.indices { lines[i].subscription = lines[i].subscription.map { newIndex[Int($0)] } }
        for i in usage.indices { usage[i].subscription = newIndex[Int(usage[i].subscription)] }
        for i in provisioning.indices { provisioning[i].subscription = newIndex[Int(provisioning[i].subscription)] }
    }
}

extension LoadContext {
    /// Once transactions are read, a run for some sites lets go of what only that feed needed: the
    /// customer lookup, the renewal keys and repeated order-line keys of the first read, and every
    /// customer no kept line names (usage and provisioning never look at customers), so none of it
    /// is held while those two feeds load, where a shard's load stage peaks.
    func dropWhatOnlyTransactionsNeed() {
        customerBySite = StringKeyIndex()
        needs!.subscriptions = []
        needs!.customerParts = []
        needs!.sharedLineKeys = []
        dataset.dropUnrelatedCustomers()
    }
}

extension Dataset {
    /// Keeps only the customers a kept line names, numbered in their old order. A run for some
    /// sites needs every customer while it validates lines; a site sees only the customers of its
    /// in-scope lines (SPEC §3), all of which are kept. A subscription whose owner goes is named
    /// by no kept line (a line's customer owns its subscription), so owns nothing (-1) until
    /// `dropUnreferencedSubscriptions` drops it.
    mutating func dropUnrelatedCustomers() {
        var newIndex = [Int32](repeating: -1, count: customers.count)
        for line in lines { newIndex[Int(line.customer)] = 0 }
        var kept: [Customer] = []
        kept.reserveCapacity(newIndex.lazy.filter { $0 == 0 }.count)
        for c in newIndex.indices where newIndex[c] == 0 {
            newIndex[c] = Int32(kept.count)
            kept.append(customers[c])
        }
        customers = kept
        for i in lines.indices { lines[i].customer = newIndex[Int(lines[i].customer)] }
        for s in subscriptionCustomer.indices { subscriptionCustomer[s] = newIndex[Int(subscriptionCustomer[s])] }
    }
}
