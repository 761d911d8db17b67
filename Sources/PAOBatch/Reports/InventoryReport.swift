/// `inventory`: in-scope lines whose coverage holds the as-of date, per customer and part (SPEC §4).
enum InventoryReport {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        struct Key: Hashable {
            var customer: Int32
            var part: Int32
        }
        var groups: [Key: (quantity: Int64, lines: Int, earliest: Day, latest: Day)] = [:]
        for i in view.inScopeLines(input.site) {
            let l = view[line: i]
            guard let start = l.coverageStart, let end = l.coverageEnd, start <= view.asOf, view.asOf <= end else {
                continue
            }
            let key = Key(customer: l.customer, part: l.part)
            var g = groups[key] ?? (0, 0, end, end)
            g.quantity += l.quantity
            g.lines += 1
            g.earliest = min(g.earliest, end)
            g.latest = max(g.latest, end)
            groups[key] = g
        }
        let ranks = view.ranks
        func order(_ k: Key) -> (Int32, Int32, Int32) {
            (view.siteRank(k.customer), ranks.productId[Int(k.part)], ranks.partNumber[Int(k.part)])
        }
        let keys = groups.keys.sorted { order($0) < order($1) }
        return keys.map { k in
            let g = groups[k]!
            let c = view[customer: k.customer]
            let p = view[part: k.part]
            return ReportRow(
                customer: k.customer, quote: nil,
                values: [
                    .text(c.siteNumber), .text(c.customerNumber), .text(c.siteName), .text(c.customerName),
                    .text(p.productId), .text(p.productName), .text(p.number), .text(p.description),
                    .text(p.type.rawValue), .text(p.chargeMetric), .number(g.quantity), .number(g.lines),
                    .day(g.earliest), .day(g.latest)
                ])
        }
    }
}
