/// Which reseller sites a job runs for (SPEC §1.1, §9).
enum SiteSelection {
    /// Sites of `job` narrowed by `--site` and the shard, sorted by id; skipped listed ids become warnings.
    static func sites(for job: Job, data: Dataset, only: [String], shard: (k: Int, n: Int)?, warnings: inout [String])
        -> [Int32]
    {
        var bySite: [String: Int32] = [:]
        for (i, r) in data.resellers.enumerated() { bySite[r.site] = Int32(i) }
        var chosen: [Int32]
        switch job.sites {
        case .all:
            chosen = data.resellers.indices.filter { data.resellers[$0].status == .ACTIVE }.map { Int32($0) }
        case .listed(let ids):
            chosen = []
            for id in ids {
                guard let i = bySite[id] else {
                    warnings.append("job \(job.name): site \(id) is not in the resellers feed; skipped")
                    continue
                }
                guard data.resellers[Int(i)].status == .ACTIVE else {
                    warnings.append("job \(job.name): site \(id) is SUSPENDED; skipped")
                    continue
                }
                chosen.append(i)
            }
        }
        if !only.isEmpty { chosen = chosen.filter { only.contains(data.resellers[Int($0)].site) } }
        if let shard { chosen = chosen.filter { SiteSubset.inShard(data.resellers[Int($0)].site, shard) } }
        return chosen.sorted { textLess(data.resellers[Int($0)].site, data.resellers[Int($1)].site) }
    }

}
