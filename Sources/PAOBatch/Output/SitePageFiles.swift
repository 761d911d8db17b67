/// A job's section of the site page: its latest folder and one table row per report (price
/// files: per file), with rows, change counts and a link to every format and changes file.
enum SitePageFiles {
    /// The files of one report or price file: its own files and its changes files.
    private struct Group {
        var stem: String
        var report: String
        var files: [PublicationSummary.File] = []
        var changes: [PublicationSummary.File] = []
    }

    /// Appends the section to `out` (bytes: a page lists hundreds of files at a large site).
    static func section(_ p: PublicationSummary, into out: inout [UInt8]) {
        let folder = "\(p.job)/\(p.asOf)/"
        func add(_ text: String) { out += text.utf8 }
        add("<section class=\"job\"><h2>")
        HTMLText.escape(p.job, into: &out)
        add("</h2><p class=\"note\">Latest: <a href=\"")
        HTMLText.href(folder, into: &out)
        add("\">\(p.asOf)</a> · \(SiteChart.grouped(p.files)) files · ")
        add(p.baseline.map { "changes compared with \($0)" } ?? "no earlier folder to compare with")
        add(
            "</p>\n<div class=\"scroll\"><table class=\"files\"><thead><tr><th scope=\"col\">Report</th>"
                + "<th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\">Changes</th>"
                + "<th scope=\"col\">Download</th></tr></thead><tbody>\n")
        for group in groups(p) {
            let main = group.files.first
            add("<tr><th scope=\"row\">")
            HTMLText.escape(title(group), into: &out)
            add(" <span class=\"id\">")
            HTMLText.escape(group.stem, into: &out)
            add("</span></th><td class=\"num\">\(main.map { SiteChart.grouped($0.rows) } ?? "")</td>")
            add("<td class=\"changes\">")
            if let c = main?.changes {
                add("<span class=\"chg a\" title=\"added\">+\(SiteChart.grouped(c.added))</span> ")
                add("<span class=\"chg c\" title=\"changed\">~\(SiteChart.grouped(c.changed))</span> ")
                add("<span class=\"chg d\" title=\"deleted\">−\(SiteChart.grouped(c.deleted))</span>")
            } else {
                add("<span class=\"none\">—</span>")
            }
            add("</td><td class=\"links\">")
            for file in group.files { link(folder, file, into: &out) }
            if !group.changes.isEmpty {
                add("<br><span class=\"id\">changes:</span> ")
                for file in group.changes { link(folder, file, into: &out) }
            }
            add("</td></tr>\n")
        }
        add("</tbody></table></div></section>\n")
    }

    /// Report files and their changes files side by side, in name order.
    private static func groups(_ p: PublicationSummary) -> [Group] {
        var byStem: [String: Group] = [:]
        var order: [String] = []
        let dated = Array("_\(p.asOf).".utf8)
        let changesMarker = Array("-changes_".utf8)
        for file in p.entries {
            guard let cut = find(dated, in: file.name) else { continue }
            let isChanges = file.report.hasSuffix("-changes")
            var stem = String(file.name[..<cut.lowerBound])
            if isChanges {
                if stem.hasSuffix("-changes") {
                    stem.removeLast("-changes".count)
                } else if let marker = find(changesMarker, in: stem) {
                    stem.replaceSubrange(marker, with: "_")
                }
            }
            if byStem[stem] == nil {
                order.append(stem)
                byStem[stem] = Group(stem: stem, report: file.report)
            }
            if isChanges { byStem[stem]!.changes.append(file) } else { byStem[stem]!.files.append(file) }
            if !isChanges { byStem[stem]!.report = file.report }
        }
        return order.sorted(by: textLess).map { byStem[$0]! }
    }

    /// Where `needle` (ASCII) first occurs in `text`, found in its bytes.
    private static func find(_ needle: [UInt8], in text: String) -> Range<String.Index>? {
        var text = text
        let offset: Int? = text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return nil }
            return (0...(bytes.count - needle.count)).first { at in
                needle.indices.allSatisfy { bytes[at + $0] == needle[$0] }
            }
        }
        guard let offset else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: needle.count)
    }

    /// The report's description, or for a price file its family, view, country and currency.
    private static func title(_ group: Group) -> String {
        if group.report == ReportID.priceFiles.rawValue || group.report == ReportID.priceFiles.name(changes: true) {
            let parts = group.stem.split(separator: "-").map(String.init)
            guard parts.count >= 5 else { return "Price file" }
            let view = parts[2..<(parts.count - 2)].joined(separator: " ")
            return HTMLText.escaped(
                "Price file: \(parts[1]), \(view), \(parts[parts.count - 2]) in \(parts[parts.count - 1]) ")
        }
        let id = ReportID(
            rawValue: group.report.hasSuffix("-changes") ? String(group.report.dropLast(8)) : group.report)
        return HTMLText.escaped((id?.spec.description ?? group.report) + " ")
    }

    private static func label(_ format: String) -> String {
        switch format {
        case "xlsx": "Excel"
        default: format.uppercased()
        }
    }

    private static func link(_ folder: String, _ file: PublicationSummary.File, into out: inout [UInt8]) {
        out += "<span class=\"pair\"><a href=\"".utf8
        HTMLText.href(folder + file.name, into: &out)
        out += "\" download>\(label(file.format))</a><span class=\"size\">\(size(file.bytes))</span></span> ".utf8
    }

    /// `812 B`, `12.3 KB`, `4.1 MB`, `1.2 GB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        for unit in ["KB", "MB", "GB"] {
            if value < 1024 || unit == "GB" {
                let tenths = Int((value * 10).rounded())
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            value /= 1024
        }
        return "\(bytes) B"
    }
}
