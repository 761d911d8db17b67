/// How a report's rows are ordered (SPEC §4–§5 sorts) and told apart from one publication to the
/// next (SPEC §11 keys and volatile columns).
public struct RowIdentity: Sendable {
    /// The columns the report is sorted by.
    public var sort: [String]
    /// The columns that identify a row across publications.
    public var key: [String]
    /// Columns shown but never compared: they change daily by construction.
    public var volatile: [String]
}

extension ReportID {
    /// The id, or for its changes files `<report>-changes` (SPEC §11): manifests and XML roots.
    public func name(changes: Bool) -> String { rawValue + (changes ? "-changes" : "") }

    public var identity: RowIdentity {
        let line = ["order_number", "line_number"]
        switch self {
        case .customers: return RowIdentity(sort: ["site_number"], key: ["site_number"], volatile: [])
        case .orderHistorySummary:
            return RowIdentity(sort: ["site_number", "year"], key: ["site_number", "year"], volatile: [])
        case .orderHistoryDetail: return RowIdentity(sort: ["order_date"] + line, key: line, volatile: [])
        case .endUsers:
            return RowIdentity(
                sort: ["reseller_site", "site_number"], key: ["reseller_site", "site_number"], volatile: [])
        case .renewals, .ctlRenewals:
            return RowIdentity(
                sort: ["renewal_due_date", "agreement_number", "quote_number", "site_name"] + line, key: line,
                volatile: [])
        case .renewals180:
            return RowIdentity(sort: ["days_to_expiry", "site_number"] + line, key: line, volatile: ["days_to_expiry"])
        case .renewalPriceNotices:
            return RowIdentity(sort: ["renewal_due_date", "site_number"] + line, key: line, volatile: [])
        case .subscriptionUpdates:
            return RowIdentity(sort: ["order_date", "subscription_id"] + line, key: line, volatile: [])
        case .saasFulfillment:
            return RowIdentity(sort: ["subscription_id"], key: ["subscription_id"], volatile: ["days_in_status"])
        case .saasProvisioning:
            let key = ["subscription_id", "element_name"]
            return RowIdentity(sort: key, key: key, volatile: [])
        case .suppressedOverage:
            let key = ["period", "subscription_id"]
            return RowIdentity(sort: key, key: key, volatile: [])
        case .renewalQuotes:
            return RowIdentity(
                sort: ["renewal_due_date", "site_number", "reseller_site", "quote_line"], key: line,
                volatile: ["quote_date"])
        case .renewalsSummary:
            let key = ["month", "currency"]
            return RowIdentity(sort: key, key: key, volatile: [])
        case .inventory:
            return RowIdentity(
                sort: ["site_number", "product_id", "part_number"], key: ["site_number", "part_number"], volatile: [])
        case .siteContacts: return RowIdentity(sort: ["status", "role", "user_id"], key: ["user_id"], volatile: [])
        case .accessRequests:
            return RowIdentity(sort: ["requested_date", "user_id"], key: ["user_id"], volatile: ["days_pending"])
        case .priceFiles:
            let key = ["part_number", "price_level", "effective_from"]
            return RowIdentity(sort: key, key: key, volatile: [])
        }
    }
}
