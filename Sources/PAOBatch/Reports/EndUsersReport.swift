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
                                view.resellerSite(x), view.resellerName(x), cu.siteNumber, cu.customerNumber,
                                cu.siteName,
                                cu.customerName, cu.country.code, cu.enrollmentType.rawValue, s.first.description,
                                s.last.description,
                                String(s.orders.distinct), String(s.lines), String(s.activeLines),
                                Format.money(s.amount, cu.currency),
                                cu.currency.code
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
