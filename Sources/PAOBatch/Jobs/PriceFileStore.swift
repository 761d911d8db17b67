import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Price files are the same for every site that needs them (SPEC §5): each distinct file is
/// computed and compressed once per run into the staging area, then linked into site folders.
/// So are their changes files (SPEC §11), once per distinct (file, baseline file) pair.
final class PriceFileStore: @unchecked Sendable {
    struct Shared {
        var path: String
        var file: WrittenFile
    }

    /// A price file's changes files, one per format, and their counts.
    struct SharedChanges {
        var counts: ChangeCounts
        var files: [Shared]
    }

    /// What of a CSV dialect changes a file's bytes.
    private struct Bytes: Hashable {
        var format: OutputFormat
        var bom: Bool
        var crlf: Bool
        var guarded: Bool

        init(_ format: OutputFormat, _ dialect: CSVDialect) {
            self.format = format
            bom = dialect.bom
            crlf = dialect.lineEnding == .crlf
            guarded = dialect.formulaGuard
        }
    }

    private struct FileKey: Hashable {
        var file: PriceFileKey
        var bytes: Bytes
    }

    private struct ChangesKey: Hashable {
        var file: PriceFileKey
        var bytes: [Bytes]
        /// The baseline file's device and inode: sites' baseline price files are hard links.
        var baseline: [UInt64]
    }

    private let view: AsOfView
    private let folder: String
    private let gzipLevel: Int
    private let currencies: [Country: [Currency]]
    private let files = SharedWork<FileKey, Shared>()
    private let changes = SharedWork<ChangesKey, Result<SharedChanges, BaselineFile.Unusable>>()
    private let lock = NSLock()
    /// Staging subfolders handed out so far: one per file written, so no two files meet.
    private var subfolders = 0
    /// Countries without price records that a site needed, for the run record.
    private(set) var unpriced: Set<String> = []

    init(view: AsOfView, folder: String, gzipLevel: Int) {
        self.view = view
        self.folder = folder
        self.gzipLevel = gzipLevel
        currencies = PriceFilesReport.currencies(view.data)
    }

    func keys(site: Int32, params: ReportParams) -> [PriceFileKey] {
        let result = PriceFilesReport.keys(view, site: site, params: params, currencies: currencies)
        if !result.unpriced.isEmpty {
            lock.lock()
            for c in result.unpriced { unpriced.insert(c.code) }
            lock.unlock()
        }
        return result.files
    }

    /// The shared files for every (file, format) a site needs, in that order. A file nobody has
    /// started is written by this caller first, so workers needing the same files split them
    /// between them; then it waits for those another worker is writing. A file in `unchanged`
    /// (its rows equal the baseline's) may be the baseline's file published again.
    func files(
        _ wanted: [(PriceFileKey, OutputFormat)], dialect: CSVDialect, baseline: Baseline?,
        unchanged: Set<PriceFileKey>
    ) throws(OutputError) -> [Shared] {
        let keys = wanted.map { FileKey(file: $0.0, bytes: Bytes($0.1, dialect)) }
        func produce(_ key: FileKey) throws(OutputError) -> Shared {
            try write(key, dialect, reusing: unchanged.contains(key.file) ? baseline : nil)
        }
        for key in keys { _ = try files.value(key, waiting: false) { () throws(OutputError) in try produce(key) } }
        var result: [Shared] = []
        for key in keys {
            result.append(try files.value(key, waiting: true) { () throws(OutputError) in try produce(key) }!)
        }
        return result
    }

    /// The changes files of `file` in `formats` against `baseline`, a site's baseline file of it.
    func changes(
        _ file: PriceFileKey, formats: [OutputFormat], dialect: CSVDialect,
        baseline: (path: String, format: OutputFormat, entry: BaselineManifest.Entry?)
    ) throws(OutputError) -> Result<SharedChanges, BaselineFile.Unusable> {
        var st = stat()
        guard stat(baseline.path, &st) == 0 else {
            return .failure(BaselineFile.Unusable(reason: "cannot be read: \(String(cString: strerror(errno)))"))
        }
        let key = ChangesKey(
            file: file, bytes: formats.map { Bytes($0, dialect) }, baseline: [UInt64(st.st_dev), UInt64(st.st_ino)])
        return try changes.value(key, waiting: true) { () throws(OutputError) in
            let columns = ReportID.priceFiles.spec.columns
            let old: PrintedRows
            do throws(BaselineFile.Unusable) {
                old = try BaselineFile.rows(
                    path: baseline.path, format: baseline.format, entry: baseline.entry, columns: columns)
            } catch {
                return .failure(error)
            }
            let set = ChangeSet(
                columns: columns, identity: ReportID.priceFiles.identity, today: Array(rows(file)), baseline: old)
            let layout = FileLayout.changes(.priceFiles, columns: ChangeSet.columns(columns))
            var shared: [Shared] = []
            for format in formats {
                shared.append(try write(file, "\(file.stem)-changes", format, layout, dialect: dialect, rows: set.rows))
            }
            return .success(SharedChanges(counts: set.counts, files: shared))
        }!
    }

    private func rows(_ file: PriceFileKey) -> LazyMapCollection<[PriceRecord], [Cell]> {
        PriceFilesReport.rows(view, file, view.data.prices.market(file.country, file.currency))
    }

    private func write(_ key: FileKey, _ dialect: CSVDialect, reusing baseline: Baseline?) throws(OutputError)
        -> Shared
    {
        try write(
            key.file, key.file.stem, key.bytes.format, FileLayout(.priceFiles), dialect: dialect,
            rows: rows(key.file), reusing: baseline)
    }

    private func write(
        _ file: PriceFileKey, _ stem: String, _ format: OutputFormat, _ layout: FileLayout, dialect: CSVDialect,
        rows: some Collection<[Cell]>, reusing baseline: Baseline? = nil
    ) throws(OutputError) -> Shared {
        lock.lock()
        subfolders += 1
        let subfolder = "\(folder)/\(subfolders)"
        lock.unlock()
        try PreparedRun.makeFolders(subfolder)
        let output = ReportFileOutput(
            format: format, layout: layout, rootAttributes: file.rootAttributes + [("asOf", view.asOf.description)],
            dialect: dialect, gzipLevel: gzipLevel, asOf: view.asOf)
        let written = try output.write(rows, stem: stem, into: subfolder, reusing: baseline)
        return Shared(path: subfolder + "/" + written.name, file: written)
    }

    /// Distinct files written, their compressed and raw bytes, and how many were the baseline's
    /// bytes published again, for the run figures.
    var written: (files: Int, bytes: Int, rawBytes: Int, reused: Int) {
        let all =
            files.values.map(\.file)
            + changes.values.flatMap { result in
                guard case .success(let shared) = result else { return [WrittenFile]() }
                return shared.files.map(\.file)
            }
        return (
            all.count, all.reduce(0) { $0 + $1.bytes }, all.reduce(0) { $0 + $1.rawBytes }, all.filter(\.reused).count
        )
    }
}
