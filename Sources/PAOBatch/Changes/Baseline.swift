#if canImport(Glibc)
    import Glibc
#endif

/// The publication a new folder is compared with (SPEC §11): the newest as-of folder of the same
/// site and job before this one, as published when the run starts (the run holds the lock, so
/// staging sees exactly that).
struct Baseline {
    let asOf: Day
    /// `sites/<site>/<job>/<as-of>` (a link to the hidden versioned folder).
    let folder: String
    /// Its manifest, when it has the raw sums reuse needs.
    let manifest: BaselineManifest?

    /// The newest as-of folder in `jobFolder` before `asOf`; nil when there is none.
    static func find(jobFolder: String, before asOf: Day) throws(OutputError) -> Baseline? {
        guard FileSystem.entry(jobFolder) != .missing else { return nil }
        var newest: Day?
        for name in try FileSystem.names(jobFolder) {
            guard let day = Day.parse(name), day.description == name, day < asOf, newest.map({ day > $0 }) ?? true,
                isFolder(jobFolder + "/" + name)
            else { continue }
            newest = day
        }
        return newest.map { day in
            let folder = "\(jobFolder)/\(day)"
            return Baseline(asOf: day, folder: folder, manifest: BaselineManifest(folder: folder))
        }
    }

    /// The baseline's file of a report `<stem>_<as-of>.<format>.gz` that SPEC §11 reads: its XML
    /// file when it has one, else its CSV file; with the manifest's entry for it.
    func file(stem: String) -> (path: String, format: OutputFormat, entry: BaselineManifest.Entry?)? {
        for format in [OutputFormat.xml, .csv] {
            let name = "\(stem)_\(asOf).\(format.fileSuffix)"
            if FileSystem.entry("\(folder)/\(name)") != .missing {
                return ("\(folder)/\(name)", format, manifest?.files[name])
            }
        }
        return nil
    }

    private static func isFolder(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }
}
