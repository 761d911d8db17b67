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
                    .day(due), .text(c.siteNumber), .text(c.customerNumber), .text(c.siteName),
                    .text(c.agreementNumber ?? ""), .text(c.customerName), .text(c.country.code),
                    .text(c.priceLevel.rawValue), .text(view.resellerSite(l.reseller)),
                    .text(view.resellerName(l.reseller)), .text(l.quoteNumber ?? ""), .text(l.orderNumber),
                    .number(l.lineNumber), .text(view.subscriptionId(l.subscription)), .day(l.coverageEnd!),
                    .text(view.partNumber(p.renewalPart)), .text(view.partDescription(p.renewalPart)),
                    .number(l.quantity), .text(c.currency.code), .amount(current, c.currency),
                    .amount(renewal, c.currency), Format.changePercent(old: current, new: renewal),
                    .amount(current.map { $0 * quantity }, c.currency),
                    .amount(renewal.map { $0 * quantity }, c.currency), .text(notice)
                ])
        }
    }
}
