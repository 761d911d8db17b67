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

/// Loads the eight feeds of an input folder (SPEC §2): the master feeds in order (contacts beside
/// customers), then prices beside transactions and usage beside provisioning, one on each core
/// (neither of a pair reads the other).
/// Rejects, counts and the error that stops loading come out as if the feeds were read in SPEC order.
public enum DatasetLoader {
    /// Feeds loaded one after another, or two at once.
    static let phases: [[FeedName]] = [
        [.resellers], [.contacts, .customers], [.parts], [.prices, .transactions], [.saas_usage, .saas_provisioning]
    ]

    /// Finds every feed first (a missing required feed wins over a broken one, SPEC §1), then loads them.
    /// With a `subset`, every record is validated but only what its sites need is kept (`SubsetNeeds`).
    /// `loaded` is called after each feed with its counts (for progress).
    public static func load(
        inputFolder: String, subset: SiteSubset? = nil, chunkSize: Int = 1 << 20,
        loaded: ((FeedStats) -> Void)? = nil
    ) -> LoadResult {
        let context = LoadContext()
        let files: [FeedName: FeedFile]
        switch locate(inputFolder: inputFolder) {
        case .failure(let error): return LoadResult(dataset: Dataset(), rejects: [], feeds: [], failure: error)
        case .success(let found):
            files = Dictionary(uniqueKeysWithValues: found.compactMap { $0.map { ($0.feed, $0) } })
        }
        for phase in phases {
            if let subset, phase.contains(.transactions) {
                context.needs = context.scanNeeds(files[.transactions], subset: subset, chunkSize: chunkSize)
            }
            let present = phase.compactMap { files[$0] }
            let reported = context.stats.count
            let failure: FeedError?
            if present.count == 2 {
                failure = loadSideBySide(present[0], present[1], into: context, chunkSize: chunkSize)
            } else {
                failure = present.first.flatMap { context.load($0, chunkSize: chunkSize) }
            }
            for stats in context.stats[reported...] { loaded?(stats) }
            if let failure {
                return LoadResult(
                    dataset: context.dataset, rejects: context.rejects, feeds: context.stats, failure: failure)
            }
            if context.needs != nil, phase.contains(.transactions) { context.dropWhatOnlyTransactionsNeed() }
        }
        for feed in FeedName.allCases where !context.stats.contains(where: { $0.feed == feed }) {
            context.stats.append(
                FeedStats(
                    feed: feed, file: nil, sha256: nil, bytes: 0, streamBytes: 0, seconds: 0, read: 0, rejected: 0))
        }
        context.stats.sort { FeedName.allCases.firstIndex(of: $0.feed)! < FeedName.allCases.firstIndex(of: $1.feed)! }
        if let needs = context.needs {
            context.dataset.contacts.removeAll { !needs.isOwnSite[Int($0.reseller)] }
            // The lookup of every subscription goes first: the compaction needs room for its new tables.
            context.subscriptionById = StringKeyIndex()
            context.saasSubscriptions = []
            context.needs = nil
            context.dataset.dropUnreferencedSubscriptions()
        }
        context.dataset.prices.sortByMarket()
        return LoadResult(dataset: context.dataset, rejects: context.rejects, feeds: context.stats, failure: nil)
    }

    /// Loads `first` on a fork of the context while `second` loads on the context itself, then
    /// takes the fork's table, counts and rejects in ahead of the second's. When `first` fails,
    /// what `second` read is dropped, as it would never have been read.
    private static func loadSideBySide(
        _ first: FeedFile, _ second: FeedFile, into context: LoadContext,
        chunkSize: Int
    ) -> FeedError? {
        let fork = context.fork()
        let (rejects, stats) = (context.rejects.count, context.stats.count)
        let (firstFailure, secondFailure) = inParallel(
            { fork.load(first, chunkSize: chunkSize) },
            { context.load(second, chunkSize: chunkSize) })
        if firstFailure != nil {
            context.rejects.removeSubrange(rejects...)
            context.stats.removeSubrange(stats...)
        }
        context.adopt(first.feed, from: fork, rejectsAt: rejects, statsAt: stats)
        return firstFailure ?? secondFailure
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
                    return .failure(
                        FeedError(
                            .missing, file: file?.fileName ?? feed.rawValue,
                            "required feed \(feed.rawValue) is missing or unreadable in \(inputFolder)"))
                }
                files.append(file)
            } catch {
                if error.kind == .missing { return .failure(error) }
                firstStructural = firstStructural ?? error
                files.append(nil)
            }
        }
        if let firstStructural { return .failure(firstStructural) }
        return .success(files)
    }
}
