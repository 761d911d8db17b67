/// `end-users`: one row per (reseller in scope, customer) with that reseller's visible lines (SPEC §4).
enum EndUsersReport {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        var rows: [(reseller: Int32, customer: Int32, row: ReportRow)] = []
        for x in view.scope.members[Int(input.site)] {
            let summaries = CustomersReport.summarize(view, view.linesByReseller[Int(x)])
            for (c, s) in summaries {
                let cu = view[customer: c]
                rows.append(
                    (
                        x, c,
                        ReportRow(
                            customer: c, quote: nil,
                            values: [
                                .text(view.resellerSite(x)), .text(view.resellerName(x)), .text(cu.siteNumber),
                                .text(cu.customerNumber), .text(cu.siteName), .text(cu.customerName),
                                .text(cu.country.code), .text(cu.enrollmentType.rawValue), .day(s.first), .day(s.last),
                                .number(s.orders.distinct), .number(s.lines), .number(s.activeLines),
                                .amount(s.amount, cu.currency), .text(cu.currency.code)
                            ])
                    ))
            }
        }
        let resellerRank = view.ranks.resellerSite
        rows.sort {
            (resellerRank[Int($0.reseller)], view.siteRank($0.customer)) < (
                resellerRank[Int($1.reseller)], view.siteRank($1.customer)
            )
        }
        return rows.map(\.row)
    }
}
