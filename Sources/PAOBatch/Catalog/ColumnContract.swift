/// What a data team may rely on in one column of one report (SPEC §15): its type, whether it can
/// be empty, and for ids and codes the pattern every value matches. Derived from the column table
/// and the feed rules of SPEC §2–§5, so the catalogue, the Table Schemas and the writers agree.
public struct ColumnContract: Sendable, Equatable {
    public enum ValueType: String, Sendable, CaseIterable {
        case id, text, code, date, month, integer, money, percent, flag
    }

    public var name: String
    public var type: ValueType
    public var nullable: Bool
    /// An anchored regular expression (`^…$`) for ids and codes.
    public var pattern: String?
}

extension ReportSpec {
    /// The report's columns as data teams see them; with `changes`, the columns of its changes
    /// files (SPEC §11): `change`, `changed_columns`, then the report's own.
    public func contract(changes: Bool = false) -> [ColumnContract] {
        let own = columns.map { ColumnContract(report: id, column: $0) }
        guard changes else { return own }
        return [
            ColumnContract(name: "change", type: .code, nullable: false, pattern: "^(A|C|D)$"),
            ColumnContract(name: "changed_columns", type: .text, nullable: true, pattern: nil)
        ] + own
    }
}

extension ColumnContract {
    init(report: ReportID, column: String) {
        name = column
        nullable = Self.nullable(column, in: report)
        if let pattern = Self.idPatterns[column] {
            type = .id
            self.pattern = pattern
        } else if let values = Self.codes(column, in: report) {
            type = .code
            pattern = "^(" + values.joined(separator: "|") + ")$"
        } else if let pattern = Self.codePatterns[column] {
            type = .code
            self.pattern = pattern
        } else {
            type = Self.yesNoColumns.contains(column) ? .flag : ValueType(ColumnKind(column: column))
            pattern = nil
        }
    }

    private static let siteId = "^[0-9]{1,10}$"
    private static let partNumber = "^[A-Z0-9]{7}$"
    private static let orderNumber = "^[A-Za-z0-9-]{1,20}$"
    private static let email = "^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,189}\\.[a-z]{2,24}$"

    private static let idPatterns: [String: String] = [
        "site_number": siteId, "customer_number": siteId, "agreement_number": siteId, "reseller_site": siteId,
        "order_number": orderNumber, "quote_number": orderNumber, "subscription_id": "^[A-Za-z0-9-]{1,32}$",
        "part_number": partNumber, "renewal_part_number": partNumber, "action_part_number": partNumber,
        "overage_part_number": partNumber, "element_name": "^[a-z][a-z0-9_]{0,63}$", "user_id": email,
        "decided_by": email, "quote_id": "^RQ-[0-9]{1,10}-[0-9]{1,10}-[0-9]{8}$"
    ]

    private static let codePatterns: [String: String] = [
        "country": "^[A-Z]{2}$", "currency": "^[A-Z]{3}$",
        "privileges": "^(REPORTING|ORDERING|PQO|PGS)(\\|(REPORTING|ORDERING|PQO|PGS))*$"
    ]

    private static let yesNoColumns: Set<String> = ["overdue", "form_complete", "quote_complete"]

    /// The values of an enumerated column, in the report where it appears.
    private static func codes(_ column: String, in report: ReportID) -> [String]? {
        switch column {
        case "enrollment_type": names(EnrollmentType.self)
        case "site_role": names(SiteRole.self)
        case "price_level": names(PriceLevel.self)
        case "part_type": names(PartType.self)
        case "price_status": ["OK", "MISSING"]
        case "role": names(ContactRole.self)
        case "notice": ["INCREASE", "DECREASE", "UNCHANGED", "NO_PRICE"]
        case "change_type": ["NEW", "INCREASE", "DECREASE", "RENEWAL"]
        case "element_status": ["PROVIDED", "MISSING"]
        case "status":
            switch report {
            case .renewals180: ["DUE", "LAPSED"]
            case .siteContacts: names(ContactStatus.self)
            default: names(ProvisioningStatus.self)
            }
        default: nil
        }
    }

    private static func names<E: FeedEnum>(_: E.Type) -> [String] { E.allCases.map(\.rawValue) }

    /// Columns that may be empty in every report that has them: optional feed values, prices that
    /// can be missing, and values that only some rows have (SPEC §2–§5, §14).
    private static let optional: Set<String> = [
        "agreement_number", "quote_number", "site_role", "anniversary_month", "next_renewal_date",
        "renewal_unit_price", "action_unit_price", "action_amount", "current_unit_price", "current_amount",
        "change_percent", "previous_quantity", "element_value", "overage_part_number", "overage_unit_price",
        "overage_amount", "effective_to", "privileges", "decided_date", "decided_by", "approvers"
    ]

    private static func nullable(_ column: String, in report: ReportID) -> Bool {
        switch column {
        // S&S lines have no subscription; the SaaS reports and subscription updates are about one.
        case "subscription_id":
            [.renewals, .ctlRenewals, .renewals180, .renewalPriceNotices, .renewalQuotes, .orderHistoryDetail]
                .contains(report)
        // SAAS_OVERAGE lines may come without coverage; every other line has it.
        case "coverage_start", "coverage_end": report == .orderHistoryDetail
        // Empty when the price is missing, except the summary's sum of priced amounts.
        case "renewal_amount": report != .renewalsSummary
        default: optional.contains(column)
        }
    }
}

extension ColumnContract.ValueType {
    init(_ kind: ColumnKind) {
        switch kind {
        case .text: self = .text
        case .date: self = .date
        case .month: self = .month
        case .integer: self = .integer
        case .money: self = .money
        case .percent: self = .percent
        }
    }
}
