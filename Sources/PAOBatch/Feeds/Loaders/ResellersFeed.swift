extension LoadContext {
    /// SPEC §2.1; distributor references are resolved once the whole feed is read (§10).
    func loadResellers(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        var pending: [(reseller: Reseller, distributorSite: String?, line: Int, raw: [UInt8])] = []
        var seen: Set<String> = []
        var reading = try read(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let site = try f.id(0, .siteNumber)!
            let name = try f.text(1)!
            let role = try f.enumeration(2, ResellerRole.self)!
            let distributor = try f.id(3, .siteNumber)
            let country = try f.country(4)!
            let status = try f.enumeration(5, ResellerStatus.self)!
            if role == .DISTRIBUTOR, distributor != nil {
                throw RecordFault(.BAD_VALUE, "distributor_site", "a DISTRIBUTOR has no distributor_site")
            }
            guard seen.insert(site).inserted else {
                throw RecordFault(.DUPLICATE_KEY, "reseller_site", "reseller_site \(site) appears before")
            }
            pending.append(
                (
                    Reseller(site: site, name: name, role: role, distributor: nil, country: country, status: status),
                    distributor, f.record.line, f.record.raw
                ))
        }
        let index = Dictionary(uniqueKeysWithValues: pending.enumerated().map { ($0.element.reseller.site, $0.offset) })
        // A distributor's own distributor_site is always empty, so one pass reaches the fixed point.
        var alive = [Bool](repeating: true, count: pending.count)
        for (i, p) in pending.enumerated() {
            guard let d = p.distributorSite else { continue }
            if let j = index[d], pending[j].reseller.role == .DISTRIBUTOR { continue }
            alive[i] = false
            reading.rejects.append(
                reject(
                    file, line: p.line, raw: p.raw,
                    RecordFault(
                        .UNKNOWN_REFERENCE, "distributor_site", "distributor_site \(d) is not an accepted DISTRIBUTOR"))
            )
        }
        for (i, p) in pending.enumerated() where alive[i] {
            resellerBySite.insert(p.reseller.site)
            dataset.resellers.append(p.reseller)
        }
        for (i, p) in pending.enumerated() where alive[i] {
            if let d = p.distributorSite {
                dataset.resellers[Int(resellerBySite.find(p.reseller.site)!)].distributor = resellerBySite.find(d)
            }
        }
        finish(file, reading)
    }
}
