#if canImport(Glibc)
import Glibc
#endif

/// The outcome of loading every feed: the dataset, what was rejected, per-feed counts, and the
/// error that stopped loading, if one did (then the dataset is partial and must not be used).
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var rejects: [Reject]
    public var feeds: [FeedStats]
    public var failure: FeedError?
}

/// Loads the seven feeds of an input folder in SPEC order (§2).
public enum DatasetLoader {
    /// Finds every feed first (a missing required feed wins over a broken one, SPEC §1), then loads them.
    /// `loaded` is called after each feed with its counts (for progress).
    public static func load(inputFolder: String, chunkSize: Int = 1 << 20, loaded: ((FeedStats) -> Void)? = nil) -> LoadResult {
        let context = LoadContext()
        let files: [FeedFile?]
        switch locate(inputFolder: inputFolder) {
        case .failure(let error): return LoadResult(dataset: Dataset(), rejects: [], feeds: [], failure: error)
        case .success(let found): files = found
        }
        do {
            for case let file? in files {
                switch file.feed {
                case .resellers: try context.loadResellers(file, chunkSize: chunkSize)
                case .customers: try context.loadCustomers(file, chunkSize: chunkSize)
                case .parts: try context.loadParts(file, chunkSize: chunkSize)
                case .prices: try context.loadPrices(file, chunkSize: chunkSize)
                case .transactions: try context.loadTransactions(file, chunkSize: chunkSize)
                case .saas_usage: try context.loadUsage(file, chunkSize: chunkSize)
                case .saas_provisioning: try context.loadProvisioning(file)
                }
                if let stats = context.stats.last { loaded?(stats) }
            }
        } catch {
            return LoadResult(dataset: context.dataset, rejects: context.rejects, feeds: context.stats, failure: error)
        }
        for feed in FeedName.allCases where !context.stats.contains(where: { $0.feed == feed }) {
            context.stats.append(FeedStats(feed: feed, file: nil, sha256: nil, bytes: 0, streamBytes: 0, seconds: 0, read: 0, rejected: 0))
        }
        context.stats.sort { FeedName.allCases.firstIndex(of: $0.feed)! < FeedName.allCases.firstIndex(of: $1.feed)! }
        return LoadResult(dataset: context.dataset, rejects: context.rejects, feeds: context.stats, failure: nil)
    }

    /// The file of each feed (nil for an absent optional one). A missing or unreadable required
    /// feed wins over two files for one feed, as 66 wins over 65 (SPEC §1).
    public static func locate(inputFolder: String) -> Result<[FeedFile?], FeedError> {
        var files: [FeedFile?] = []
        var firstStructural: FeedError?
        for feed in FeedName.allCases {
            do {
                let file = try FeedFile.locate(feed, in: inputFolder)
                if feed.isRequired, file == nil || access(file!.path, R_OK) != 0 {
                    return .failure(FeedError(.missing, file: file?.fileName ?? feed.rawValue,
                                              "required feed \(feed.rawValue) is missing or unreadable in \(inputFolder)"))
                }
                files.append(file)
            } catch {
                firstStructural = firstStructural ?? error
                files.append(nil)
            }
        }
        if let firstStructural { return .failure(firstStructural) }
        return .success(files)
    }
}
