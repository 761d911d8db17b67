/// Everything the feeds hold after validation: the input of every report.
public struct Dataset: Sendable {
    public var resellers: [Reseller] = []
    /// Accepted contacts, in feed order.
    public var contacts: [Contact] = []
    public var customers: [Customer] = []
    public var parts: [Part] = []
    public var prices = ChunkedTable<PriceRecord>()
    public var lines: [Line] = []
    /// Subscription ids, indexed by `Line.subscription`.
    public var subscriptions: [String] = []
    /// The customer each subscription belongs to.
    public var subscriptionCustomer: [Int32] = []
    public var usage = ChunkedTable<UsageRecord>()
    public var provisioning: [ProvisioningRecord] = []

    public init() {}
}
