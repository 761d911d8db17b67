/// Every report id of SPEC §4, §5 and §14.
public enum ReportID: String, CaseIterable, Sendable, Comparable {
    case customers
    case orderHistorySummary = "order-history-summary"
    case orderHistoryDetail = "order-history-detail"
    case endUsers = "end-users"
    case renewals
    case ctlRenewals = "ctl-renewals"
    case renewals180 = "renewals-180"
    case renewalPriceNotices = "renewal-price-notices"
    case subscriptionUpdates = "subscription-updates"
    case saasFulfillment = "saas-fulfillment"
    case saasProvisioning = "saas-provisioning"
    case suppressedOverage = "suppressed-overage"
    case renewalQuotes = "renewal-quotes"
    case renewalsSummary = "renewals-summary"
    case inventory
    case siteContacts = "site-contacts"
    case accessRequests = "access-requests"
    case priceFiles = "price-files"

    public static func < (a: ReportID, b: ReportID) -> Bool { a.rawValue < b.rawValue }
}

/// A report's public description: the one column table the writers, schemas and `reports` use.
public struct ReportSpec: Sendable {
    public var id: ReportID
    /// A short name for headings and the catalogue.
    public var title: String
    public var description: String
    public var columns: [String]
    public var params: [ParamSpec]

    /// Text columns that get the CSV formula guard (SPEC §10).
    public static let guardedColumns: Set<String> = [
        "site_name", "customer_name", "reseller_name", "part_description", "renewal_part_description",
        "action_part_description", "description", "product_name", "charge_metric", "element_value",
        "suppression_reason",
        "name"
    ]
}

/// A report parameter a job may set (SPEC §1.1).
public struct ParamSpec: Sendable {
    public enum Kind: Sendable {
        /// An integer in the range.
        case integer(ClosedRange<Int>)
        case date
        case boolean
        /// A list of strings, each one of `allowed` (nil = any matching `pattern`).
        case stringList(allowed: [String]?)
    }

    public var name: String
    public var kind: Kind
    /// The value when a job does not set it; nil for a param that is simply absent then.
    public var defaultValue: ParamValue?

    init(name: String, kind: Kind, default value: ParamValue? = nil) {
        self.name = name
        self.kind = kind
        defaultValue = value
    }
}

private let renewalColumns = """
    renewal_due_date, site_number, customer_number, site_name, agreement_number, customer_name, country, \
    enrollment_type, price_level, anniversary_month, reseller_site, reseller_name, quote_number, order_number, \
    line_number, subscription_id, part_number, part_type, renewal_part_number, renewal_part_description, \
    term_months, quantity, coverage_start, coverage_end, unit_price, renewal_unit_price, renewal_amount, currency, \
    price_status
    """

private func columns(_ list: String) -> [String] {
    list.split(separator: ",").map { $0.trimmingSpaces }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}

private let dayCount = ParamSpec.Kind.integer(0...3660)
private let dateRange = [ParamSpec(name: "fromDate", kind: .date), ParamSpec(name: "toDate", kind: .date)]
private let orderSelection = dateRange + [ParamSpec(name: "lookbackDays", kind: dayCount)]

/// The catalog, sorted by id.
public let reportCatalog: [ReportSpec] = [
    ReportSpec(
        id: .customers, title: "Customers",
        description: "Customer information (PA and PAE) for every related customer site",
        columns: columns(
            """
            site_number, site_name, customer_number, agreement_number, customer_name, country, currency, \
            enrollment_type, site_role, price_level, anniversary_month, first_order_date, last_order_date, orders, \
            active_lines, next_renewal_date
            """), params: []),
    ReportSpec(
        id: .orderHistorySummary, title: "Order history summary",
        description: "Order history per customer and calendar year",
        columns: columns(
            """
            site_number, site_name, customer_number, agreement_number, customer_name, country, enrollment_type, \
            year, orders, lines, amount, currency
            """), params: orderSelection),
    ReportSpec(
        id: .orderHistoryDetail, title: "Order history detail", description: "Order history, one row per order line",
        columns: columns(
            """
            order_date, order_number, line_number, reseller_site, reseller_name, quote_number, site_number, \
            customer_number, site_name, agreement_number, customer_name, part_number, part_description, part_type, \
            quantity, unit_price, amount, currency, coverage_start, coverage_end, subscription_id
            """), params: orderSelection),
    ReportSpec(
        id: .endUsers, title: "End users", description: "End-user customers per reseller in scope",
        columns: columns(
            """
            reseller_site, reseller_name, site_number, customer_number, site_name, customer_name, country, \
            enrollment_type, first_order_date, last_order_date, orders, lines, active_lines, amount, currency
            """), params: []),
    ReportSpec(
        id: .renewals, title: "Renewals", description: "Active renewal line items (S&S and SaaS) due within the window",
        columns: columns(renewalColumns),
        params: [ParamSpec(name: "windowDays", kind: dayCount, default: .integer(365))] + dateRange),
    ReportSpec(
        id: .ctlRenewals, title: "CTL renewals", description: "Committed Term License active renewal line items",
        columns: columns(renewalColumns),
        params: [ParamSpec(name: "windowDays", kind: dayCount, default: .integer(365))] + dateRange),
    ReportSpec(
        id: .renewals180, title: "180-day renewals",
        description: "The 180-day report: lines due or lapsed within the days either side of the as-of date",
        columns: columns(
            """
            status, days_to_expiry, coverage_end, site_number, customer_number, site_name, agreement_number, \
            customer_name, country, enrollment_type, price_level, reseller_site, reseller_name, quote_number, \
            order_number, line_number, subscription_id, part_number, part_type, quantity, action_part_number, \
            action_part_description, action_unit_price, action_amount, currency, price_status
            """), params: [ParamSpec(name: "days", kind: dayCount, default: .integer(180))]),
    ReportSpec(
        id: .renewalPriceNotices, title: "Renewal price notices", description: "Contract renewal price notifications",
        columns: columns(
            """
            renewal_due_date, site_number, customer_number, site_name, agreement_number, customer_name, country, \
            price_level, reseller_site, reseller_name, quote_number, order_number, line_number, subscription_id, \
            coverage_end, renewal_part_number, renewal_part_description, quantity, currency, current_unit_price, \
            renewal_unit_price, change_percent, current_amount, renewal_amount, notice
            """),
        params: [
            ParamSpec(name: "noticeDays", kind: dayCount, default: .integer(90)),
            ParamSpec(name: "changesOnly", kind: .boolean, default: .boolean(true))
        ]),
    ReportSpec(
        id: .subscriptionUpdates, title: "Subscription updates",
        description: "Subscription license updates ordered in the last days",
        columns: columns(
            """
            order_date, subscription_id, order_number, line_number, reseller_site, reseller_name, site_number, \
            customer_name, part_number, part_type, previous_quantity, quantity, total_quantity, change_type, \
            coverage_start, coverage_end
            """), params: [ParamSpec(name: "days", kind: dayCount, default: .integer(30))]),
    ReportSpec(
        id: .saasFulfillment, title: "SaaS fulfillment", description: "SaaS fulfillment status per subscription",
        columns: columns(
            """
            subscription_id, site_number, customer_number, site_name, customer_name, reseller_site, reseller_name, \
            order_number, order_date, part_number, part_description, active_quantity, status, status_date, \
            days_in_status, overdue
            """), params: [ParamSpec(name: "overdueDays", kind: dayCount, default: .integer(5))]),
    ReportSpec(
        id: .saasProvisioning, title: "SaaS provisioning",
        description: "SaaS provisioning forms: provided and missing data elements",
        columns: columns(
            """
            subscription_id, site_number, customer_name, reseller_site, part_number, element_name, element_value, \
            element_status, form_complete
            """),
        params: [
            ParamSpec(
                name: "requiredElements", kind: .stringList(allowed: nil),
                default: .strings(["admin_email", "data_center", "tenant_name"]))
        ]),
    ReportSpec(
        id: .suppressedOverage, title: "Suppressed overage",
        description: "Suppressed SaaS overage per subscription and month",
        columns: columns(
            """
            period, subscription_id, site_number, customer_name, reseller_site, reseller_name, part_number, \
            overage_part_number, entitled_quantity, used_quantity, overage_quantity, overage_unit_price, \
            overage_amount, currency, price_status, suppression_reason
            """), params: [ParamSpec(name: "months", kind: .integer(1...120), default: .integer(12))]),
    ReportSpec(
        id: .renewalQuotes, title: "Renewal quotes", description: "Renewal quotes per reseller, customer and due date",
        columns: columns(
            """
            quote_id, quote_line, quote_date, renewal_due_date, site_number, customer_number, site_name, \
            agreement_number, customer_name, country, price_level, reseller_site, reseller_name, order_number, \
            line_number, subscription_id, renewal_part_number, renewal_part_description, term_months, quantity, \
            renewal_unit_price, renewal_amount, currency, price_status, quote_lines, quote_total, quote_complete
            """), params: [ParamSpec(name: "quoteDays", kind: dayCount, default: .integer(90))]),
    ReportSpec(
        id: .renewalsSummary, title: "Renewals summary", description: "Upcoming renewals per month and currency",
        columns: columns(
            """
            month, currency, customers, lines, priced_lines, renewal_amount, missing_prices, ctl_lines, saas_lines
            """), params: [ParamSpec(name: "months", kind: .integer(1...120), default: .integer(12))]),
    ReportSpec(
        id: .inventory, title: "Inventory",
        description: "Customers' inventory: active entitlements per customer and part",
        columns: columns(
            """
            site_number, customer_number, site_name, customer_name, product_id, product_name, part_number, \
            part_description, part_type, charge_metric, quantity, lines, earliest_coverage_end, latest_coverage_end
            """), params: []),
    ReportSpec(
        id: .siteContacts, title: "Site contacts",
        description: "The site's own contacts: roles, privileges, access status (no customer filters)",
        columns: columns(
            "user_id, name, email, role, privileges, status, requested_date, decided_date, decided_by"),
        params: []),
    ReportSpec(
        id: .accessRequests, title: "Access requests",
        description: "Pending access requests and who may approve them (no customer filters)",
        columns: columns("user_id, name, email, requested_date, days_pending, approvers, overdue"),
        params: [ParamSpec(name: "overdueDays", kind: dayCount, default: .integer(5))]),
    ReportSpec(
        id: .priceFiles, title: "Price files",
        description: "Current and future price files per family, view, country and currency",
        columns: columns(
            """
            part_number, description, product_id, product_name, part_type, charge_metric, term_months, \
            price_level, country, currency, unit_price, effective_from, effective_to
            """),
        params: [
            ParamSpec(
                name: "views", kind: .stringList(allowed: ["current", "current-and-future", "future"]),
                default: .strings(["current", "current-and-future", "future"])),
            ParamSpec(
                name: "families", kind: .stringList(allowed: ["software", "saas"]),
                default: .strings(["software", "saas"]))
        ])
].sorted { $0.id < $1.id }

extension ReportID {
    public var spec: ReportSpec { reportCatalog.first { $0.id == self }! }
}
