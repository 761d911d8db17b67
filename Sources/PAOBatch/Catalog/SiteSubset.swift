/// The reseller sites one run writes for, when it writes for only some: a shard `K/N` (SPEC §9)
/// and the `--site` ids. Loading keeps only what those sites can see (docs/decisions.md, shards).
public struct SiteSubset: Sendable {
    public var shard: (k: Int, n: Int)?
    /// Only these site ids; empty = every site (of the shard).
    public var sites: [String]

    /// nil when the run writes for every site.
    public init?(shard: (k: Int, n: Int)?, sites: [String]) {
        guard shard != nil || !sites.isEmpty else { return nil }
        self.shard = shard
        self.sites = sites
    }

    public func includes(_ site: String) -> Bool {
        (sites.isEmpty || sites.contains(site)) && (shard.map { Self.inShard(site, $0) } ?? true)
    }

    /// FNV-1a-64(site as UTF-8) mod N = K − 1.
    static func inShard(_ site: String, _ shard: (k: Int, n: Int)) -> Bool {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in site.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h % UInt64(shard.n) == UInt64(shard.k - 1)
    }
}
