import Foundation

/// Price files are the same for every site that needs them (SPEC §5): each distinct file is
/// computed and compressed once per run into the staging area, then linked into site folders.
final class PriceFileStore: @unchecked Sendable {
    struct Shared {
        var path: String
        var file: WrittenFile
    }

    private struct Key: Hashable {
        var file: PriceFileKey
        var format: OutputFormat
        var bom: Bool
        var crlf: Bool
        var guarded: Bool
    }

    private let view: AsOfView
    private let folder: String
    private let gzipLevel: Int
    private let currencies: [Country: [Currency]]
    private struct Market: Hashable {
        var country: Country
        var currency: Currency
    }
    /// Price records by country and currency, so each file scans only its own.
    private let pricesByMarket: [Market: [PriceRecord]]
    private let lock = NSCondition()
    private var done: [Key: Shared] = [:]
    private var inProgress: Set<Key> = []
    /// Staging subfolders handed out so far: one per file written, so no two files meet.
    private var subfolders = 0
    /// Countries without price records that a site needed, for the run record.
    private(set) var unpriced: Set<String> = []

    init(view: AsOfView, folder: String, gzipLevel: Int) {
        self.view = view
        self.folder = folder
        self.gzipLevel = gzipLevel
        currencies = PriceFilesReport.currencies(view.data)
        pricesByMarket = Dictionary(grouping: view.data.prices) { Market(country: $0.country, currency: $0.currency) }
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
    /// between them; then it waits for those another worker is writing.
    func files(_ wanted: [(PriceFileKey, OutputFormat)], dialect: CSVDialect) throws(OutputError) -> [Shared] {
        let keys = wanted.map {
            Key(
                file: $0.0, format: $0.1, bom: dialect.bom, crlf: dialect.lineEnding == .crlf,
                guarded: dialect.formulaGuard)
        }
        for key in keys {
            if case .mine(let subfolder) = claim(key, waiting: false) { _ = try produce(key, subfolder, dialect) }
        }
        var result: [Shared] = []
        for key in keys {
            switch claim(key, waiting: true) {
            case .ready(let shared): result.append(shared)
            case .mine(let subfolder): result.append(try produce(key, subfolder, dialect))
            case .busy: preconditionFailure("a waiting claim is never busy")
            }
        }
        return result
    }

    private enum Claim {
        case ready(Shared)
        /// The caller writes the file into this staging subfolder.
        case mine(Int)
        case busy
    }

    private func claim(_ key: Key, waiting: Bool) -> Claim {
        lock.lock()
        defer { lock.unlock() }
        while waiting && inProgress.contains(key) { lock.wait() }
        if let shared = done[key] { return .ready(shared) }
        if inProgress.contains(key) { return .busy }
        inProgress.insert(key)
        subfolders += 1
        return .mine(subfolders)
    }

    private func produce(_ key: Key, _ subfolder: Int, _ dialect: CSVDialect) throws(OutputError) -> Shared {
        var result: Result<Shared, OutputError>
        do throws(OutputError) {
            result = .success(try write(key.file, format: key.format, dialect: dialect, subfolder: subfolder))
        } catch {
            result = .failure(error)
        }
        lock.lock()
        if case .success(let shared) = result { done[key] = shared }
        inProgress.remove(key)
        lock.broadcast()
        lock.unlock()
        return try result.get()
    }

    private func write(_ fileKey: PriceFileKey, format: OutputFormat, dialect: CSVDialect, subfolder: Int)
        throws(OutputError) -> Shared
    {
        let name = "\(fileKey.stem)_\(view.asOf).\(format.rawValue).gz"
        let subfolder = "\(folder)/\(subfolder)"
        try PreparedRun.makeFolders(subfolder)
        let writer = try ReportFileWriter(
            path: subfolder + "/" + name, format: format, spec: ReportID.priceFiles.spec,
            rootAttributes: fileKey.rootAttributes + [("asOf", view.asOf.description)],
            dialect: dialect, gzipLevel: gzipLevel)
        for row in PriceFilesReport.rows(
            view, fileKey, pricesByMarket[Market(country: fileKey.country, currency: fileKey.currency)] ?? [])
        {
            try writer.write(row)
        }
        return Shared(path: subfolder + "/" + name, file: try writer.finish(name: name, report: .priceFiles))
    }

    /// Distinct files written and their compressed and raw bytes, for the run figures.
    var written: (files: Int, bytes: Int, rawBytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (
            done.count, done.values.reduce(0) { $0 + $1.file.bytes }, done.values.reduce(0) { $0 + $1.file.rawBytes }
        )
    }
}
