/// The state of a load in progress: the dataset so far, the lookups later feeds resolve against,
/// and what was rejected. One thread at a time uses a context; a fork shares only value copies.
final class LoadContext: @unchecked Sendable {
    var dataset = Dataset()
    var rejects: [Reject] = []
    var stats: [FeedStats] = []

    /// Entry numbers are indexes into the dataset's tables.
    var resellerBySite = StringKeyIndex()
    var customerBySite = StringKeyIndex()
    var partByNumber = StringKeyIndex()
    /// Every shard validates, so holds, every subscription of the feed: filled to three quarters.
    var subscriptionById = StringKeyIndex(fillQuarters: 3)
    /// Subscriptions named by an accepted SAAS line: what usage and provisioning may refer to.
    var saasSubscriptions: Set<Int32> = []
    /// What a run for some sites keeps (nil: everything).
    var needs: SubsetNeeds?

    /// Loads one feed by its loader; nil when it loaded (rejects and all), else the error that stops the run.
    func load(_ file: FeedFile, chunkSize: Int) -> FeedError? {
        do throws(FeedError) {
            switch file.feed {
            case .resellers: try loadResellers(file, chunkSize: chunkSize)
            case .contacts: try loadContacts(file, chunkSize: chunkSize)
            case .customers: try loadCustomers(file, chunkSize: chunkSize)
            case .parts: try loadParts(file, chunkSize: chunkSize)
            case .prices: try loadPrices(file, chunkSize: chunkSize)
            case .transactions: try loadTransactions(file, chunkSize: chunkSize)
            case .saas_usage: try loadUsage(file, chunkSize: chunkSize)
            case .saas_provisioning: try loadProvisioning(file)
            }
            return nil
        } catch {
            return error
        }
    }

    /// A context to load one more feed beside this one: the same lookups and tables (shared until
    /// written), no rejects or counts of its own yet.
    func fork() -> LoadContext {
        let other = LoadContext()
        other.dataset = dataset
        other.resellerBySite = resellerBySite
        other.customerBySite = customerBySite
        other.partByNumber = partByNumber
        other.subscriptionById = subscriptionById
        other.saasSubscriptions = saasSubscriptions
        other.needs = needs
        return other
    }

    /// Takes in the table a fork loaded for `feed`, with its rejects and counts at the given places.
    func adopt(_ feed: FeedName, from fork: LoadContext, rejectsAt: Int, statsAt: Int) {
        switch feed {
        case .contacts: dataset.contacts = fork.dataset.contacts
        case .prices: dataset.prices = fork.dataset.prices
        case .saas_usage: dataset.usage = fork.dataset.usage
        default: preconditionFailure("\(feed) is not loaded beside another feed")
        }
        rejects.insert(contentsOf: fork.rejects, at: rejectsAt)
        stats.insert(contentsOf: fork.stats, at: statsAt)
    }

    /// Reads a flat feed, calling `accept` for each well-shaped record; a thrown fault is the reject.
    /// Feeds without in-feed references are then finished; the others call `finish` themselves.
    func load(_ file: FeedFile, chunkSize: Int, _ accept: (FieldChecks) throws(RecordFault) -> Void) throws(FeedError) {
        let reading = try read(file, chunkSize: chunkSize, accept)
        finish(file, reading)
    }

    /// What reading one feed gave, before its deferred checks.
    struct FeedReading {
        var clock: Stopwatch
        var source: ByteSource
        var read: Int
        var rejects: [Reject]
    }

    func read(_ file: FeedFile, chunkSize: Int, _ accept: (FieldChecks) throws(RecordFault) -> Void) throws(FeedError)
        -> FeedReading
    {
        let clock = Stopwatch()
        let columns = file.feed.columns
        var read = 0
        var feedRejects: [Reject] = []
        let source = try FlatFeedReader(file: file, columns: columns, chunkSize: chunkSize).forEach { record in
            read += 1
            do throws(RecordFault) {
                if record.malformed {
                    throw RecordFault(.MALFORMED_RECORD, "", "the record's fields or quoting are broken")
                }
                try record.withChecks(columns, accept)
            } catch {
                feedRejects.append(
                    Reject(
                        feed: file.feed.rawValue, file: file.fileName, line: record.line,
                        field: error.field, code: error.code, message: error.message, raw: record.raw))
            }
        }
        return FeedReading(clock: clock, source: source, read: read, rejects: feedRejects)
    }

    /// Records a feed's counts and rejects (sorted by line) once it is fully read.
    func finish(_ file: FeedFile, _ reading: FeedReading) {
        let source = reading.source
        let read = reading.read
        let sorted = reading.rejects.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        rejects.append(contentsOf: sorted)
        stats.append(
            FeedStats(
                feed: file.feed, file: file.fileName, sha256: source.sha256, bytes: source.fileBytes,
                streamBytes: source.streamBytes, seconds: reading.clock.elapsed, read: read, rejected: sorted.count))
    }

    /// A reject found after the feed was read (in-feed references).
    func reject(_ file: FeedFile, line: Int, raw: [UInt8], _ fault: RecordFault) -> Reject {
        Reject(
            feed: file.feed.rawValue, file: file.fileName, line: line, field: fault.field, code: fault.code,
            message: fault.message, raw: raw)
    }
}

/// What a run record says about one feed.
public struct FeedStats: Sendable {
    public var feed: FeedName
    /// nil for an optional feed that is absent.
    public var file: String?
    public var sha256: String?
    /// Bytes of the file as stored, and as parsed (after inflating).
    public var bytes: Int
    public var streamBytes: Int
    /// Time spent reading and checking the feed.
    public var seconds: Double
    public var read: Int
    public var rejected: Int
    public var accepted: Int { read - rejected }
}
