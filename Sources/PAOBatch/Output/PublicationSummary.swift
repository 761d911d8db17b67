import Foundation

/// What one published (site, job, as-of) folder holds, read back from its MANIFEST.json for the
/// site's feed and page: per report its rows and changes.
struct PublicationSummary {
    struct Report {
        var name: String
        var files = 0
        var rows = 0
        var changes: ChangeCounts?
    }

    var job: String
    var asOf: Day
    var baseline: Day?
    var files = 0
    /// Reports in name order; price files summed as one `price-files` entry.
    var reports: [Report] = []

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
        var byName: [String: Report] = [:]
        var countedFormat: [String: String] = [:]
        for item in list {
            guard case .object(let f) = item, case .string(let report)? = f.first(where: { $0.key == "report" })?.value,
                case .string(let format)? = f.first(where: { $0.key == "format" })?.value,
                !report.hasSuffix("-changes")
            else { continue }
            byName[report, default: Report(name: report)].files += 1
            guard countedFormat[report, default: format] == format else { continue }
            countedFormat[report] = format
            if case .number(let rows)? = f.first(where: { $0.key == "rows" })?.value {
                byName[report]!.rows += Int(rows) ?? 0
            }
            if case .object(let c)? = f.first(where: { $0.key == "changes" })?.value {
                func count(_ key: String) -> Int {
                    guard case .number(let n)? = c.first(where: { $0.key == key })?.value else { return 0 }
                    return Int(n) ?? 0
                }
                var sum = byName[report]!.changes ?? ChangeCounts()
                sum.added += count("added")
                sum.changed += count("changed")
                sum.deleted += count("deleted")
                byName[report]!.changes = sum
            }
        }
        reports = byName.values.sorted { textLess($0.name, $1.name) }
    }

    /// Total data rows over the reports.
    var rows: Int { reports.reduce(0) { $0 + $1.rows } }
}
