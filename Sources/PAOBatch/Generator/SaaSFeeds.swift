private let reasons = ["Contractual cap", "Onboarding grace period", "Migration credit", "Disputed, under review"]

extension FeedGenerator {
    /// Monthly usage of each SaaS subscription over the 15 months around the anchor, sometimes over entitlement.
    func writeUsage(_ folder: String, _ saas: [SaaSSubscription]) throws(OutputError) {
        let someSubscription = saas.first?.id ?? "SUB-0000001"
        let out = try emitter(
            folder, .saas_usage,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_TEXT, .FIELD_TOO_LONG, .BAD_DATE, .BAD_NUMBER, .BAD_RANGE,
                .BAD_ENUM, .UNKNOWN_REFERENCE, .DUPLICATE_KEY
            ]
        ) { code, good in
            var r = good.isEmpty ? [someSubscription, "2026-01", "1", "N", ""] : good
            if code != .DUPLICATE_KEY { r[1] = "2001-01" }
            switch code {
            case .MALFORMED_RECORD: return .malformed(r)
            case .MISSING_FIELD: r[3] = "Y"; r[4] = ""
            case .BAD_TEXT: r[4] = "R\u{7F}"
            case .FIELD_TOO_LONG: r[4] = String(repeating: "r", count: 4097)
            case .BAD_DATE: r[1] = "2026-13"
            case .BAD_NUMBER: r[2] = "-1"
            case .BAD_RANGE: r[2] = "1000000001"
            case .BAD_ENUM: r[3] = "YES"
            case .UNKNOWN_REFERENCE: r[0] = "SUB-NOPE"
            default: break
            }
            return .row(r)
        }
        let first = anchor.month + (-14)
        let last = anchor.month + 1
        for s in saas {
            guard let from = s.terms.map(\.start).min(), let to = s.terms.map(\.end).max() else { continue }
            var m = max(first, from.month)
            while m <= min(last, to.month) {
                let entitled = s.terms.filter { $0.start <= m.lastDay && $0.end >= m.firstDay }.map(\.quantity).reduce(
                    0, +)
                let used = entitled * rng.int(60...140) / 100
                let suppressed = used > entitled ? rng.chance(0.5) : rng.chance(0.03)
                try out.row([
                    s.id, m.description, String(used), suppressed ? "Y" : "N",
                    suppressed ? rng.pick(reasons) : (rng.chance(0.05) ? "n/a" : "")
                ])
                m = m + 1
            }
        }
        try out.close()
    }

    /// Provisioning forms for most SaaS subscriptions: events up to and past the anchor, elements with gaps.
    func writeProvisioning(_ folder: String, _ saas: [SaaSSubscription]) throws(OutputError) {
        let out = try emitter(
            folder, .saas_provisioning,
            codes: [
                .MALFORMED_RECORD, .MISSING_FIELD, .BAD_ID, .BAD_ENUM, .BAD_DATE, .BAD_TEXT, .FIELD_TOO_LONG,
                .UNKNOWN_REFERENCE, .DUPLICATE_KEY
            ]
        ) { code, good in
            let id = good.first ?? "SUB-0000001"
            let event = "<event status=\"PENDING\" date=\"2026-01-01\"/>"
            switch code {
            case .MALFORMED_RECORD: return .verbatim("  <form id=\"\(id)\">\(event)</form>\n")
            case .MISSING_FIELD: return .verbatim("  <subscription>\(event)</subscription>\n")
            case .BAD_ID: return .verbatim("  <subscription id=\"bad id!\">\(event)</subscription>\n")
            case .BAD_ENUM:
                return .verbatim(
                    "  <subscription id=\"\(id)\"><event status=\"DONE\" date=\"2026-01-01\"/></subscription>\n")
            case .BAD_DATE:
                return .verbatim(
                    "  <subscription id=\"\(id)\"><event status=\"PENDING\" date=\"2026-02-30\"/></subscription>\n")
            case .BAD_TEXT:
                return .verbatim(
                    "  <subscription id=\"\(id)\"><element name=\"admin_email\">a&#127;b</element></subscription>\n")
            case .FIELD_TOO_LONG:
                return .verbatim(
                    "  <subscription id=\"\(id)\"><element name=\"tenant_name\">"
                        + "\(String(repeating: "t", count: 4097))</element></subscription>\n"
                )
            case .UNKNOWN_REFERENCE: return .verbatim("  <subscription id=\"SUB-NOPE\">\(event)</subscription>\n")
            default: return .verbatim("  <subscription id=\"\(id)\">\(event)</subscription>\n")
            }
        }
        let centers = ["eu-de", "us-east", "jp-tok", "au-syd"]
        for s in saas where rng.chance(0.85) {
            var xml = "  <subscription id=\"\(s.id)\">\n"
            var day = s.firstOrder
            xml += "    <event status=\"PENDING\" date=\"\(day)\"/>\n"
            if rng.chance(0.85) {
                day = day + rng.int(0...3)
                xml += "    <event status=\"IN_PROGRESS\" date=\"\(day)\"/>\n"
                let roll = rng.int(0...99)
                if roll < 75 {
                    day = day + rng.int(1...9)
                    xml += "    <event status=\"PROVISIONED\" date=\"\(day)\"/>\n"
                } else if roll < 82 {
                    day = day + rng.int(1...9)
                    xml += "    <event status=\"FAILED\" date=\"\(day)\"/>\n"
                }
            }
            let tenant = s.id.lowercased()
            if rng.chance(0.9) { xml += "    <element name=\"admin_email\">ops+\(tenant)@example.com</element>\n" }
            if rng.chance(0.8) { xml += "    <element name=\"data_center\">\(rng.pick(centers))</element>\n" }
            if rng.chance(0.85) {
                xml += "    <element name=\"tenant_name\">\(rng.chance(0.05) ? "" : tenant)</element>\n"
            }
            if rng.chance(0.2) { xml += "    <element name=\"sso_domain\">\(tenant).example.com</element>\n" }
            xml += "  </subscription>\n"
            try out.verbatimRow(xml, key: s.id)
        }
        try out.close()
    }
}

extension FeedEmitter {
    /// A good record written as source text; `key` is what bad records after it may reuse.
    func verbatimRow(_ text: String, key: String) throws(OutputError) {
        try record(.verbatim(text), values: [key])
    }
}
