/// `customers`: one row per related customer (SPEC §4).
enum CustomersReport {
    struct Summary {
        var first = Day.max
        var last = Day(rawValue: Int32.min)
        var orders: Set<String> = []
        var lines = 0
        var activeLines = 0
        var amount: Money = 0
        var nextRenewal: Day?
    }

    /// Per customer, counts over the given lines (SPEC §10: in-scope lines only).
    static func summarize(_ view: AsOfView, _ lines: [Int32]) -> [Int32: Summary] {
        var byCustomer: [Int32: Summary] = [:]
        for i in lines {
            let l = view.line(i)
            var s = byCustomer[l.customer] ?? Summary()
            s.first = min(s.first, l.orderDate)
            s.last = max(s.last, l.orderDate)
            s.orders.insert(l.orderNumber)
            s.lines += 1
            s.amount += view.amount(l)
            if let start = l.coverageStart, let end = l.coverageEnd, start <= view.asOf, view.asOf <= end { s.activeLines += 1 }
            if view.isActiveRenewal(i), let end = l.coverageEnd {
                let due = end + 1
                if s.nextRenewal == nil || due < s.nextRenewal! { s.nextRenewal = due }
            }
            byCustomer[l.customer] = s
        }
        return byCustomer
    }

    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let summaries = summarize(view, view.inScopeLines(input.site))
        return summaries.keys.sorted { view.siteRank($0) < view.siteRank($1) }.map { c in
            let s = summaries[c]!
            let cu = view.customer(c)
            return ReportRow(customer: c, quote: nil, values: [
                cu.siteNumber, cu.siteName, cu.customerNumber, cu.agreementNumber ?? "", cu.customerName, cu.country.code,
                cu.currency.code, cu.enrollmentType.rawValue, cu.siteRole?.rawValue ?? "", cu.priceLevel.rawValue,
                cu.anniversaryText, s.first.description, s.last.description, String(s.orders.count), String(s.activeLines),
                Format.date(s.nextRenewal),
            ])
        }
    }
}
