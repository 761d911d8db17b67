/// What `pao-batch generate` makes (SPEC §9).
public struct GeneratorOptions: Sendable {
    public enum Scale: String, CaseIterable, Sendable { case sample, S, M, L }
    public enum FeedFormat: String, CaseIterable, Sendable { case mixed, csv }

    public var scale: Scale
    public var seed: UInt64
    /// Share of extra bad records per feed (0 = none); above 0 every applicable reject code appears.
    public var badRows: Double
    public var feedFormat: FeedFormat
    /// Days after the anchor: the world with that many days of orders, renewals, cancellations,
    /// customer and price changes (SPEC §11); 0 is the world as generated.
    public var day: Int

    public init(
        scale: Scale = .sample, seed: UInt64 = 1, badRows: Double = 0, feedFormat: FeedFormat = .mixed, day: Int = 0
    ) {
        self.scale = scale
        self.seed = seed
        self.badRows = badRows
        self.feedFormat = feedFormat
        self.day = day
    }

    /// The day the generated world is built around: lines lapse before it, fall due after it.
    public static let anchor = Day(year: 2026, month: 11, day: 29)

    struct Size {
        var resellers: Int
        var customers: Int
        var products: Int
        var countries: Int
        var lines: Int
    }

    var size: Size {
        switch scale {
        case .sample: return Size(resellers: 20, customers: 200, products: 24, countries: 5, lines: 2_000)
        case .S: return Size(resellers: 200, customers: 5_000, products: 300, countries: 10, lines: 100_000)
        case .M: return Size(resellers: 2_000, customers: 50_000, products: 1_900, countries: 20, lines: 1_000_000)
        case .L: return Size(resellers: 10_000, customers: 250_000, products: 3_800, countries: 20, lines: 10_000_000)
        }
    }

    /// File format per feed: in `mixed`, CSV, XML and gzip all appear.
    func layout(_ feed: FeedName) -> (xml: Bool, gzip: Bool) {
        if feed == .saas_provisioning { return (true, false) }
        guard feedFormat == .mixed else { return (false, false) }
        switch feed {
        case .resellers: return (true, false)
        case .contacts: return (false, false)
        case .customers: return (true, true)
        case .parts: return (false, false)
        case .prices: return (false, true)
        case .transactions: return (false, false)
        case .saas_usage: return (true, true)
        case .saas_provisioning: return (true, false)
        }
    }
}
