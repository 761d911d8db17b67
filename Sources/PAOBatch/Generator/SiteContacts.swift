/// Contact names with a comma, a quote, non-ASCII letters and a formula starter.
private let givenNames = ["Ana", "Jürgen", "Mei", "Olu", "Pat", "Sofía", "Kenji", "Fatma", "Liam", "Zoë"]
private let familyNames = ["Okafor", "Müller", "O'Brien, Jr.", "Tanaka", "=Fox", "Yılmaz", "García", "Nguyen"]

extension FeedGenerator {
    /// SPEC §14: per reseller site a realistic mix of roles and statuses: most sites have an active
    /// primary contact who decided the others, some have only pending requests and no approver,
    /// some have no contacts; pending requests of every age up to three weeks. Drawn from a
    /// random stream of its own, so the other feeds stay as they were before contacts existed.
    func writeContacts(_ folder: String) throws(OutputError) {
        var rng = SplitMix64(seed: options.seed ^ 0xC0_4AC7)
        let today = anchor + options.day
        let out = try emitter(
            folder, .contacts,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_ID, .BAD_ENUM, .BAD_DATE,
                .BAD_VALUE, .BAD_RANGE, .UNKNOWN_REFERENCE, .DUPLICATE_KEY
            ]
        ) { [unowned self] code, good in
            var r = good
            if code != .DUPLICATE_KEY { r[1] = "bad\(fresh())@example.com" }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[2] = ""
            case .BAD_TEXT: r[2] = "Bad\u{7}Name"
            case .FIELD_TOO_LONG: r[2] = String(repeating: "y", count: 4100)
            case .BAD_ID: r[3] = "Not An Address"
            case .BAD_ENUM: r[5] = "REPORTING|ADMIN"
            case .BAD_DATE: r[7] = "2026-02-30"
            case .BAD_VALUE: r[5] = "PQO|PQO"
            case .BAD_RANGE: (r[6], r[7], r[8], r[9]) = ("ACTIVE", "2026-11-20", "2026-11-10", r[1])
            case .UNKNOWN_REFERENCE: r[0] = "9999999999"
            default: break
            }
            return .row(r)
        }
        for (i, reseller) in world.resellers.enumerated() {
            let shape = rng.int(0...19)
            if shape == 0 { continue }  // no contacts at all
            let domain = "partner\(i).example.com"
            let withApprover = shape > 2  // else only pending requests, nobody to approve them
            let primary = "admin@\(domain)"
            var rows: [[String]] = []
            func contact(_ user: String, role: String, status: String, requested: Day, decided: Day?) {
                let privileges = ["REPORTING", "ORDERING", "PQO", "PGS"].filter { _ in rng.chance(0.5) }
                let given = givenNames[rng.int(0...givenNames.count - 1)]
                let name = "\(given) \(familyNames[rng.int(0...familyNames.count - 1)])"
                let email = rng.chance(0.8) ? user : user.replacingOccurrences(of: "@", with: "+pao@")
                rows.append([
                    reseller.site, user, name, email, role,
                    (rng.chance(0.2) ? privileges.reversed() : privileges)
                        .joined(separator: "|"), status, requested.description, decided?.description ?? "",
                    decided == nil ? "" : primary
                ])
            }
            if withApprover {
                let since = today - rng.int(200...900)
                contact(primary, role: "PRIMARY", status: "ACTIVE", requested: since, decided: since)
                for k in 0..<rng.int(0...2) {
                    let asked = since + rng.int(1...150)
                    contact(
                        "deputy\(k)@\(domain)", role: "SECONDARY", status: "ACTIVE", requested: asked,
                        decided: asked + rng.int(0...3))
                }
                for k in 0..<rng.int(1...6) {
                    let asked = since + rng.int(1...180)
                    let status = ["ACTIVE", "ACTIVE", "ACTIVE", "REJECTED", "REMOVED"][rng.int(0...4)]
                    contact(
                        "user\(k)@\(domain)", role: "USER", status: status, requested: asked,
                        decided: asked + rng.int(0...10))
                }
            }
            // The first site always has a queue of requests, so the sample shows one.
            let requests = i == 0 ? 5 : rng.int(withApprover ? 0...3 : 1...3)
            for k in 0..<requests {
                contact(
                    "request\(k)@\(domain)", role: "USER", status: "PENDING", requested: today - rng.int(0...21),
                    decided: nil)
            }
            for row in rows { try out.row(row) }
        }
        try out.close()
    }
}
