/// `renewal-price-notices`: the renewal price against today's price (SPEC §4).
enum PriceNoticesReport {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let noticeDays = input.params[.noticeDays]
        let changesOnly = input.params[.changesOnly]
        let lines = view.inScopeLines(input.site).filter { i in
            view.isActiveRenewal(i) && view[line: i].coverageEnd! <= view.asOf + noticeDays
        }.sorted(by: view.orderedByEndAndSite)
        return lines.compactMap { i in
            let l = view[line: i]
            let c = view[customer: l.customer]
            let p = view[part: l.part]
            let due = l.coverageEnd! + 1
            let current = view.renewalPrice(l, on: view.asOf)
            let renewal = view.renewalPrice(l, on: due)
            let notice: String
            if let current, let renewal {
                notice = renewal > current ? "INCREASE" : renewal < current ? "DECREASE" : "UNCHANGED"
            } else {
                notice = "NO_PRICE"
            }
            if changesOnly, notice == "UNCHANGED" { return nil }
            let quantity = Money(l.quantity)
            return ReportRow(
                customer: l.customer, quote: l.quoteNumber,
                values: [
                    due.description, c.siteNumber, c.customerNumber, c.siteName, c.agreementNumber ?? "",
                    c.customerName,
                    c.country.code, c.priceLevel.rawValue, view.resellerSite(l.reseller), view.resellerName(l.reseller),
                    l.quoteNumber ?? "", l.orderNumber, String(l.lineNumber), view.subscriptionId(l.subscription),
                    l.coverageEnd!.description, view.partNumber(p.renewalPart), view.partDescription(p.renewalPart),
                    String(l.quantity), c.currency.code, Format.money(current, c.currency),
                    Format.money(renewal, c.currency),
                    Format.changePercent(old: current, new: renewal),
                    Format.money(current.map { $0 * quantity }, c.currency),
                    Format.money(renewal.map { $0 * quantity }, c.currency), notice
                ])
        }
    }
}
