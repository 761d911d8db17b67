/// What a report column holds (SPEC §3, §6.3): its XSD type, how it sorts, and which cells it takes.
public enum ColumnKind: String, Sendable {
    case text, date, month, integer, money, percent

    public init(column: String) {
        if ColumnKind.dateColumns.contains(column) {
            self = .date
        } else if ColumnKind.integerColumns.contains(column) {
            self = .integer
        } else if ColumnKind.moneyColumns.contains(column) {
            self = .money
        } else if column == "change_percent" {
            self = .percent
        } else if column == "period" || column == "month" {
            self = .month
        } else {
            self = .text
        }
    }

    private static let dateColumns: Set<String> = [
        "renewal_due_date", "first_order_date", "last_order_date", "next_renewal_date", "order_date", "coverage_start",
        "coverage_end", "quote_date", "status_date", "earliest_coverage_end", "latest_coverage_end", "effective_from",
        "effective_to", "requested_date", "decided_date"
    ]
    private static let integerColumns: Set<String> = [
        "anniversary_month", "orders", "active_lines", "year", "lines", "line_number", "term_months", "quantity",
        "days_to_expiry", "previous_quantity", "total_quantity", "active_quantity", "days_in_status",
        "entitled_quantity", "used_quantity", "overage_quantity", "quote_line", "quote_lines", "customers",
        "priced_lines", "missing_prices", "ctl_lines", "saas_lines", "days_pending"
    ]
    private static let moneyColumns: Set<String> = [
        "amount", "unit_price", "renewal_unit_price", "renewal_amount", "action_unit_price", "action_amount",
        "current_unit_price", "current_amount", "overage_unit_price", "overage_amount", "quote_total"
    ]
}
