/// Who sees what (SPEC §3): scope(R) = {R}, plus a distributor's resellers.
public struct Scope: Sendable {
    /// Per reseller index, the reseller indexes in its scope (itself first).
    public let members: [[Int32]]

    public init(_ resellers: [Reseller]) {
        var members = resellers.indices.map { [Int32($0)] }
        for (i, r) in resellers.enumerated() {
            if let d = r.distributor { members[Int(d)].append(Int32(i)) }
        }
        self.members = members
    }

    /// Whether reseller `x` is in scope(r).
    public func contains(_ r: Int32, _ x: Int32) -> Bool { members[Int(r)].contains(x) }
}
