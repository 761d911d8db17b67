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
                            quoteId, String(n + 1), view.asOf.description, key.due.description, c.siteNumber,
                            c.customerNumber,
                            c.siteName, c.agreementNumber ?? "", c.customerName, c.country.code, c.priceLevel.rawValue,
                            view.resellerSite(key.reseller), view.resellerName(key.reseller), l.orderNumber,
                            String(l.lineNumber),
                            view.subscriptionId(l.subscription), view.partNumber(p.renewalPart),
                            view.partDescription(p.renewalPart),
                            p.renewalPart.map { String(view[part: $0].termMonths) } ?? "", String(l.quantity),
                            Format.money(price, c.currency),
                            Format.money(price.map { $0 * Money(l.quantity) }, c.currency),
                            c.currency.code, price == nil ? "MISSING" : "OK", String(lines.count),
                            Format.money(total, c.currency),
                            Format.yesNo(complete)
                        ]))
            }
        }
        return rows
    }
}
