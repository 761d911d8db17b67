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

    /// Writes the index of `folders` (site id, job) published as of `asOf`.
    func write(_ folders: [(site: String, job: String)]) throws(OutputError) {
        var entries: [JSONValue] = []
        for (site, job) in folders {
            let path = "sites/\(site)/\(job)/\(asOf)"
            let summary = try PublicationSummary(folder: root + "/" + path, job: job, asOf: asOf)
            let manifest = try RawDigest(file: root + "/" + path + "/MANIFEST.json")
            let totals = summary.reports.compactMap(\.changes).reduce(ChangeCounts(), +)
            entries.append(
                .object([
                    ("site", .string(site)), ("job", .string(job)), ("path", .string(path)),
                    ("manifestSha256", .string(manifest.sha256)), ("files", .int(summary.files)),
                    ("rows", .int(summary.rows)),
                    (
                        "changes",
                        summary.baseline == nil
                            ? .null
                            : .object([
                                ("added", .int(totals.added)), ("changed", .int(totals.changed)),
                                ("deleted", .int(totals.deleted))
                            ])
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
