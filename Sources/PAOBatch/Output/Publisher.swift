#if canImport(Glibc)
    import Glibc
#endif

/// Publishes staged (site, job, as-of) folders (SPEC §6.1, §6.6). The folder of an as-of date is a
/// hidden versioned folder `.v-<as-of>-<run-id>`; `<as-of>` and `latest` are symlinks switched by
/// rename(2), so each folder appears complete or not at all, also on NFS.
struct Publisher {
    /// Moments inside a publication that fault-injection tests stop the process at.
    enum Point: Sendable { case beforeLatest, duringRetain }

    let root: String
    let runId: String
    let asOf: Day
    let retain: Int
    /// Called at each `Point`: the run passes its crash points in, so publishing knows no runner.
    let reached: @Sendable (Point) -> Void

    /// The published job folder of a site.
    func jobFolder(site: String, job: String) -> String { "\(root)/sites/\(site)/\(job)" }

    /// Refuses any symlink under `sites/` and `runs/` that is not one of the tool's own `<as-of>` or
    /// `latest` links in a job folder (SPEC §8).
    static func checkNoForeignLinks(root: String) throws(OutputError) {
        func walk(_ folder: String, depth: Int) throws(OutputError) {
            try FileSystem.forEachEntry(folder) { bytes, entry throws(OutputError) in
                guard entry == .symlink || entry == .folder else { return }
                let name = String(decoding: UnsafeRawBufferPointer(bytes), as: UTF8.self)
                let path = folder + "/" + name
                if entry == .folder { return try walk(path, depth: depth + 1) }
                guard depth == 2, isOwnLink(name: name, target: FileSystem.readLink(path)) else {
                    throw OutputError(.cannotCreate, path, "a symlink that is not the tool's own")
                }
            }
        }
        for top in ["sites", "runs"] {
            let path = root + "/" + top
            switch FileSystem.entry(path) {
            case .symlink: throw OutputError(.cannotCreate, path, "a symlink that is not the tool's own")
            case .folder: try walk(path, depth: top == "sites" ? 0 : -10)
            default: break
            }
        }
    }

    /// `<as-of> -> .v-<as-of>-<run>` and `latest -> <as-of>`.
    /// A run killed between the symlink and the rename of `switchLink` leaves its `.tmp-<run-id>`
    /// link behind (pointing where `latest` or `<as-of>` would): the tool's own too, removed when
    /// the folder is next published.
    static func isOwnLink(name: String, target: String?) -> Bool {
        guard let target, !target.contains("/") else { return false }
        if name == "latest" { return Day.parse(target) != nil }
        if name.hasPrefix(".tmp-") { return Day.parse(target) != nil || target.hasPrefix(".v-") }
        return Day.parse(name) != nil && target.hasPrefix(".v-\(name)-")
    }

    /// Moves one staged folder into place and switches the links (`applyRetain` comes after).
    func publish(staged: String, site: String, job: String) throws(OutputError) {
        try makeFolder(root + "/sites")
        try makeFolder(root + "/sites/" + site)
        let folder = jobFolder(site: site, job: job)
        try makeFolder(folder)
        let version = ".v-\(asOf)-\(runId)"
        let previous = FileSystem.readLink("\(folder)/\(asOf)")
        try FileSystem.move(staged, "\(folder)/\(version)")
        try FileSystem.switchLink("\(folder)/\(asOf)", to: version, temporaryName: "\(folder)/.tmp-\(runId)")
        reached(.beforeLatest)
        let dates = try datedLinks(folder)
        if let newest = dates.last, FileSystem.readLink("\(folder)/latest") != newest {
            try FileSystem.switchLink("\(folder)/latest", to: newest, temporaryName: "\(folder)/.tmp-\(runId)")
        }
        if let previous, previous != version { try FileSystem.removeTree("\(folder)/\(previous)") }
    }

    /// The as-of folders of a job folder that `retain` keeps: the newest `retain` plus this run's.
    func keptDates(site: String, job: String) throws(OutputError) -> Set<String> {
        Set(try datedLinks(jobFolder(site: site, job: job)).suffix(retain) + [asOf.description])
    }

    /// Removes the as-of folders `retain` does not keep, and versions no link names.
    func applyRetain(site: String, job: String) throws(OutputError) {
        let folder = jobFolder(site: site, job: job)
        let dates = try datedLinks(folder)
        let keep = try keptDates(site: site, job: job)
        for date in dates where !keep.contains(date) {
            let target = FileSystem.readLink("\(folder)/\(date)")
            unlink("\(folder)/\(date)")
            reached(.duringRetain)
            if let target { try FileSystem.removeTree("\(folder)/\(target)") }
        }
        let names = try FileSystem.names(folder)
        let linked = Set(
            names.compactMap { name in
                FileSystem.entry("\(folder)/\(name)") == .symlink ? FileSystem.readLink("\(folder)/\(name)") : nil
            })
        for name in names where (name.hasPrefix(".v-") && !linked.contains(name)) || name.hasPrefix(".tmp-") {
            try FileSystem.removeTree("\(folder)/\(name)")
        }
    }

    /// The `<as-of>` links of a job folder, oldest first.
    private func datedLinks(_ folder: String) throws(OutputError) -> [String] {
        try FileSystem.names(folder).filter { Day.parse($0) != nil && FileSystem.entry("\(folder)/\($0)") == .symlink }
    }
}
