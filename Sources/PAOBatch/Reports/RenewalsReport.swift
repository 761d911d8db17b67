/// `renewals` and `ctl-renewals`: active renewal line items due within the window (SPEC §4).
enum RenewalsReport {
    static func rows(_ input: ReportInput, types: Set<PartType>) -> [ReportRow] {
        let view = input.view
        let window = input.params[.windowDays]
        let from = input.params[.fromDate], to = input.params[.toDate]
        let lines = view.inScopeLines(input.site).filter { i in
            guard view.isActiveRenewal(i) else { return false }
            let l = view[line: i]
            guard types.contains(view[part: l.part].type), let end = l.coverageEnd, end <= view.asOf + window else {
                return false
            }
            let due = end + 1
            if let from, due < from { return false }
            if let to, due > to { return false }
            return true
        }.sorted { a, b in
            let ranks = view.ranks
            func key(_ i: Int32) -> (Day, Int32, Int32, Int32, Int32) {
                let l = view[line: i], c = Int(l.customer)
                return (
                    l.coverageEnd!, ranks.agreement[c], ranks.quote[Int(i)], ranks.siteName[c], ranks.orderLine[Int(i)]
                )
            }
            return key(a) < key(b)
        }
        return lines.map { i in
            let l = view[line: i]
            let c = view[customer: l.customer]
            let p = view[part: l.part]
            let due = l.coverageEnd! + 1
            let price = view.renewalPrice(l, on: due)
            return ReportRow(
                customer: l.customer, quote: l.quoteNumber,
                values: [
                    due.description, c.siteNumber, c.customerNumber, c.siteName, c.agreementNumber ?? "",
                    c.customerName,
                    c.country.code, c.enrollmentType.rawValue, c.priceLevel.rawValue, c.anniversaryText,
                    view.resellerSite(l.reseller),
                    view.resellerName(l.reseller), l.quoteNumber ?? "", l.orderNumber, String(l.lineNumber),
                    view.subscriptionId(l.subscription), p.number, p.type.rawValue, view.partNumber(p.renewalPart),
                    view.partDescription(p.renewalPart), p.renewalPart.map { String(view[part: $0].termMonths) } ?? "",
                    String(l.quantity), Format.date(l.coverageStart), Format.date(l.coverageEnd),
                    Format.money(l.unitPrice, c.currency),
                    Format.money(price, c.currency), Format.money(price.map { $0 * Money(l.quantity) }, c.currency),
                    c.currency.code,
                    price == nil ? "MISSING" : "OK"
                ])
        }
    }
}
