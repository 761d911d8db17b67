/// `subscription-updates`: CTL, MONTHLY and SAAS lines ordered in the last `days` (SPEC §4).
enum SubscriptionUpdatesReport {
    static let types: Set<PartType> = [.CTL, .MONTHLY, .SAAS]

    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let days = input.params[.days]
        let lines = view.inScopeLines(input.site).filter { i in
            let l = view[line: i]
            return types.contains(view[part: l.part].type) && l.orderDate > view.asOf - days && l.subscription != nil
        }.sorted { a, b in
            func key(_ i: Int32) -> (Day, Int32, Int32) {
                let l = view[line: i]
                return (l.orderDate, view.ranks.subscription[Int(l.subscription!)], view.orderRank(i))
            }
            return key(a) < key(b)
        }
        return lines.map { i in
            let l = view[line: i]
            let c = view[customer: l.customer]
            let p = view[part: l.part]
            let s = l.subscription!
            let start = l.coverageStart!
            let previous = view.quantity(s, on: start - 1, types: types)
            let total = view.quantity(s, on: start, types: types)
            let change =
                previous == 0 ? "NEW" : total > previous ? "INCREASE" : total < previous ? "DECREASE" : "RENEWAL"
            return ReportRow(
                customer: l.customer, quote: l.quoteNumber,
                values: [
                    .day(l.orderDate), .text(view.subscriptionId(s)), .text(l.orderNumber), .number(l.lineNumber),
                    .text(view.resellerSite(l.reseller)), .text(view.resellerName(l.reseller)), .text(c.siteNumber),
                    .text(c.customerName), .text(p.number), .text(p.type.rawValue),
                    .number(previous == 0 ? nil : previous), .number(l.quantity), .number(total), .text(change),
                    .day(start), .date(l.coverageEnd)
                ])
        }
    }
}
