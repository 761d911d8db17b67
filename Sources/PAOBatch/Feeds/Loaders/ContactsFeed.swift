extension LoadContext {
    /// SPEC §14; decided_by names a user of the same site, resolved once the whole feed is read (§10).
    func loadContacts(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        var pending: [(contact: Contact, line: Int, raw: [UInt8])] = []
        struct Key: Hashable {
            var site: Int32
            var user: String
        }
        var seen: Set<Key> = []
        var reading = try read(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let siteId = try f.id(0, .siteNumber)!
            let user = try f.id(1, .email)!
            let name = try f.text(2)!
            let email = try f.id(3, .email)!
            let role = try f.enumeration(4, ContactRole.self)!
            let privileges = try f.enumerationList(5, Privilege.self)
            let status = try f.enumeration(6, ContactStatus.self)!
            let requested = try f.date(7)!
            let decided = try f.date(8)
            let decidedBy = try f.text(9)
            if status != .PENDING, decided == nil {
                throw RecordFault(.MISSING_FIELD, "decided_date", "decided_date is required unless status is PENDING")
            }
            if decided != nil, decidedBy == nil {
                throw RecordFault(.MISSING_FIELD, "decided_by", "decided_by is required with decided_date")
            }
            if Set(privileges).count != privileges.count {
                throw RecordFault(.BAD_VALUE, "privileges", "privileges names one privilege twice")
            }
            if status == .PENDING, decided != nil {
                throw RecordFault(.BAD_VALUE, "decided_date", "decided_date is empty while status is PENDING")
            }
            if decided == nil, decidedBy != nil {
                throw RecordFault(.BAD_VALUE, "decided_by", "decided_by is empty without decided_date")
            }
            if let decided, decided < requested {
                throw RecordFault(.BAD_RANGE, "decided_date", "decided_date \(decided) is before requested_date")
            }
            guard let site = resellerBySite.find(siteId) else { throw f.unknownReference(0, "an accepted reseller") }
            guard seen.insert(Key(site: site, user: user)).inserted else {
                throw RecordFault(.DUPLICATE_KEY, "reseller_site", "user \(user) of site \(siteId) appears before")
            }
            pending.append(
                (
                    Contact(
                        reseller: site, userId: user, name: name, email: email, role: role,
                        privileges: Privilege.allCases.filter(privileges.contains), status: status,
                        requested: requested, decided: decided, decidedBy: decidedBy),
                    f.record.line, f.record.raw
                ))
        }
        // A contact whose decider was rejected is rejected in turn, until nothing changes.
        var alive = [Bool](repeating: true, count: pending.count)
        var changed = true
        while changed {
            changed = false
            let users = Set(
                pending.indices.filter { alive[$0] }.map {
                    Key(site: pending[$0].contact.reseller, user: pending[$0].contact.userId)
                })
            for (i, p) in pending.enumerated() where alive[i] {
                guard let by = p.contact.decidedBy, !users.contains(Key(site: p.contact.reseller, user: by)) else {
                    continue
                }
                alive[i] = false
                changed = true
                reading.rejects.append(
                    reject(
                        file, line: p.line, raw: p.raw,
                        RecordFault(.UNKNOWN_REFERENCE, "decided_by", "decided_by \(by) is not a user of the same site")
                    ))
            }
        }
        dataset.contacts = pending.indices.filter { alive[$0] }.map { pending[$0].contact }
        finish(file, reading)
    }
}
