extension ConfigNode {
    /// One entry of `jobs` (SPEC §1.1).
    func job(defaultCSV: CSVDialect) throws(ConfigError) -> Job {
        let o = try object(allowed: [
            "name", "schedule", "sites", "formats", "reports", "params", "filters", "csv", "changes"
        ])
        guard let nameNode = o["name"] else { throw ConfigError(path + ".name", "name is required") }
        let name = try nameNode.string()
        guard name.utf8.count <= 48, let first = name.utf8.first, first &- 0x30 < 10 || first &- 0x61 < 26,
            name.utf8.allSatisfy({ $0 &- 0x30 < 10 || $0 &- 0x61 < 26 || $0 == 0x2D })
        else { throw nameNode.fail("must match ^[a-z0-9][a-z0-9-]{0,47}$") }
        var schedule: String?
        if let n = o["schedule"] {
            schedule = try n.string()
            if let problem = CronExpression.problem(schedule!) {
                throw n.fail("not a 5-field cron expression: \(problem)")
            }
        }
        var sites = Job.Sites.all
        if let n = o["sites"] {
            if case .string(let s) = n.value {
                guard s == "*" else { throw n.fail("must be \"*\" or a list of reseller site ids") }
            } else {
                let ids = try n.stringList()
                for (i, id) in ids.enumerated() where !IdPattern.siteNumber.matches(Array(id.utf8)) {
                    throw ConfigError("\(n.path)[\(i)]", "\(id) is not a reseller site id")
                }
                sites = .listed(ids)
            }
        }
        let formats =
            try o["formats"].map { (n) throws(ConfigError) in
                try n.stringList(allowed: OutputFormat.allCases.map(\.rawValue)).map { OutputFormat(rawValue: $0)! }
            } ?? [.csv, .xml]
        guard let reportsNode = o["reports"] else { throw ConfigError(path + ".reports", "reports is required") }
        let reports = try reportsNode.stringList(allowed: ReportID.allCases.map(\.rawValue)).map {
            ReportID(rawValue: $0)!
        }
        var given: [ReportID: [String: ParamValue]] = [:]
        if let n = o["params"] {
            for (key, node) in try n.members() {
                guard let id = ReportID(rawValue: key) else { throw node.fail("unknown report id \(key)") }
                guard reports.contains(id) else { throw node.fail("params for \(key), which the job does not list") }
                given[id] = try node.reportParams(id.spec)
            }
        }
        let params = Dictionary(uniqueKeysWithValues: reports.map { ($0, ReportParams($0, given[$0] ?? [:])) })
        let filters = try o["filters"]?.customerFilters() ?? CustomerFilters()
        let csv = try o["csv"]?.csvDialect(base: defaultCSV) ?? defaultCSV
        let changes = try o["changes"]?.bool() ?? true
        return Job(
            name: name, schedule: schedule, sites: sites, formats: formats, reports: reports, params: params,
            filters: filters, csv: csv, changes: changes)
    }

    /// The params object of one report: only its own keys, each of the right type and range.
    func reportParams(_ spec: ReportSpec) throws(ConfigError) -> [String: ParamValue] {
        var out: [String: ParamValue] = [:]
        for (key, node) in try members() {
            guard let param = spec.params.first(where: { $0.name == key }) else {
                throw node.fail("\(spec.id.rawValue) has no param \(key)")
            }
            switch param.kind {
            case .integer(let range): out[key] = .integer(try node.integer(range))
            case .date: out[key] = .date(try node.date())
            case .boolean: out[key] = .boolean(try node.bool())
            case .stringList(let allowed):
                let items = try node.stringList(allowed: allowed)
                if allowed == nil {
                    for (i, s) in items.enumerated() where !IdPattern.elementName.matches(Array(s.utf8)) {
                        throw ConfigError("\(node.path)[\(i)]", "\(s) is not an element name")
                    }
                }
                out[key] = .strings(items)
            }
        }
        if case .date = spec.params.first(where: { $0.name == "fromDate" })?.kind {
            let from = try members().first { $0.0 == "fromDate" }?.1.date()
            let to = try members().first { $0.0 == "toDate" }?.1.date()
            if let from, let to, from > to { throw ConfigError(path + ".fromDate", "fromDate is after toDate") }
            if out["lookbackDays"] != nil, from != nil || to != nil {
                throw ConfigError(path + ".lookbackDays", "lookbackDays cannot be combined with fromDate or toDate")
            }
        }
        return out
    }

    func customerFilters() throws(ConfigError) -> CustomerFilters {
        var f = CustomerFilters()
        for (key, node) in try members() {
            switch key {
            case "agreementNumber": f.agreementNumber = try node.stringList()
            case "siteNumber": f.siteNumber = try node.stringList()
            case "country":
                let list = try node.stringList()
                for (i, c) in list.enumerated() where Country(code: c) == nil {
                    throw ConfigError("\(node.path)[\(i)]", "\(c) is not an ISO 3166 country code")
                }
                f.country = list
            case "enrollmentType": f.enrollmentType = try node.stringList(allowed: ["PA", "PAE"])
            case "anniversaryMonth":
                let items = try node.array()
                guard !items.isEmpty else { throw node.fail("must not be empty") }
                var months: [Int] = []
                for item in items { months.append(try item.integer(1...12)) }
                f.anniversaryMonth = months
            case "customerName": f.customerName = try node.string()
            case "siteName": f.siteName = try node.string()
            case "quoteNumber": f.quoteNumber = try node.stringList()
            default: throw node.fail("unknown filter \(key)")
            }
        }
        return f
    }
}
