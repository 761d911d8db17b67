/// Computes any per-site report (everything but price files), filters applied, sorted.
public enum ReportRegistry {
    public static func rows(_ id: ReportID, _ input: ReportInput) -> [ReportRow] {
        let rows: [ReportRow]
        switch id {
        case .customers: rows = CustomersReport.rows(input)
        case .orderHistorySummary: rows = OrderHistoryReport.summary(input)
        case .orderHistoryDetail: rows = OrderHistoryReport.detail(input)
        case .endUsers: rows = EndUsersReport.rows(input)
        case .renewals: rows = RenewalsReport.rows(input, types: [.LICENSE_SS, .SS_RENEWAL, .SS_REINSTATEMENT, .SAAS])
        case .ctlRenewals: rows = RenewalsReport.rows(input, types: [.CTL])
        case .renewals180: rows = Renewals180Report.rows(input)
        case .renewalPriceNotices: rows = PriceNoticesReport.rows(input)
        case .subscriptionUpdates: rows = SubscriptionUpdatesReport.rows(input)
        case .saasFulfillment: rows = SaaSReports.fulfillment(input)
        case .saasProvisioning: rows = SaaSReports.provisioning(input)
        case .suppressedOverage: rows = SuppressedOverageReport.rows(input)
        case .renewalQuotes: rows = RenewalQuotesReport.rows(input)
        case .renewalsSummary: return RenewalsSummaryReport.rows(input)
        case .inventory: rows = InventoryReport.rows(input)
        case .siteContacts: return ContactReports.siteContacts(input)
        case .accessRequests: return ContactReports.accessRequests(input)
        case .priceFiles: preconditionFailure("price files are per country, not per site")
        }
        let filters = input.filters
        let byQuote = quoteFilteredReports.contains(id) ? filters.quoteNumber : nil
        guard !filters.isEmpty else { return rows }
        return rows.filter { row in
            if let c = row.customer, !filters.matches(input.view[customer: c]) { return false }
            if let quotes = byQuote, !quotes.contains(row.quote ?? "") { return false }
            return true
        }
    }
}
