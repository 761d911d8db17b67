/// One price file of SPEC §5: a family, view, country and currency.
public struct PriceFileKey: Hashable, Sendable {
    public enum View: String, CaseIterable, Sendable {
        case current
        case currentAndFuture = "current-and-future"
        case future
    }

    public var family: PartFamily
    public var view: View
    public var country: Country
    public var currency: Currency

    /// `prices-<F>-<V>-<C>-<K>`.
    public var stem: String { "prices-\(family.rawValue)-\(view.rawValue)-\(country.code)-\(currency.code)" }

    var rootAttributes: [(String, String)] {
        [("family", family.rawValue), ("view", view.rawValue), ("country", country.code), ("currency", currency.code)]
    }
}

/// `price-files` (SPEC §5): which files a site needs, and their rows.
enum PriceFilesReport {
    /// The files for a site: its own country and its related customers' countries, every currency
    /// priced there, each family and view asked for; plus the countries that have no prices.
    static func keys(_ view: AsOfView, site: Int32, params: ReportParams, currencies: [Country: [Currency]]) -> (
        files: [PriceFileKey], unpriced: [Country]
    ) {
        var countries: Set<Country> = [view[reseller: site].country]
        for i in view.inScopeLines(site) { countries.insert(view[customer: view[line: i].customer].country) }
        let families = params[.families].compactMap(PartFamily.init(rawValue:))
        let views = params[.views].compactMap(
            PriceFileKey.View.init(rawValue:))
        var files: [PriceFileKey] = []
        var unpriced: [Country] = []
        for country in countries.sorted() {
            guard let list = currencies[country] else {
                unpriced.append(country)
                continue
            }
            for currency in list {
                for family in families {
                    for v in views {
                        files.append(PriceFileKey(family: family, view: v, country: country, currency: currency))
                    }
                }
            }
        }
        return (files, unpriced)
    }

    /// The currencies that have price records, per country.
    static func currencies(_ data: Dataset) -> [Country: [Currency]] {
        var sets: [Country: Set<Currency>] = [:]
        for p in data.prices { sets[p.country, default: []].insert(p.currency) }
        return sets.mapValues { $0.sorted { textLess($0.code, $1.code) } }
    }

    static func rows(_ view: AsOfView, _ key: PriceFileKey) -> [[Cell]] {
        Array(rows(view, key, view.data.prices.market(key.country, key.currency)))
    }

    /// Rows of `key` from `prices`, the records of its country and currency, each made when a
    /// writer reads it: a large country's file is never held as cells whole (every shard writes
    /// nearly every price file).
    static func rows(_ view: AsOfView, _ key: PriceFileKey, _ prices: some Collection<PriceRecord>)
        -> LazyMapCollection<[PriceRecord], [Cell]>
    {
        let asOf = view.asOf
        let records = prices.filter { p in
            guard view[part: p.part].type.family == key.family else { return false }
            let current = p.effectiveFrom <= asOf && (p.effectiveTo ?? .max) >= asOf
            let future = p.effectiveFrom > asOf
            switch key.view {
            case .current: return current
            case .future: return future
            case .currentAndFuture: return current || future
            }
        }.sorted { a, b in
            let partRank = view.ranks.partNumber
            return (partRank[Int(a.part)], a.level, a.effectiveFrom) < (partRank[Int(b.part)], b.level, b.effectiveFrom)
        }
        return records.lazy.map { p in
            let part = view[part: p.part]
            return [
                .text(part.number), .text(part.description), .text(part.productId), .text(part.productName),
                .text(part.type.rawValue), .text(part.chargeMetric), .number(part.termMonths), .text(p.level.rawValue),
                .text(p.country.code), .text(p.currency.code), .amount(p.unitPrice, p.currency), .day(p.effectiveFrom),
                .date(p.effectiveTo)
            ]
        }
    }
}
