#if canImport(Glibc)
    import Glibc
#endif

/// Where a feed's file is and in which format (SPEC §2: `<feed>.csv|.xml`, optionally `.gz`).
public struct FeedFile: Sendable {
    public enum Format: Sendable { case csv, xml }

    public var feed: FeedName
    public var path: String
    public var format: Format

    public var fileName: String { String(path.split(separator: "/").last!) }

    /// Finds the feed's file in `folder`: nil when there is none; two files is a structural error.
    public static func locate(_ feed: FeedName, in folder: String) throws(FeedError) -> FeedFile? {
        var found: [FeedFile] = []
        for (suffix, format) in [(".csv", Format.csv), (".csv.gz", .csv), (".xml", .xml), (".xml.gz", .xml)] {
            let path = folder + "/" + feed.rawValue + suffix
            var st = stat()
            if lstat(path, &st) == 0 { found.append(FeedFile(feed: feed, path: path, format: format)) }
        }
        guard found.count <= 1 else {
            throw FeedError(
                .structural, file: found[1].fileName,
                "two files for feed \(feed.rawValue): \(found.map(\.fileName).joined(separator: ", "))")
        }
        if let file = found.first, !isRegularFile(file.path) {
            throw FeedError(
                .missing, file: file.fileName, "not a regular file (a folder, FIFO or device cannot be a feed)")
        }
        if let file = found.first, feed == .saas_provisioning, file.format == .csv {
            throw FeedError(.structural, file: file.fileName, "saas_provisioning must be XML")
        }
        return found.first
    }
}

/// True when `path` (following symlinks) is a regular file: reading a FIFO would wait forever,
/// and a folder or device is not a feed.
private func isRegularFile(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
}
