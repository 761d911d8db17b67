/// `customers`: one row per related customer (SPEC §4).
enum CustomersReport {
    struct Summary {
        var first = Day.max
        var last = Day(rawValue: Int32.min)
        var orders = DistinctCount()
        var lines = 0
        var activeLines = 0
        var amount: Money = 0
        var nextRenewal: Day?

        mutating func add(_ orderDate: Day, _ order: Int32, _ lineAmount: Money, active: Bool, due: Day?) {
            first = min(first, orderDate)
            last = max(last, orderDate)
            orders.insert(order)
            lines += 1
            amount += lineAmount
            if active { activeLines += 1 }
            if let due, nextRenewal == nil || due < nextRenewal! { nextRenewal = due }
        }
    }

    /// Per customer, counts over the given lines (SPEC §10: in-scope lines only).
    static func summarize(_ view: AsOfView, _ lines: [Int32]) -> [Int32: Summary] {
        var byCustomer: [Int32: Summary] = [:]
        for i in lines {
            let l = view[line: i]
            let due = view.isActiveRenewal(i) ? l.coverageEnd.map { $0 + 1 } : nil
            var active = false
            if let start = l.coverageStart, let end = l.coverageEnd { active = start <= view.asOf && view.asOf <= end }
            let amount = view.amount(l)
            // Updated in place: a copy of the summary would copy its order set on every insert.
            byCustomer[l.customer, default: Summary()].add(
                l.orderDate, view.ranks.order[Int(i)], amount, active: active, due: due)
        }
        return byCustomer
    }

    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let summaries = summarize(view, view.inScopeLines(input.site))
        return summaries.keys.sorted { view.siteRank($0) < view.siteRank($1) }.map { c in
            let s = summaries[c]!
            let cu = view[customer: c]
            return ReportRow(
                customer: c, quote: nil,
                values: [
                    .text(cu.siteNumber), .text(cu.siteName), .text(cu.customerNumber), .text(cu.agreementNumber ?? ""),
                    .text(cu.customerName), .text(cu.country.code), .text(cu.currency.code),
                    .text(cu.enrollmentType.rawValue), .text(cu.siteRole?.rawValue ?? ""),
                    .text(cu.priceLevel.rawValue), .number(cu.anniversaryMonth), .day(s.first), .day(s.last),
                    .number(s.orders.distinct), .number(s.activeLines), .date(s.nextRenewal)
                ])
        }
    }
}
