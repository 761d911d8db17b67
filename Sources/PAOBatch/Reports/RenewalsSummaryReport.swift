/// `renewals-summary`: upcoming renewals per month of due date and currency (SPEC §4).
enum RenewalsSummaryReport {
    /// Customer filters select the lines summed (SPEC §10).
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let months = input.params[.months]
        let first = view.asOf.month, last = view.asOf.month + (months - 1)
        struct Key: Hashable {
            var month: Month
            var currency: Currency
        }
        struct Totals {
            var customers: Set<Int32> = []
            var lines = 0
            var priced = 0
            var amount: Money = 0
            var missing = 0
            var ctl = 0
            var saas = 0
        }
        var groups: [Key: Totals] = [:]
        for i in view.inScopeLines(input.site) where view.isActiveRenewal(i) {
            let l = view[line: i]
            let c = view[customer: l.customer]
            let due = l.coverageEnd! + 1
            guard due.month >= first, due.month <= last, input.filters.matches(c) else { continue }
            var t = groups[Key(month: due.month, currency: c.currency)] ?? Totals()
            t.customers.insert(l.customer)
            t.lines += 1
            if let price = view.renewalPrice(l, on: due) {
                t.priced += 1
                t.amount += price * Money(l.quantity)
            } else {
                t.missing += 1
            }
            let type = view[part: l.part].type
            if type == .CTL { t.ctl += 1 }
            if type == .SAAS { t.saas += 1 }
            groups[Key(month: due.month, currency: c.currency)] = t
        }
        return groups.keys.sorted {
            $0.month != $1.month ? $0.month < $1.month : textLess($0.currency.code, $1.currency.code)
        }.map { k in
            let t = groups[k]!
            return ReportRow(
                customer: nil, quote: nil,
                values: [
                    .month(k.month), .text(k.currency.code), .number(t.customers.count), .number(t.lines),
                    .number(t.priced), .amount(t.amount, k.currency), .number(t.missing), .number(t.ctl),
                    .number(t.saas)
                ])
        }
    }
}
