import Foundation

/// What one published (site, job, as-of) folder holds, read back from its MANIFEST.json for the
/// site's feed and page: per report its rows and changes, and every file.
struct PublicationSummary {
    struct Report {
        var name: String
        var files = 0
        var rows = 0
        var changes: ChangeCounts?
    }

    /// One file as the manifest lists it.
    struct File {
        var name: String
        var report: String
        var format: String
        var rows: Int
        var bytes: Int
        var changes: ChangeCounts?

        init(_ written: WrittenFile) {
            (name, report, format) = (written.name, written.reportName, written.format.rawValue)
            (rows, bytes, changes) = (written.rows, written.bytes, written.changes)
        }

        /// The file entry at the cursor (of a key given twice, the last counts); nil, with the
        /// entry stepped over, when it lacks its name, report or format.
        init?(_ p: inout JSONParser) throws(JSONSyntaxError) {
            var name: String?, report: String?, format: String?
            var (rows, bytes) = (0, 0)
            var changes: ChangeCounts?
            let isObject = try p.members { key, p throws(JSONSyntaxError) in
                switch key {
                case "name": name = try p.stringValue()
                case "report": report = try p.stringValue()
                case "format": format = try p.stringValue()
                case "rows": rows = try p.intValue() ?? 0
                case "bytes": bytes = try p.intValue() ?? 0
                case "changes": changes = try File.counts(&p)
                default: try p.skipValue()
                }
            }
            guard isObject, let name, let report, let format else { return nil }
            (self.name, self.report, self.format) = (name, report, format)
            (self.rows, self.bytes, self.changes) = (rows, bytes, changes)
        }

        /// The `changes` object at the cursor; nil when it is not one.
        private static func counts(_ p: inout JSONParser) throws(JSONSyntaxError) -> ChangeCounts? {
            var counts = ChangeCounts()
            let isObject = try p.members { key, p throws(JSONSyntaxError) in
                switch key {
                case "added": counts.added = try p.intValue() ?? 0
                case "changed": counts.changed = try p.intValue() ?? 0
                case "deleted": counts.deleted = try p.intValue() ?? 0
                default: try p.skipValue()
                }
            }
            return isObject ? counts : nil
        }
    }

    var job: String
    var asOf: Day
    var baseline: Day?
    var files = 0
    /// Reports in name order; price files summed as one `price-files` entry.
    var reports: [Report] = []
    /// Every file the manifest lists, changes files too, in name order.
    var entries: [File] = []

    init(job: String, asOf: Day) {
        self.job = job
        self.asOf = asOf
    }

    /// Reads `folder`'s manifest; a report's rows and changes are counted in one format only.
    init(folder: String, job: String, asOf: Day) throws(OutputError) {
        self.job = job
        self.asOf = asOf
        guard let data = FileManager.default.contents(atPath: folder + "/MANIFEST.json") else {
            throw OutputError(.io, folder + "/MANIFEST.json", "cannot read the manifest")
        }
        var list: [File]?
        var files = 0
        var baseline: Day?
        do throws(JSONSyntaxError) {
            try JSONParser.object(Array(data)) { key, p throws(JSONSyntaxError) in
                switch key {
                case "files" where p.current == UInt8(ascii: "["):
                    try p.beginArray()
                    var entries: [File?] = []
                    while try p.nextElement() { entries.append(try File(&p)) }
                    list = entries.compactMap { $0 }
                    files = entries.count
                case "baseline": baseline = try p.stringValue().flatMap(Day.parse)
                default: try p.skipValue()
                }
            }
        } catch {
            throw OutputError(.io, folder + "/MANIFEST.json", "not a manifest: \(error)")
        }
        (self.files, self.baseline) = (files, baseline)
        guard let list else { throw OutputError(.io, folder + "/MANIFEST.json", "not a manifest") }
        summarise(list)
    }

    /// What a folder staged by this run holds, from its written files in name order.
    init(job: String, asOf: Day, baseline: Day?, written: [WrittenFile]) {
        self.job = job
        self.asOf = asOf
        self.baseline = baseline
        files = written.count
        summarise(written.map(File.init))
    }

    /// Sets `entries` (in name order) and the per-report figures from them.
    private mutating func summarise(_ entries: [File]) {
        self.entries = entries
        var byName: [String: Report] = [:]
        var countedFormat: [String: String] = [:]
        for file in entries where !file.report.hasSuffix("-changes") {
            byName[file.report, default: Report(name: file.report)].files += 1
            guard countedFormat[file.report, default: file.format] == file.format else { continue }
            countedFormat[file.report] = file.format
            byName[file.report]!.rows += file.rows
            if let c = file.changes {
                byName[file.report]!.changes = (byName[file.report]!.changes ?? ChangeCounts()) + c
            }
        }
        reports = byName.values.sorted { textLess($0.name, $1.name) }
    }

    /// Total data rows over the reports.
    var rows: Int { reports.reduce(0) { $0 + $1.rows } }
}
