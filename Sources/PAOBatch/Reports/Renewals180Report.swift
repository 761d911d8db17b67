/// `renewals-180`: latest lines due or lapsed within `days` either side of the as-of date (SPEC §4).
enum Renewals180Report {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let days = input.params[.days]
        let lines = view.inScopeLines(input.site).filter { i in
            guard view.isLatest[Int(i)], let end = view[line: i].coverageEnd, end < Day.max else { return false }
            return view.asOf - days <= end && end <= view.asOf + days
        }.sorted(by: view.orderedByEndAndSite)
        return lines.map { i in
            let l = view[line: i]
            let c = view[customer: l.customer]
            let p = view[part: l.part]
            let end = l.coverageEnd!
            let due = end >= view.asOf
            let action = due ? p.renewalPart : (p.reinstatementPart ?? p.renewalPart)
            let price = action.flatMap { view.price($0, for: l.customer, on: due ? end + 1 : view.asOf) }
            return ReportRow(
                customer: l.customer, quote: l.quoteNumber,
                values: [
                    .text(due ? "DUE" : "LAPSED"), .number(end - view.asOf), .day(end), .text(c.siteNumber),
                    .text(c.customerNumber), .text(c.siteName), .text(c.agreementNumber ?? ""), .text(c.customerName),
                    .text(c.country.code), .text(c.enrollmentType.rawValue), .text(c.priceLevel.rawValue),
                    .text(view.resellerSite(l.reseller)), .text(view.resellerName(l.reseller)),
                    .text(l.quoteNumber ?? ""), .text(l.orderNumber), .number(l.lineNumber),
                    .text(view.subscriptionId(l.subscription)), .text(p.number), .text(p.type.rawValue),
                    .number(l.quantity), .text(view.partNumber(action)), .text(view.partDescription(action)),
                    .amount(price, c.currency), .amount(price.map { $0 * Money(l.quantity) }, c.currency),
                    .text(c.currency.code), .text(price == nil ? "MISSING" : "OK")
                ])
        }
    }
}
