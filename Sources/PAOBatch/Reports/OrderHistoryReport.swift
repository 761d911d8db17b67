/// `order-history-summary` and `order-history-detail` (SPEC §4).
enum OrderHistoryReport {
    /// In-scope lines chosen by `fromDate`/`toDate` (inclusive) or `lookbackDays`.
    static func selectedLines(_ input: ReportInput) -> [Int32] {
        let view = input.view
        let from = input.params[.fromDate], to = input.params[.toDate]
        let lookback = input.params[.lookbackDays]
        return view.inScopeLines(input.site).filter { i in
            let d = view[line: i].orderDate
            if let from, d < from { return false }
            if let to, d > to { return false }
            if let lookback, d <= view.asOf - lookback { return false }
            return true
        }
    }

    static func summary(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        struct Key: Hashable {
            var customer: Int32
            var year: Int
        }
        struct Group {
            var orders = DistinctCount()
            var lines = 0
            var amount: Money = 0

            mutating func add(order: Int32, amount lineAmount: Money) {
                orders.insert(order)
                lines += 1
                amount += lineAmount
            }
        }
        var groups: [Key: Group] = [:]
        for i in selectedLines(input) {
            let l = view[line: i]
            let key = Key(customer: l.customer, year: l.orderDate.components.year)
            // Updated in place: a copy of the group would copy its order list on every line.
            groups[key, default: Group()].add(order: view.ranks.order[Int(i)], amount: view.amount(l))
        }
        let keys = groups.keys.sorted { (view.siteRank($0.customer), $0.year) < (view.siteRank($1.customer), $1.year) }
        return keys.map { k in
            let g = groups[k]!
            let c = view[customer: k.customer]
            return ReportRow(
                customer: k.customer, quote: nil,
                values: [
                    .text(c.siteNumber), .text(c.siteName), .text(c.customerNumber), .text(c.agreementNumber ?? ""),
                    .text(c.customerName), .text(c.country.code), .text(c.enrollmentType.rawValue), .number(k.year),
                    .number(g.orders.distinct), .number(g.lines), .amount(g.amount, c.currency), .text(c.currency.code)
                ])
        }
    }

    static func detail(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let lines = selectedLines(input).sorted(by: view.orderedFirst)
        return lines.map { i in
            let l = view[line: i]
            let c = view[customer: l.customer]
            let p = view[part: l.part]
            return ReportRow(
                customer: l.customer, quote: l.quoteNumber,
                values: [
                    .day(l.orderDate), .text(l.orderNumber), .number(l.lineNumber),
                    .text(view.resellerSite(l.reseller)), .text(view.resellerName(l.reseller)),
                    .text(l.quoteNumber ?? ""), .text(c.siteNumber), .text(c.customerNumber), .text(c.siteName),
                    .text(c.agreementNumber ?? ""), .text(c.customerName), .text(p.number), .text(p.description),
                    .text(p.type.rawValue), .number(l.quantity), .amount(l.unitPrice, c.currency),
                    .amount(view.amount(l), c.currency), .text(c.currency.code), .date(l.coverageStart),
                    .date(l.coverageEnd), .text(view.subscriptionId(l.subscription))
                ])
        }
    }
}
