/// What `pao-batch run` was asked to do (SPEC §1).
public struct RunRequest: Sendable {
    public var configPath: String
    public var asOf: Day?
    /// Job names to run (empty = all).
    public var jobs: [String]
    /// Sites to narrow every job to (empty = the jobs' own).
    public var sites: [String]
    /// Shard K of N.
    public var shard: (k: Int, n: Int)?
    public var environment: [String: String]
    /// Called with sites done of total while staging.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Called after each feed is read, with its counts.
    public var feedProgress: (@Sendable (FeedStats) -> Void)?

    public init(
        configPath: String, asOf: Day? = nil, jobs: [String] = [], sites: [String] = [], shard: (k: Int, n: Int)? = nil,
        environment: [String: String] = [:], progress: (@Sendable (Int, Int) -> Void)? = nil,
        feedProgress: (@Sendable (FeedStats) -> Void)? = nil
    ) {
        self.configPath = configPath
        self.asOf = asOf
        self.jobs = jobs
        self.sites = sites
        self.shard = shard
        self.environment = environment
        self.progress = progress
        self.feedProgress = feedProgress
    }

    var shardTag: String { shard.map { "\($0.k)-\($0.n)" } ?? "all" }
}
