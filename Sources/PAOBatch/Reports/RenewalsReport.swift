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
                    .day(due), .text(c.siteNumber), .text(c.customerNumber), .text(c.siteName),
                    .text(c.agreementNumber ?? ""), .text(c.customerName), .text(c.country.code),
                    .text(c.enrollmentType.rawValue), .text(c.priceLevel.rawValue), .number(c.anniversaryMonth),
                    .text(view.resellerSite(l.reseller)), .text(view.resellerName(l.reseller)),
                    .text(l.quoteNumber ?? ""), .text(l.orderNumber), .number(l.lineNumber),
                    .text(view.subscriptionId(l.subscription)), .text(p.number), .text(p.type.rawValue),
                    .text(view.partNumber(p.renewalPart)), .text(view.partDescription(p.renewalPart)),
                    .number(p.renewalPart.map { view[part: $0].termMonths }), .number(l.quantity),
                    .date(l.coverageStart), .date(l.coverageEnd), .amount(l.unitPrice, c.currency),
                    .amount(price, c.currency), .amount(price.map { $0 * Money(l.quantity) }, c.currency),
                    .text(c.currency.code), .text(price == nil ? "MISSING" : "OK")
                ])
        }
    }
}
