/// `suppressed-overage`: suppressed usage over entitlement in the last `months` months (SPEC §4).
enum SuppressedOverageReport {
    static func rows(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let months = input.params[.months]
        let last = view.asOf.month
        let firstMonth = last + (1 - months)
        var rows: [(period: Month, subscription: Int32, row: ReportRow)] = []
        var subscriptions = Set<Int32>()
        for i in view.inScopeLines(input.site) {
            let l = view[line: i]
            if let s = l.subscription, view[part: l.part].type == .SAAS { subscriptions.insert(s) }
        }
        let records = subscriptions.flatMap { view.usageBySubscription[Int($0)] }.map { view.data.usage[Int($0)] }
        for u in records where u.overageSuppressed && u.period >= firstMonth && u.period <= last {
            let monthStart = u.period.firstDay, monthEnd = u.period.lastDay
            let saas = view.linesBySubscription[Int(u.subscription)].filter {
                view[part: view[line: $0].part].type == .SAAS
            }
            let candidates = saas.filter { i in
                let l = view[line: i]
                return view.scope.contains(input.site, l.reseller) && l.coverageStart! <= monthEnd
                    && l.coverageEnd! >= monthStart
            }
            guard let lineIndex = candidates.min(by: view.orderedFirst) else { continue }
            let entitled = entitlement(view, u.subscription, saas, monthStart, monthEnd)
            let overage = u.usedQuantity - entitled
            guard overage > 0 else { continue }
            let l = view[line: lineIndex]
            let c = view[customer: l.customer]
            let overagePart = view[part: l.part].overagePart
            let price = overagePart.flatMap { view.price($0, for: l.customer, on: monthStart) }
            rows.append(
                (
                    u.period, view.ranks.subscription[Int(u.subscription)],
                    ReportRow(
                        customer: l.customer, quote: nil,
                        values: [
                            .month(u.period), .text(view.subscriptionId(u.subscription)), .text(c.siteNumber),
                            .text(c.customerName), .text(view.resellerSite(l.reseller)),
                            .text(view.resellerName(l.reseller)), .text(view.partNumber(l.part)),
                            .text(view.partNumber(overagePart)), .number(entitled), .number(u.usedQuantity),
                            .number(overage), .amount(price, c.currency),
                            .amount(price.map { $0 * Money(overage) }, c.currency), .text(c.currency.code),
                            .text(price == nil ? "MISSING" : "OK"), .text(u.suppressionReason ?? "")
                        ])
                ))
        }
        rows.sort { ($0.period, $0.subscription) < ($1.period, $1.subscription) }
        return rows.map(\.row)
    }

    /// The greatest q(s, d, {SAAS}) over the days of the month (all resellers): quantities only
    /// change where a line starts or after one ends, so those days are enough.
    static func entitlement(_ view: AsOfView, _ s: Int32, _ saas: [Int32], _ from: Day, _ to: Day) -> Int64 {
        var days: Set<Day> = [from]
        for i in saas {
            let l = view[line: i]
            if let start = l.coverageStart, start >= from, start <= to { days.insert(start) }
            if let end = l.coverageEnd, end + 1 >= from, end + 1 <= to { days.insert(end + 1) }
        }
        return days.map { view.quantity(s, on: $0, types: [.SAAS], lines: saas) }.max() ?? 0
    }
}
