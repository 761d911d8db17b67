/// A SaaS subscription as generated, for the usage and provisioning feeds.
struct SaaSSubscription {
    var id: String
    var firstOrder: Day
    /// Coverage and quantity of each SAAS line.
    var terms: [(start: Day, end: Day, quantity: Int)]
}

extension FeedGenerator {
    /// Writes the lines as chains of purchases, renewals, add-ons and lapses; returns the SaaS subscriptions.
    func writeTransactions(_ folder: String) throws(OutputError) -> [SaaSSubscription] {
        var byCurrency: [String: [String]] = [:]
        for c in world.customers { byCurrency[c.currency, default: []].append(c.site) }
        var lastSS: [String] = []
        var lastSubscribed: [String] = []
        let out = try emitter(
            folder, .transactions,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_DATE, .BAD_NUMBER, .BAD_ENUM,
                .BAD_ID,
                .BAD_RANGE, .BAD_VALUE, .UNKNOWN_REFERENCE, .CURRENCY_MISMATCH, .SUBSCRIPTION_CONFLICT, .DUPLICATE_KEY
            ]
        ) { [unowned self] code, good in
            var r = good
            let freshOrder = "BAD-\(fresh())"
            if code != .DUPLICATE_KEY { r[0] = freshOrder }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[2] = ""
            case .BAD_TEXT: r[5] = "Q\u{7F}"
            case .FIELD_TOO_LONG: r[5] = String(repeating: "Q", count: 4097)
            case .BAD_DATE: r[2] = "2025-02-29"
            case .BAD_NUMBER: r[7] = "1e3"
            case .BAD_ENUM: r[9] = "ABC"
            case .BAD_ID: r[0] = "BAD_#\(fresh())"
            case .BAD_RANGE: r[1] = "100000"
            case .BAD_VALUE:
                if !lastSS.isEmpty { r = lastSS; r[0] = freshOrder }
                r[12] = "SUB-BAD"
            case .UNKNOWN_REFERENCE: r[4] = "9999999999"
            case .CURRENCY_MISMATCH: r[9] = r[9] == "USD" ? "EUR" : "USD"; r[8] = "100"
            case .SUBSCRIPTION_CONFLICT:
                if !lastSubscribed.isEmpty { r = lastSubscribed; r[0] = freshOrder }
                let others = byCurrency[r[9], default: []].filter { $0 != r[4] }
                if let other = others.first { r[4] = other }
            default: break
            }
            return .row(r)
        }
        var chains = TransactionChains(generator: self)
        func emit(_ row: [String]) throws(OutputError) {
            // The last row of each kind is what the bad BAD_VALUE and SUBSCRIPTION_CONFLICT rows start from.
            let values = Array(row.prefix(13))
            if PartType(rawValue: row[13])?.isSubscriptionAndSupport == true {
                lastSS = values
            } else if !row[12].isEmpty {
                lastSubscribed = values
            }
            try out.row(values)
        }
        while chains.lineCount < options.size.lines { try chains.chain(emit) }
        for day in 0..<options.day { try chains.orders(onDay: day + 1, emit) }
        try out.close()
        return chains.saas
    }
}

/// Generates entitlement chains: a first purchase, then renewals, add-ons, lapses and reinstatements.
struct TransactionChains {
    let generator: FeedGenerator
    var lineCount = 0
    var orderSeq = 0
    var quoteSeq = 0
    var subscriptionSeq = 0
    var saas: [SaaSSubscription] = []
    /// Chains cut at the generation horizon: the renewal each would order next (for later days).
    var tails: [Tail] = []

    struct Tail {
        var customer: World.CustomerInfo
        var seller: String
        var part: String
        var quantity: Int
        var start: Day
        var term: Int
        var subscription: String?
    }

    init(generator: FeedGenerator) { self.generator = generator }

    private var anchor: Day { generator.anchor }

    /// Writes one chain; each row has the 13 feed columns plus the part type.
    mutating func chain(_ emit: ([String]) throws(OutputError) -> Void) throws(OutputError) {
        let world = generator.world
        let customerIndex = generator.rng.int(0...world.customers.count - 1)
        let customer = world.customers[customerIndex]
        var seller = world.resellers[generator.rng.pick(customer.sellers)].site
        let product = generator.rng.pick(world.products)
        var start = anchor - generator.rng.int(0...1_100) + 30
        var quantity = product.kind == .saas ? generator.rng.int(5...500) : generator.rng.int(1...200)
        var subscription: String? = nil
        if product.kind != .software {
            subscriptionSeq += 1
            subscription = (product.kind == .ctl ? "CTL-" : "SUB-") + pad(subscriptionSeq, 7)
        }
        var part = product.main
        var term = product.kind == .ctl ? product.termMonths : 12
        var saasSubscription =
            product.kind == .saas ? subscription.map { SaaSSubscription(id: $0, firstOrder: start, terms: []) } : nil
        var first = true
        while true {
            let end = addingMonths(start, term) - 1
            let orderDate = start - generator.rng.int(0...30)
            if orderDate > anchor + 20 {
                if generator.options.day > 0 {
                    tails.append(
                        Tail(
                            customer: customer, seller: seller, part: part, quantity: quantity, start: start,
                            term: term, subscription: subscription))
                }
                break
            }
            if first { saasSubscription?.firstOrder = orderDate }
            var lines = [(part, quantity, start, end)]
            if first, product.kind == .software, generator.rng.chance(0.25) {
                let other = generator.rng.pick(world.products)
                if other.kind == .software, other.main != product.main {
                    lines.append((other.main, generator.rng.int(1...50), start, end))
                }
            }
            try order(
                emit, customer: customer, seller: seller, date: orderDate, lines: lines, subscription: subscription)
            saasSubscription?.terms.append((start, end, quantity))
            first = false
            // Add-ons: co-termed, or (rarely) longer than the line they add to.
            if generator.rng.chance(0.18) {
                let addStart = start + generator.rng.int(20...200)
                if addStart < end, addStart - 5 <= anchor + 20 {
                    let longer = generator.rng.chance(0.2)
                    let addEnd = longer ? addingYears(end, 1) : end
                    let addQuantity = generator.rng.int(1...50)
                    let addPart = product.kind == .software ? product.main : part
                    try order(
                        emit, customer: customer, seller: seller, date: addStart - generator.rng.int(0...5),
                        lines: [(addPart, addQuantity, addStart, addEnd)], subscription: subscription)
                    if product.kind == .saas { saasSubscription?.terms.append((addStart, addEnd, addQuantity)) }
                }
            }
            if product.kind == .saas, generator.rng.chance(0.3) {
                try saasExtras(emit, product, customer, seller, subscription!, start)
            }
            let roll = generator.rng.int(0...99)
            if end > anchor + 200 || roll >= 85 { break }
            if roll < 72 {
                start = end + 1
                part = product.kind == .software ? product.renewal! : product.main
                if generator.rng.chance(0.15) {
                    quantity = max(1, quantity + generator.rng.int(-quantity / 2...quantity / 2))
                }
                if generator.rng.chance(0.06) {
                    seller = world.resellers[generator.rng.pick(world.customers[customerIndex].sellers)].site
                }
            } else if product.kind == .software, end < anchor - 60 {
                start = end + generator.rng.int(60...400)
                part = product.reinstatement!
                term = 12
            } else {
                break
            }
        }
        if let s = saasSubscription, !s.terms.isEmpty { saas.append(s) }
    }

    /// Monthly lines and overage lines that go with a SaaS subscription.
    private mutating func saasExtras(
        _ emit: ([String]) throws(OutputError) -> Void, _ product: World.Product,
        _ customer: World.CustomerInfo, _ seller: String, _ subscription: String,
        _ start: Day
    ) throws(OutputError) {
        subscriptionSeq += 1
        let monthly = "MON-" + pad(subscriptionSeq, 7)
        var monthStart = start
        for _ in 0..<generator.rng.int(1...4) {
            let monthEnd = addingMonths(monthStart, 1) - 1
            if monthStart > anchor + 10 { break }
            try order(
                emit, customer: customer, seller: seller, date: monthStart,
                lines: [(product.monthly!, generator.rng.int(1...20), monthStart, monthEnd)],
                subscription: monthly)
            monthStart = monthEnd + 1
        }
        if let overage = product.overage, generator.rng.chance(0.5) {
            let month = addingMonths(start, generator.rng.int(1...6))
            if month < anchor {
                let covered = generator.rng.chance(0.5)
                try order(
                    emit, customer: customer, seller: seller, date: month,
                    lines: [
                        (
                            overage, generator.rng.int(1...30), covered ? month : nil,
                            covered ? addingMonths(month, 1) - 1 : nil
                        )
                    ],
                    subscription: subscription)
            }
        }
    }

    private mutating func order(
        _ emit: ([String]) throws(OutputError) -> Void, customer: World.CustomerInfo, seller: String, date: Day,
        lines: [(String, Int, Day?, Day?)], subscription: String?
    ) throws(OutputError) {
        orderSeq += 1
        let number = "ORD-" + pad(orderSeq, 8)
        var quote = ""
        if generator.rng.chance(0.5) {
            quoteSeq += 1
            quote = "Q-" + pad(quoteSeq, 7)
        }
        // A later day may cancel a recent software or CTL order (SaaS stays: usage refers to it).
        let cancelled =
            lines.allSatisfy { generator.partType($0.0).family == .software }
            && generator.changes.days(.cancellation, orderSeq, rate: 0.03).contains { day in
                date <= anchor + day && date > anchor + day - 30
            }
        for (i, line) in lines.enumerated() {
            let (part, quantity, start, end) = line
            let type = generator.partType(part)
            let cents = generator.basePrice(part)
            let discount = 0.85 + Double(generator.rng.int(0...15)) / 100
            let price = World.minorUnits(
                usdCents: cents, currency: customer.currency, level: customer.level, factor: discount)
            lineCount += 1
            if cancelled { continue }
            try emit([
                number, String(i + 1), date.description, seller, customer.site, quote, part, String(quantity),
                World.money(price, customer.currency), customer.currency, start?.description ?? "",
                end?.description ?? "",
                type.isSubscriptionAndSupport ? "" : (subscription ?? ""), type.rawValue
            ])
        }
    }

    /// Day `day` after the anchor: the renewals cut chains order that day (20 days before they
    /// start; most renew), and new customers' first purchases.
    mutating func orders(onDay day: Int, _ emit: ([String]) throws(OutputError) -> Void) throws(OutputError) {
        var g = generator.changes.generator(.newOrders, day: day)
        let date = anchor + day
        var n = 0
        func number() -> String {
            n += 1
            return "ORD-D\(pad(day, 4))-\(pad(n, 6))"
        }
        for tail in tails where tail.start - 20 == date && g.chance(0.75) {
            try dayLine(
                emit, &g, number(), tail.customer, tail.seller, date, tail.part, tail.quantity, tail.start,
                addingMonths(tail.start, tail.term) - 1, tail.subscription)
        }
        let world = generator.world
        for _ in 0..<max(2, generator.options.size.lines / 1_000) {
            let customer = g.pick(world.customers)
            let product = g.pick(world.products)
            let start = date + g.int(0...30)
            let term = product.kind == .ctl ? product.termMonths : 12
            let kind = product.kind == .software ? nil : product.kind == .ctl ? "CTL" : "SUB"
            let subscription = kind.map { "\($0)-D\(pad(day, 4))-\(pad(n + 1, 6))" }
            try dayLine(
                emit, &g, number(), customer, world.resellers[g.pick(customer.sellers)].site, date, product.main,
                product.kind == .saas ? g.int(5...500) : g.int(1...200), start, addingMonths(start, term) - 1,
                subscription)
        }
    }

    /// One order of one line, drawn from a later day's generator.
    private func dayLine(
        _ emit: ([String]) throws(OutputError) -> Void, _ g: inout SplitMix64, _ number: String,
        _ customer: World.CustomerInfo, _ seller: String, _ date: Day, _ part: String, _ quantity: Int,
        _ start: Day, _ end: Day, _ subscription: String?
    ) throws(OutputError) {
        let type = generator.partType(part)
        let discount = 0.85 + Double(g.int(0...15)) / 100
        let price = World.minorUnits(
            usdCents: generator.basePrice(part), currency: customer.currency, level: customer.level, factor: discount)
        try emit([
            number, "1", date.description, seller, customer.site, "", part, String(quantity),
            World.money(price, customer.currency), customer.currency, start.description, end.description,
            type.isSubscriptionAndSupport ? "" : (subscription ?? ""), type.rawValue
        ])
    }
}

extension FeedGenerator {
    func partType(_ part: String) -> PartType { partInfo[part]!.type }
    func basePrice(_ part: String) -> Int { partInfo[part]!.cents }

    /// Type and base price of every generated part.
    func makePartInfo() -> [String: (type: PartType, cents: Int)] {
        var info: [String: (type: PartType, cents: Int)] = [:]
        for p in world.products {
            for (part, cents) in partPrices(p) {
                let type: PartType
                switch p.kind {
                case .software:
                    type = part == p.main ? .LICENSE_SS : part == p.renewal ? .SS_RENEWAL : .SS_REINSTATEMENT
                case .ctl: type = .CTL
                case .saas: type = part == p.main ? .SAAS : part == p.monthly ? .MONTHLY : .SAAS_OVERAGE
                }
                info[part] = (type, cents)
            }
        }
        return info
    }
}
