/// The master data a generation builds before it writes lines: countries, resellers, customers, parts.
struct World {
    struct CountryInfo {
        var code: String
        var currencies: [String]
    }

    struct ResellerInfo {
        var site: String
        var isDistributor: Bool
        var distributor: String?
        var country: String
        var suspended: Bool
    }

    struct CustomerInfo {
        var site: String
        var country: String
        var currency: String
        var pa: Bool
        var level: String
        var sellers: [Int]
    }

    enum ProductKind { case software, ctl, saas }

    struct Product {
        var index: Int
        var kind: ProductKind
        /// LICENSE_SS / CTL / SAAS part.
        var main: String
        /// SS_RENEWAL (software), nil otherwise.
        var renewal: String?
        var reinstatement: String?
        var overage: String?
        var monthly: String?
        var termMonths: Int
        var usdCents: Int
    }

    static let countryCatalog: [CountryInfo] = [
        ("US", ["USD"]), ("DE", ["EUR"]), ("JP", ["JPY"]), ("KW", ["KWD"]), ("CA", ["CAD", "USD"]),
        ("GB", ["GBP"]), ("FR", ["EUR"]), ("CH", ["CHF", "EUR"]), ("AU", ["AUD"]), ("IT", ["EUR"]),
        ("ES", ["EUR"]), ("NL", ["EUR"]), ("BR", ["BRL"]), ("IN", ["INR"]), ("SE", ["SEK"]),
        ("KR", ["KRW"]), ("MX", ["MXN"]), ("ZA", ["ZAR"]), ("SG", ["SGD"]), ("PL", ["PLN"])
    ].map { CountryInfo(code: $0.0, currencies: $0.1) }

    /// Units of each currency per US dollar.
    static let rates: [String: Double] = [
        "USD": 1, "EUR": 0.92, "JPY": 150, "KWD": 0.31, "CAD": 1.36, "GBP": 0.79, "CHF": 0.88, "AUD": 1.5,
        "BRL": 5, "INR": 83, "SEK": 10.5, "KRW": 1300, "MXN": 17, "ZAR": 18, "SGD": 1.35, "PLN": 4
    ]

    static let levels = ["BL", "D", "E", "F", "G"]
    static let levelFactor: [String: Double] = ["BL": 1, "D": 0.97, "E": 0.94, "F": 0.91, "G": 0.88, "GV": 0.85]

    var countries: [CountryInfo]
    var resellers: [ResellerInfo] = []
    var customers: [CustomerInfo] = []
    var products: [Product] = []

    init(size: GeneratorOptions.Size, rng: inout SplitMix64) {
        countries = Array(World.countryCatalog.prefix(size.countries))
        let distributors = max(2, size.resellers / 10)
        for i in 0..<size.resellers {
            let isDistributor = i < distributors
            let distributor =
                !isDistributor && rng.chance(0.6) ? String(1_000_001 + rng.int(0...distributors - 1)) : nil
            resellers.append(
                ResellerInfo(
                    site: String(1_000_001 + i), isDistributor: isDistributor, distributor: distributor,
                    country: rng.pick(countries).code, suspended: rng.chance(0.05)))
        }
        let sellers = Array(distributors..<size.resellers)
        for i in 0..<size.customers {
            let country = countries[rng.chance(0.5) ? 0 : rng.int(0...countries.count - 1)]
            let currency =
                country.currencies.count > 1 && rng.chance(0.2) ? country.currencies[1] : country.currencies[0]
            let pa = rng.chance(0.8)
            let level = pa ? (rng.chance(0.03) ? "GV" : rng.pick(World.levels)) : "BL"
            var mine = [rng.pick(sellers)]
            if rng.chance(0.3) { mine.append(rng.pick(sellers)) }
            if rng.chance(0.03) { mine.append(rng.int(0...distributors - 1)) }
            customers.append(
                CustomerInfo(
                    site: String(2_000_001 + i), country: country.code, currency: currency,
                    pa: pa, level: level, sellers: mine))
        }
        var partSeq = 0
        func nextPart() -> String {
            partSeq += 1
            let s = String(partSeq, radix: 36, uppercase: true)
            return "D" + String(repeating: "0", count: 6 - s.count) + s
        }
        for i in 0..<size.products {
            let roll = rng.int(0...9)
            let kind: ProductKind = roll < 5 ? .software : roll < 7 ? .ctl : .saas
            let cents = rng.int(50...20_000) * 100 + rng.int(0...99)
            switch kind {
            case .software:
                products.append(
                    Product(
                        index: i, kind: kind, main: nextPart(), renewal: nextPart(), reinstatement: nextPart(),
                        termMonths: 12, usdCents: cents))
            case .ctl:
                products.append(
                    Product(
                        index: i, kind: kind, main: nextPart(), termMonths: rng.pick([12, 24, 36]), usdCents: cents * 3)
                )
            case .saas:
                products.append(
                    Product(
                        index: i, kind: kind, main: nextPart(), overage: rng.chance(0.85) ? nextPart() : nil,
                        monthly: nextPart(), termMonths: 12, usdCents: cents))
            }
        }
    }

    /// A price in `currency`'s minor units for `usdCents` at `level`.
    static func minorUnits(usdCents: Int, currency: String, level: String = "BL", factor: Double = 1) -> Int {
        let digits = Currency(code: currency)!.minorDigits
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let value = Double(usdCents) / 100 * rates[currency]! * (levelFactor[level] ?? 1) * factor * scale
        return max(0, Int(value.rounded()))
    }

    static func money(_ minor: Int, _ currency: String) -> String {
        MoneyText.format(Money(minor), minorDigits: Currency(code: currency)!.minorDigits)
    }
}
