/// Names with commas, quotes, non-ASCII letters and formula starters, so every writer path is used.
private let companyStems = [
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne",
    "Soylent", "Hooli", "Vandelay", "Müller & Söhne", "Øresund, Data", "\"Quoted\" Systems",
    "=SUM Analytics", "-Minus Labs", "+Plus Trading", "@At Services", "Ünal Bilişim"
]
private let companySuffixes = ["Industries", "GmbH", "KK", "Corp", "Ltd", "S.A.", "Holdings", "AG", "Inc."]
private let cities = [
    "Berlin", "Austin", "Osaka", "Kuwait City", "Toronto", "Leeds", "Lyon", "Zürich", "Perth", "Milan"
]
private let productStems = [
    "Db2", "MQ", "Cognos Analytics", "Maximo", "Planning Analytics", "Instana", "Turbonomic",
    "Guardium", "QRadar", "Sterling", "App Connect", "API Connect", "watsonx", "Cloud Pak"
]
private let metrics = [
    "Processor Value Unit", "Authorized User", "Install", "Resource Value Unit", "Virtual Processor Core"
]

extension FeedGenerator {
    func companyName(_ i: Int) -> String {
        "\(companyStems[i % companyStems.count]) "
            + "\(companySuffixes[(i / companyStems.count) % companySuffixes.count]) \(i)"
    }

    func writeResellers(_ folder: String) throws(OutputError) {
        let distributor = world.resellers.first { $0.isDistributor }!.site
        let out = try emitter(
            folder, .resellers,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_ID, .BAD_ENUM, .BAD_VALUE,
                .UNKNOWN_REFERENCE, .DUPLICATE_KEY
            ]
        ) { [unowned self] code, good in
            var r = good
            if code != .DUPLICATE_KEY { r[0] = String(9_900_000_000 + fresh()) }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[1] = ""
            case .BAD_TEXT: r[1] = "Bad\u{7F}Name"
            case .FIELD_TOO_LONG: r[1] = String(repeating: "x", count: 5000)
            case .BAD_ID: r[0] = "12A4"
            case .BAD_ENUM: r[2] = "VENDOR"
            case .BAD_VALUE: r[2] = "DISTRIBUTOR"; r[3] = distributor
            case .UNKNOWN_REFERENCE: r[2] = "RESELLER"; r[3] = "9999999999"
            default: break
            }
            return .row(r)
        }
        for (i, r) in world.resellers.enumerated() {
            try out.row([
                r.site, "Partner " + companyName(i * 7 + 3), r.isDistributor ? "DISTRIBUTOR" : "RESELLER",
                r.distributor ?? "", r.country, r.suspended ? "SUSPENDED" : "ACTIVE"
            ])
        }
        try out.close()
    }

    func writeCustomers(_ folder: String) throws(OutputError) {
        let out = try emitter(
            folder, .customers,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_ID, .BAD_ENUM, .BAD_NUMBER,
                .BAD_RANGE, .BAD_VALUE, .DUPLICATE_KEY
            ]
        ) { [unowned self] code, good in
            var r = good
            if code != .DUPLICATE_KEY { r[0] = String(9_800_000_000 + fresh()) }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[4] = ""
            case .BAD_TEXT: r[1] = "Site\u{7F}"
            case .FIELD_TOO_LONG: r[4] = String(repeating: "y", count: 4097)
            case .BAD_ID: r[2] = "X1"
            case .BAD_ENUM: r[6] = "XXX"
            case .BAD_NUMBER: r[10] = "1a"
            case .BAD_RANGE: r[10] = "13"
            case .BAD_VALUE: r[7] = "PAE"; r[8] = ""; r[9] = "D"; r[10] = ""
            default: break
            }
            return .row(r)
        }
        for (i, c) in world.customers.enumerated() {
            // Later days rename a few customers and move a few PA customers to another price level.
            let renames = changes.days(.rename, i, rate: 0.004).count
            let name = companyName(i) + (renames == 0 ? "" : " (renamed \(renames))")
            var level = c.level
            if let at = World.levels.firstIndex(of: level), c.pa {
                level = World.levels[(at + changes.days(.levelChange, i, rate: 0.003).count) % World.levels.count]
            }
            try out.row([
                c.site, "\(name) - \(cities[i % cities.count])", String(5_000_000 + i / 2),
                c.pa ? String(7_000_000 + i / 3) : (i % 5 == 0 ? String(7_500_000 + i) : ""), name, c.country,
                c.currency, c.pa ? "PA" : "PAE", c.pa ? (i % 3 == 0 ? "ADDITIONAL" : "ORIGINATING") : "",
                level, c.pa ? String(i % 12 + 1) : ""
            ])
        }
        try out.close()
    }

    func writeParts(_ folder: String) throws(OutputError) {
        let someRenewal = world.products.first { $0.kind == .software }?.renewal ?? "ZZZZZZ1"
        let out = try emitter(
            folder, .parts,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_ID, .BAD_ENUM, .BAD_NUMBER,
                .BAD_RANGE, .BAD_VALUE, .UNKNOWN_REFERENCE, .DUPLICATE_KEY
            ]
        ) { [unowned self] code, good in
            var r = good
            if code != .DUPLICATE_KEY {
                let s = String(fresh(), radix: 36, uppercase: true)
                r[0] = "Z" + String(repeating: "0", count: 6 - s.count) + s
            }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[1] = ""
            case .BAD_TEXT: r[3] = "Name\u{7F}"
            case .FIELD_TOO_LONG: r[1] = String(repeating: "d", count: 4500)
            case .BAD_ID: r[0] = "abc"
            case .BAD_ENUM: r[5] = "LICENSE"
            case .BAD_NUMBER: r[6] = "twelve"
            case .BAD_RANGE: r[6] = "61"
            case .BAD_VALUE: r[5] = "MONTHLY"; r[6] = "1"; r[7] = ""; r[8] = ""; r[9] = someRenewal
            case .UNKNOWN_REFERENCE: r[5] = "CTL"; r[6] = "12"; r[7] = "ZZZZZZZ"; r[8] = ""; r[9] = ""
            default: break
            }
            return .row(r)
        }
        for p in world.products {
            let name = "IBM \(productStems[p.index % productStems.count]) \(p.index)"
            let pid = "5725-" + String(p.index, radix: 36, uppercase: true)
            let metric = metrics[p.index % metrics.count]
            func row(
                _ part: String, _ what: String, _ type: PartType, _ term: Int, _ renewal: String?,
                _ reinstatement: String?,
                _ overage: String?
            ) throws(OutputError) {
                try out.row([
                    part, "\(name) \(what)", pid, name, metric, type.rawValue, String(term), renewal ?? "",
                    reinstatement ?? "", overage ?? ""
                ])
            }
            switch p.kind {
            case .software:
                try row(
                    p.main, "License + SW Subscription & Support 12 Months", .LICENSE_SS, 12, p.renewal,
                    p.reinstatement, nil)
                try row(
                    p.renewal!, "SW Subscription & Support Renewal 12 Months", .SS_RENEWAL, 12, p.renewal,
                    p.reinstatement, nil)
                try row(
                    p.reinstatement!, "SW Subscription & Support Reinstatement 12 Months", .SS_REINSTATEMENT, 12,
                    p.renewal, nil, nil)
            case .ctl:
                try row(p.main, "Committed Term License \(p.termMonths) Months", .CTL, p.termMonths, p.main, nil, nil)
            case .saas:
                try row(p.main, "SaaS Subscription 12 Months", .SAAS, 12, p.main, nil, p.overage)
                if let overage = p.overage { try row(overage, "SaaS Overage", .SAAS_OVERAGE, 1, nil, nil, nil) }
                try row(p.monthly!, "SaaS Monthly", .MONTHLY, 1, nil, nil, nil)
            }
        }
        try out.close()
    }

    /// Base price in US cents of each part of a product.
    func partPrices(_ p: World.Product) -> [(part: String, cents: Int)] {
        switch p.kind {
        case .software:
            return [(p.main, p.usdCents), (p.renewal!, p.usdCents / 5), (p.reinstatement!, p.usdCents * 3 / 10)]
        case .ctl: return [(p.main, p.usdCents)]
        case .saas:
            return [(p.main, p.usdCents)] + (p.overage.map { [($0, p.usdCents / 10)] } ?? []) + [
                (p.monthly!, p.usdCents / 10)
            ]
        }
    }

    func writePrices(_ folder: String) throws(OutputError) {
        let out = try emitter(
            folder, .prices,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_ENUM, .BAD_NUMBER, .BAD_RANGE,
                .BAD_DATE, .UNKNOWN_REFERENCE, .OVERLAP
            ]
        ) { code, good in
            var r = good
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[5] = ""
            case .BAD_TEXT: r[0] = "P\u{7F}"
            case .FIELD_TOO_LONG: r[0] = String(repeating: "P", count: 4200)
            case .BAD_ENUM: r[1] = "ZZ"
            case .BAD_NUMBER: r[4] = "1.23456"
            case .BAD_RANGE: r[4] = "-5"
            case .BAD_DATE: r[5] = "2026-13-01"
            case .UNKNOWN_REFERENCE: r[0] = "ZZZZZZZ"
            case .OVERLAP: r[5] = (Day.parse(r[5])! + 1).description
            default: break
            }
            return .row(r)
        }
        let start = Day(year: 2023, month: 1, day: 1)
        let change = Day(year: 2026, month: 1, day: 1)
        var series = 0
        for p in world.products {
            for (part, cents) in partPrices(p) {
                for country in world.countries {
                    if rng.chance(0.02) { continue }
                    for currency in country.currencies {
                        let future = rng.chance(0.35) ? rng.int(0...200) : nil
                        let factor = rng.chance(0.1) ? 0.95 : 1.0 + Double(rng.int(3...10)) / 100
                        for level in World.levels {
                            func price(_ f: Double) -> String {
                                World.money(
                                    World.minorUnits(usdCents: cents, currency: currency, level: level, factor: f),
                                    currency)
                            }
                            series += 1
                            // A later day may announce a new price from 30 days on, ending the open one.
                            let newPrice = changes.days(.priceChange, series, rate: 0.002).first.map {
                                anchor + $0 + 30
                            }
                            func open(_ from: Day, _ f: Double) throws(OutputError) {
                                guard let newPrice, newPrice > from else {
                                    return try out.row([
                                        part, country.code, currency, level, price(f), from.description, ""
                                    ])
                                }
                                try out.row([
                                    part, country.code, currency, level, price(f), from.description,
                                    (newPrice - 1).description
                                ])
                                try out.row([
                                    part, country.code, currency, level, price(f * 1.05), newPrice.description, ""
                                ])
                            }
                            try out.row([
                                part, country.code, currency, level, price(0.95), start.description,
                                (change - 1).description
                            ])
                            if let future {
                                let end = anchor + future
                                try out.row([
                                    part, country.code, currency, level, price(1), change.description, end.description
                                ])
                                try open(end + 1, factor)
                            } else {
                                try open(change, 1)
                            }
                        }
                    }
                }
            }
        }
        try out.close()
    }
}
