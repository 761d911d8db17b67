/// What a report is computed from: the as-of view, the reseller site, the job's params and filters.
public struct ReportInput {
    public let view: AsOfView
    public let site: Int32
    public let params: ReportParams
    public let filters: CustomerFilters

    public init(view: AsOfView, site: Int32, params: ReportParams, filters: CustomerFilters) {
        self.view = view
        self.site = site
        self.params = params
        self.filters = filters
    }
}

/// One output row: the typed values in column order, and what filters look at.
public struct ReportRow {
    /// The customer the row is about (nil for rows of no one customer).
    public var customer: Int32?
    /// The line's quote number, for the `quoteNumber` filter.
    public var quote: String?
    public var values: [Cell]
}

extension CustomerFilters {
    /// Whether the customer passes every given customer filter.
    func matches(_ c: Customer) -> Bool {
        if let list = agreementNumber, !list.contains(c.agreementNumber ?? "") { return false }
        if let list = siteNumber, !list.contains(c.siteNumber) { return false }
        if let list = country, !list.contains(c.country.code) { return false }
        if let list = enrollmentType, !list.contains(c.enrollmentType.rawValue) { return false }
        if let list = anniversaryMonth, !list.contains(Int(c.anniversaryMonth ?? 0)) { return false }
        if let s = customerName, !asciiFoldedContains(c.customerName, s) { return false }
        if let s = siteName, !asciiFoldedContains(c.siteName, s) { return false }
        return true
    }

    /// Case-insensitive substring with ASCII case folding only.
    private func asciiFoldedContains(_ text: String, _ part: String) -> Bool {
        let fold = { (c: UInt8) -> UInt8 in c &- 0x41 < 26 ? c | 0x20 : c }
        let t = text.utf8.map(fold), p = part.utf8.map(fold)
        if p.isEmpty { return true }
        guard t.count >= p.count else { return false }
        for i in 0...(t.count - p.count) where t[i] == p[0] && Array(t[i..<i + p.count]) == p { return true }
        return false
    }
}

/// Report ids whose rows the `quoteNumber` filter applies to (SPEC §10).
let quoteFilteredReports: Set<ReportID> = [
    .orderHistoryDetail, .renewals, .ctlRenewals, .renewals180, .renewalPriceNotices
]
