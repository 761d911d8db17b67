/// The eight feeds, in load order (SPEC §2).
public enum FeedName: String, CaseIterable, Sendable {
    case resellers, contacts, customers, parts, prices, transactions, saas_usage, saas_provisioning

    public var isRequired: Bool { self != .contacts && self != .saas_usage && self != .saas_provisioning }

    /// The columns of a flat feed, in its table's order (empty for saas_provisioning).
    var columns: [FeedColumn] {
        switch self {
        case .resellers:
            return cols("reseller_site*", "reseller_name*", "role*", "distributor_site", "country*", "status*")
        case .contacts:
            return cols(
                "reseller_site*", "user_id*", "name*", "email*", "role*", "privileges", "status*", "requested_date*",
                "decided_date", "decided_by")
        case .customers:
            return cols(
                "site_number*", "site_name*", "customer_number*", "agreement_number", "customer_name*",
                "country*", "currency*", "enrollment_type*", "site_role", "price_level*", "anniversary_month")
        case .parts:
            return cols(
                "part_number*", "description*", "product_id*", "product_name*", "charge_metric*", "part_type*",
                "term_months*", "renewal_part", "reinstatement_part", "overage_part")
        case .prices:
            return cols(
                "part_number*", "country*", "currency*", "price_level*", "unit_price*", "effective_from*",
                "effective_to")
        case .transactions:
            return cols(
                "order_number*", "line_number*", "order_date*", "reseller_site*", "customer_site*", "quote_number",
                "part_number*", "quantity*", "unit_price*", "currency*", "coverage_start", "coverage_end",
                "subscription_id")
        case .saas_usage:
            return cols("subscription_id*", "period*", "used_quantity*", "overage_suppressed*", "suppression_reason")
        case .saas_provisioning:
            return []
        }
    }

    private func cols(_ specs: String...) -> [FeedColumn] {
        specs.map { FeedColumn(name: $0.hasSuffix("*") ? String($0.dropLast()) : $0, required: $0.hasSuffix("*")) }
    }
}

/// A column of a flat feed; `required` is the SPEC's star.
public struct FeedColumn: Sendable {
    public var name: String
    public var required: Bool
}
