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
                    c.siteNumber, c.siteName, c.customerNumber, c.agreementNumber ?? "", c.customerName, c.country.code,
                    c.enrollmentType.rawValue, String(k.year), String(g.orders.distinct), String(g.lines),
                    Format.money(g.amount, c.currency), c.currency.code
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
                    l.orderDate.description, l.orderNumber, String(l.lineNumber), view.resellerSite(l.reseller),
                    view.resellerName(l.reseller), l.quoteNumber ?? "", c.siteNumber, c.customerNumber, c.siteName,
                    c.agreementNumber ?? "", c.customerName, p.number, p.description, p.type.rawValue,
                    String(l.quantity),
                    Format.money(l.unitPrice, c.currency), Format.money(view.amount(l), c.currency), c.currency.code,
                    Format.date(l.coverageStart), Format.date(l.coverageEnd), view.subscriptionId(l.subscription)
                ])
        }
    }
}
