#if canImport(Glibc)
    import Glibc
#endif

/// What `validate` or `run` found and did.
public struct RunOutcome: Sendable {
    public var status: ExitStatus
    /// One line saying what failed, for stderr.
    public var message: String?
    public var record: RunRecord?
    public var config: JobsConfig?
    public var load: LoadResult?
}

/// The input half of every command that reads feeds: config, lock, feeds, thresholds (SPEC §1, §6.6).
struct PreparedRun {
    var config: JobsConfig
    var lock: RunLock
    var record: RunRecord
    var load: LoadResult

    /// Reads the config, takes the lock and loads every feed. Returns a finished outcome when the
    /// run must stop (the run record is written then only if the lock was taken). A `subset` of
    /// sites loads only what they need.
    static func prepare(
        configPath: String, asOf: Day?, command: String, shard: (k: Int, n: Int)?, jobNames: [String],
        clock: RunClock, subset: SiteSubset? = nil, progress: ((FeedStats) -> Void)? = nil
    ) -> Result<PreparedRun, OutcomeBox> {
        let config: JobsConfig
        do { config = try JobsConfig.load(path: configPath) } catch {
            let message = error.path.isEmpty ? error.description : "\(configPath): \(error)"
            return .failure(OutcomeBox(RunOutcome(status: .config, message: message)))
        }
        if let unknown = jobNames.first(where: { name in !config.jobs.contains { $0.name == name } }) {
            let names = config.jobs.map(\.name).joined(separator: ", ")
            return .failure(
                OutcomeBox(
                    RunOutcome(
                        status: .usage, message: "unknown job \(unknown): \(configPath) has jobs \(names)",
                        config: config)))
        }
        // Without an output folder there is no lock and no run record; a missing or doubled feed
        // still wins over 73 (SPEC §1 precedence).
        func cannotCreate(_ error: OutputError) -> Result<PreparedRun, OutcomeBox> {
            if case .failure(let feedError) = DatasetLoader.locate(inputFolder: config.input) {
                return .failure(
                    OutcomeBox(
                        RunOutcome(status: ExitStatus(feedError), message: feedError.description, config: config)))
            }
            return .failure(OutcomeBox(RunOutcome(status: .cannotCreate, message: error.description, config: config)))
        }
        do throws(OutputError) { try makeFolders(config.output) } catch { return cannotCreate(error) }
        let lock: RunLock
        do { lock = try RunLock(outputRoot: config.output, shard: shard) } catch {
            switch error {
            case .held:
                return .failure(
                    OutcomeBox(
                        RunOutcome(
                            status: .locked, message: "another run holds the lock of \(config.output)", config: config))
                )
            case .cannotOpen(let e): return cannotCreate(e)
            }
        }
        var record = RunRecord(
            runId: clock.runId, command: command, asOf: asOf ?? clock.today(in: config.timezone),
            started: clock.started)
        let loadClock = Stopwatch()
        let load = DatasetLoader.load(inputFolder: config.input, subset: subset, loaded: progress)
        record.loadSeconds = loadClock.elapsed
        record.feeds = load.feeds
        record.rejects = load.rejects
        var failure: (ExitStatus, String)?
        if let error = load.failure {
            failure = (ExitStatus(error), error.description)
        } else if let over = load.feeds.first(where: config.rejects.exceeded) {
            failure = (
                .dataError,
                "\(over.feed.rawValue): \(over.rejected) of \(over.read) records rejected, "
                    + "over the ratio \(config.rejects.maxRatio(for: over.feed))"
            )
        }
        let prepared = PreparedRun(config: config, lock: lock, record: record, load: load)
        if let (status, message) = failure { return .failure(OutcomeBox(prepared.finish(status, message))) }
        return .success(prepared)
    }

    /// Writes the run record with the final status and returns the outcome.
    func finish(_ status: ExitStatus, _ message: String?, jobs: [JSONValue] = [], warnings: [String] = []) -> RunOutcome
    {
        var outcome = RunOutcome(status: status, message: message, record: record, config: config, load: load)
        outcome.record!.exitCode = status
        outcome.record!.error = message
        outcome.record!.jobs = jobs
        outcome.record!.warnings = warnings
        do throws(OutputError) {
            try outcome.record!.write(outputRoot: config.output, csv: config.csv, gzipLevel: config.gzipLevel)
        } catch {
            if status == .ok { outcome.status = ExitStatus(outputError: error) }
            outcome.message = message ?? error.description
        }
        return outcome
    }

    /// Creates the output root and its parents when missing (the root itself may be a symlink).
    static func makeFolders(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            var st = stat()
            if stat(prefix, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { continue }
            try makeFolder(prefix)
        }
    }
}

/// Lets an outcome travel as the failure of a `Result`.
struct OutcomeBox: Error {
    let outcome: RunOutcome
    init(_ outcome: RunOutcome) { self.outcome = outcome }
}
