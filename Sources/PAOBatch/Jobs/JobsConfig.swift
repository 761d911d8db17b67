/// A `jobs.json` that passed every check of SPEC §1.1.
public struct JobsConfig: Sendable {
    /// Absolute or config-relative paths resolved against the config file's folder.
    public var input: String
    public var output: String
    public var timezone: String
    public var gzipLevel: Int
    public var csv: CSVDialect
    public var rejects: RejectThresholds
    public var retain: Int
    public var access: ShareAccess
    public var jobs: [Job]
}

/// When rejected records abort a run.
/// Top-level `access` (SPEC §14): whether site folders are restricted to a group per site.
public struct ShareAccess: Sendable, Equatable {
    public enum Mode: String, Sendable { case none, group }
    public var mode = Mode.none
    /// The group of site S is `<groupPrefix>S`.
    public var groupPrefix = "pao-"
    /// The group that may read `published/` (SPEC §15): the data team's.
    public var dataGroup: String?

    /// The access of site `site`'s folders; nil when folders are left as the umask makes them.
    func folders(site: String) -> FolderAccess? {
        mode == .group ? FolderAccess.site(site, prefix: groupPrefix) : nil
    }
}

public struct RejectThresholds: Sendable {
    public var maxRatio = 0.001
    public var perFeed: [FeedName: Double] = [:]

    /// The ratio for one feed.
    public func maxRatio(for feed: FeedName) -> Double { perFeed[feed] ?? maxRatio }

    /// Whether a feed's rejects abort the run: strictly greater than its ratio; 0 records never do.
    public func exceeded(_ stats: FeedStats) -> Bool {
        stats.read > 0 && Double(stats.rejected) / Double(stats.read) > maxRatio(for: stats.feed)
    }
}

/// One job of `jobs.json`.
public struct Job: Sendable {
    public enum Sites: Sendable, Equatable {
        /// Every ACTIVE reseller site.
        case all
        case listed([String])
    }

    public var name: String
    public var schedule: String?
    public var sites: Sites
    public var formats: [OutputFormat]
    public var reports: [ReportID]
    /// Per report id the job lists, its params: what the job sets, else the report's defaults.
    public var params: [ReportID: ReportParams]
    public var filters: CustomerFilters
    public var csv: CSVDialect
    /// Whether folders also hold changes files against their baseline (SPEC §11); default on.
    public var changes: Bool
}

/// A `jobs.json` problem, naming the JSON path: exit 78.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `<JSON path>: <message>`, or the message alone for a file that could not be read.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
