/// `renewal-quotes`: per (reseller in scope, customer, due date), a quote of its active renewal lines (SPEC §4).
enum RenewalQuotesReport {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let quoteDays = input.params[.quoteDays]
        struct Key: Hashable {
            var reseller: Int32
            var customer: Int32
            var due: Day
        }
        var quotes: [Key: [Int32]] = [:]
        for i in view.inScopeLines(input.site) where view.isActiveRenewal(i) {
            let l = view[line: i]
            guard l.coverageEnd! <= view.asOf + quoteDays else { continue }
            quotes[Key(reseller: l.reseller, customer: l.customer, due: l.coverageEnd! + 1), default: []].append(i)
        }
        let resellerRank = view.ranks.resellerSite
        func order(_ k: Key) -> (Day, Int32, Int32) {
            (k.due, view.siteRank(k.customer), resellerRank[Int(k.reseller)])
        }
        let keys = quotes.keys.sorted { order($0) < order($1) }
        var rows: [ReportRow] = []
        for key in keys {
            let lines = quotes[key]!.sorted { view.orderRank($0) < view.orderRank($1) }
            let c = view[customer: key.customer]
            let prices = lines.map { view.renewalPrice(view[line: $0], on: key.due) }
            let total = zip(lines, prices).reduce(Money(0)) { $0 + ($1.1 ?? 0) * Money(view[line: $1.0].quantity) }
            let complete = prices.allSatisfy { $0 != nil }
            let quoteId = "RQ-\(view.resellerSite(key.reseller))-\(c.siteNumber)-\(key.due.compact)"
            for (n, (i, price)) in zip(lines, prices).enumerated() {
                let l = view[line: i]
                let p = view[part: l.part]
                rows.append(
                    ReportRow(
                        customer: key.customer, quote: l.quoteNumber,
                        values: [
                            .text(quoteId), .number(n + 1), .day(view.asOf), .day(key.due), .text(c.siteNumber),
                            .text(c.customerNumber), .text(c.siteName), .text(c.agreementNumber ?? ""),
                            .text(c.customerName), .text(c.country.code), .text(c.priceLevel.rawValue),
                            .text(view.resellerSite(key.reseller)), .text(view.resellerName(key.reseller)),
                            .text(l.orderNumber), .number(l.lineNumber), .text(view.subscriptionId(l.subscription)),
                            .text(view.partNumber(p.renewalPart)), .text(view.partDescription(p.renewalPart)),
                            .number(p.renewalPart.map { view[part: $0].termMonths }), .number(l.quantity),
                            .amount(price, c.currency), .amount(price.map { $0 * Money(l.quantity) }, c.currency),
                            .text(c.currency.code), .text(price == nil ? "MISSING" : "OK"), .number(lines.count),
                            .amount(total, c.currency), .yesNo(complete)
                        ]))
            }
        }
        return rows
    }
}
