/// `saas-fulfillment` and `saas-provisioning`: the site's SaaS subscriptions (SPEC §4).
enum SaaSReports {
    /// A subscription whose owner line is in scope, with its first in-scope SAAS line.
    struct Owned {
        var subscription: Int32
        var first: Int32
        var inScopeSaaS: [Int32]
    }

    /// Subscriptions whose owner line — the visible SAAS line last in (coverage_end, order_date,
    /// order_number, line_number) — is in scope for the site, sorted by subscription id.
    static func owned(_ view: AsOfView, _ site: Int32) -> [Owned] {
        var candidates = Set<Int32>()
        for i in view.inScopeLines(site) {
            let l = view[line: i]
            if view[part: l.part].type == .SAAS, let s = l.subscription { candidates.insert(s) }
        }
        var result: [Owned] = []
        for s in candidates {
            let saas = view.linesBySubscription[Int(s)].filter { view[part: view[line: $0].part].type == .SAAS }
            let owner = saas.max { a, b in
                let x = view[line: a], y = view[line: b]
                return (x.coverageEnd!, x.orderDate, view.orderRank(a)) < (
                    y.coverageEnd!, y.orderDate, view.orderRank(b)
                )
            }!
            guard view.scope.contains(site, view[line: owner].reseller) else { continue }
            let inScope = saas.filter { view.scope.contains(site, view[line: $0].reseller) }
            let first = inScope.min(by: view.orderedFirst)!
            result.append(Owned(subscription: s, first: first, inScopeSaaS: inScope))
        }
        let rank = view.ranks.subscription
        return result.sorted { rank[Int($0.subscription)] < rank[Int($1.subscription)] }
    }

    static func fulfillment(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let overdueDays = input.params[.overdueDays]
        let forms = view.provisioningBySubscription
        return owned(view, input.site).map { o in
            let first = view[line: o.first]
            let c = view[customer: first.customer]
            let p = view[part: first.part]
            var status = ProvisioningStatus.PENDING
            var date = first.orderDate
            var seen = false
            for e in forms[o.subscription]?.events ?? [] where e.date <= view.asOf {
                if !seen || e.date >= date {
                    status = e.status
                    date = e.date
                    seen = true
                }
            }
            let days = view.asOf - date
            let waiting = status == .PENDING || status == .IN_PROGRESS || status == .FAILED
            return ReportRow(
                customer: first.customer, quote: nil,
                values: [
                    .text(view.subscriptionId(o.subscription)), .text(c.siteNumber), .text(c.customerNumber),
                    .text(c.siteName), .text(c.customerName), .text(view.resellerSite(first.reseller)),
                    .text(view.resellerName(first.reseller)), .text(first.orderNumber), .day(first.orderDate),
                    .text(p.number), .text(p.description),
                    .number(view.quantity(o.subscription, on: view.asOf, types: [.SAAS], lines: o.inScopeSaaS)),
                    .text(status.rawValue), .day(date), .number(days), .yesNo(waiting && days > overdueDays)
                ])
        }
    }

    static func provisioning(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let required = input.params[.requiredElements]
        let forms = view.provisioningBySubscription
        var rows: [ReportRow] = []
        for o in owned(view, input.site) {
            let first = view[line: o.first]
            let c = view[customer: first.customer]
            let provided = (forms[o.subscription]?.elements ?? []).filter { !$0.value.isEmpty }
            let missing = required.filter { name in !provided.contains { $0.name == name } }
            var elements = provided.map { ($0.name, $0.value, "PROVIDED") } + missing.map { ($0, "", "MISSING") }
            elements.sort { textLess($0.0, $1.0) }
            for (name, value, status) in elements {
                rows.append(
                    ReportRow(
                        customer: first.customer, quote: nil,
                        values: [
                            .text(view.subscriptionId(o.subscription)), .text(c.siteNumber), .text(c.customerName),
                            .text(view.resellerSite(first.reseller)), .text(view.partNumber(first.part)), .text(name),
                            .text(value), .text(status), .yesNo(missing.isEmpty)
                        ]))
            }
        }
        return rows
    }
}
