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

        init?(_ item: JSONValue) {
            guard case .object(let f) = item else { return nil }
            func string(_ key: String) -> String? {
                guard case .string(let s)? = f.first(where: { $0.key == key })?.value else { return nil }
                return s
            }
            func int(_ key: String, in fields: [(key: String, value: JSONValue)]) -> Int {
                guard case .number(let n)? = fields.first(where: { $0.key == key })?.value else { return 0 }
                return Int(n) ?? 0
            }
            guard let name = string("name"), let report = string("report"), let format = string("format") else {
                return nil
            }
            (self.name, self.report, self.format) = (name, report, format)
            rows = int("rows", in: f)
            bytes = int("bytes", in: f)
            if case .object(let c)? = f.first(where: { $0.key == "changes" })?.value {
                changes = ChangeCounts(
                    added: int("added", in: c), changed: int("changed", in: c), deleted: int("deleted", in: c))
            }
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
        let parsed: JSONValue
        do throws(JSONSyntaxError) {
            parsed = try JSONValue.parse(Array(data))
        } catch {
            throw OutputError(.io, folder + "/MANIFEST.json", "not a manifest: \(error)")
        }
        guard case .object(let top) = parsed, case .array(let list)? = top.first(where: { $0.key == "files" })?.value
        else { throw OutputError(.io, folder + "/MANIFEST.json", "not a manifest") }
        if case .string(let day)? = top.first(where: { $0.key == "baseline" })?.value { baseline = Day.parse(day) }
        files = list.count
        summarise(list.compactMap(File.init))
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
