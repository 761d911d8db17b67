/// `sites/<site>/feed.atom` (SPEC §11): an Atom 1.0 feed (RFC 4287) of the site's newest
/// publications over all jobs, so a puller learns what is new without listing the share.
enum SiteFeed {
    /// Entries kept in the feed.
    static let limit = 50

    /// The feed of `publications` (any order): the newest `limit`, newest as-of first, then job.
    static func document(site: String, resellerName: String, publications: [PublicationSummary]) -> [UInt8] {
        let entries = publications.sorted {
            $0.asOf != $1.asOf ? $0.asOf > $1.asOf : textLess($0.job, $1.job)
        }.prefix(limit)
        var out: [UInt8] = []
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func escaped(_ text: String) { TextEncoding.appendXMLText(text, to: &out) }
        add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        add("  <id>urn:pao-batch:\(site)</id>\n  <title>")
        escaped("Publications for reseller site \(site) (\(resellerName))")
        add("</title>\n  <updated>\(entries.first.map { timestamp($0.asOf) } ?? "1970-01-01T00:00:00Z")</updated>\n")
        add("  <author><name>pao-batch</name></author>\n")
        add("  <link rel=\"self\" href=\"feed.atom\"/>\n")
        for p in entries {
            add("  <entry>\n    <id>urn:pao-batch:\(site):")
            escaped("\(p.job):\(p.asOf)")
            add("</id>\n    <title>")
            escaped("\(p.job) \(p.asOf)")
            add("</title>\n    <updated>\(timestamp(p.asOf))</updated>\n    <link href=\"")
            escaped("\(p.job)/\(p.asOf)/")
            add("\"/>\n    <summary type=\"text\">")
            escaped(summary(p))
            add("</summary>\n  </entry>\n")
        }
        add("</feed>\n")
        return out
    }

    /// `3 files, 120 rows, compared with 2026-11-28.` then one line per report.
    static func summary(_ p: PublicationSummary) -> String {
        var lines = [
            "\(p.files) files, \(p.rows) rows, "
                + (p.baseline.map { "compared with \($0)." } ?? "no earlier publication to compare with.")
        ]
        for r in p.reports {
            var line = "\(r.name): \(r.rows) rows"
            if r.name == ReportID.priceFiles.rawValue { line += " in \(r.files) files" }
            if let c = r.changes { line += ", A \(c.added) C \(c.changed) D \(c.deleted)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
