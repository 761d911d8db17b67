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
                    due ? "DUE" : "LAPSED", String(end - view.asOf), end.description, c.siteNumber, c.customerNumber,
                    c.siteName,
                    c.agreementNumber ?? "", c.customerName, c.country.code, c.enrollmentType.rawValue,
                    c.priceLevel.rawValue,
                    view.resellerSite(l.reseller), view.resellerName(l.reseller), l.quoteNumber ?? "", l.orderNumber,
                    String(l.lineNumber), view.subscriptionId(l.subscription), p.number, p.type.rawValue,
                    String(l.quantity),
                    view.partNumber(action), view.partDescription(action), Format.money(price, c.currency),
                    Format.money(price.map { $0 * Money(l.quantity) }, c.currency), c.currency.code,
                    price == nil ? "MISSING" : "OK"
                ])
        }
    }
}
