import Crypto
import Foundation

/// `Output/published/<as-of>/<run-id>.json` (SPEC §15): written after the run's last folder is
/// published, the completion marker a puller waits for: what the run published, folder by
/// folder. Replaced atomically; the newest `kept` per as-of stay.
struct RunIndex {
    static let kept = 50

    let root: String
    let runId: String
    let asOf: Day
    let started: Date
    let shard: (k: Int, n: Int)?
    /// The group that may read `published/`, when `access.dataGroup` names one that exists.
    let dataGroup: gid_t?

    /// What the index says of one folder, kept from staging (a few numbers, not its file list).
    struct Folder {
        var manifestSha256 = ""
        var files = 0
        var rows = 0
        /// Nil when the folder had no baseline.
        var changes: ChangeCounts?

        init() {}

        init(_ summary: PublicationSummary, manifestSha256: String) {
            self.manifestSha256 = manifestSha256
            files = summary.files
            rows = summary.rows
            changes = summary.baseline.map { _ in summary.reports.compactMap(\.changes).reduce(ChangeCounts(), +) }
        }
    }

    /// Writes the index of `folders` (site id, job, figures) published as of `asOf`.
    func write(_ folders: [(site: String, job: String, figures: Folder)]) throws(OutputError) {
        var entries: [JSONValue] = []
        for (site, job, figures) in folders {
            let path = "sites/\(site)/\(job)/\(asOf)"
            entries.append(
                .object([
                    ("site", .string(site)), ("job", .string(job)), ("path", .string(path)),
                    ("manifestSha256", .string(figures.manifestSha256)), ("files", .int(figures.files)),
                    ("rows", .int(figures.rows)),
                    (
                        "changes",
                        figures.changes.map { totals in
                            .object([
                                ("added", .int(totals.added)), ("changed", .int(totals.changed)),
                                ("deleted", .int(totals.deleted))
                            ])
                        } ?? .null
                    )
                ]))
        }
        let document = JSONValue.object([
            ("runId", .string(runId)), ("asOf", .string(asOf.description)),
            ("started", .string(RunClock.stamp(started))), ("ended", .string(RunClock.stamp(Date()))),
            ("shard", shard.map { .string("\($0.k)/\($0.n)") } ?? .null), ("exitCode", .int(0)),
            ("folders", .array(entries))
        ])
        let published = root + "/published"
        try secure(published)
        let folder = "\(published)/\(asOf)"
        try secure(folder)
        try FileSystem.replace(
            "\(folder)/\(runId).json", with: Array((document.serialized(pretty: true) + "\n").utf8), mode: 0o640,
            tag: runId)
        let runs = try FileSystem.names(folder).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        for old in runs.dropLast(Self.kept) { try FileSystem.removeTree("\(folder)/\(old)") }
        try syncFolder(folder)
    }

    /// Makes `folder`, owned by the data group (2750) when there is one.
    private func secure(_ folder: String) throws(OutputError) {
        try makeFolder(folder)
        if let dataGroup { try FolderAccess(group: dataGroup).apply(to: folder) }
    }
}
