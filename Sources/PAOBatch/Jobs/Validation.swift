#if canImport(Glibc)
import Glibc
#endif

/// What `validate` (and the input half of `run`) found.
public struct RunOutcome: Sendable {
    public var status: ExitStatus
    /// One line saying what failed, for stderr.
    public var message: String?
    public var record: RunRecord?
    public var config: JobsConfig?
    public var load: LoadResult?
}

/// `pao-batch validate`: reads the config and every feed, writes the run record and rejects,
/// publishes nothing (SPEC §1, §6.6).
public enum Validation {
    public static func run(configPath: String, asOf: Day?, clock: RunClock = RunClock()) -> RunOutcome {
        let config: JobsConfig
        do { config = try JobsConfig.load(path: configPath) } catch {
            return RunOutcome(status: .config, message: "\(configPath): \(error)")
        }
        do throws(OutputError) { try makeFolders(config.output) } catch {
            return RunOutcome(status: .cannotCreate, message: error.description, config: config)
        }
        let lock: RunLock
        do { lock = try RunLock(outputRoot: config.output) } catch {
            switch error {
            case .held: return RunOutcome(status: .locked, message: "another run holds \(config.output)/.lock", config: config)
            case .cannotOpen(let e): return RunOutcome(status: .cannotCreate, message: e.description, config: config)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        var record = RunRecord(runId: clock.runId, command: "validate", asOf: asOf ?? clock.today(in: config.timezone),
                               started: clock.started)
        let load = DatasetLoader.load(inputFolder: config.input)
        record.feeds = load.feeds
        record.rejects = load.rejects
        var outcome = RunOutcome(status: .ok, record: record, config: config, load: load)
        if let failure = load.failure {
            outcome.status = ExitStatus(failure)
            outcome.message = failure.description
        } else if let over = load.feeds.first(where: config.rejects.exceeded) {
            outcome.status = .dataError
            outcome.message = "\(over.feed.rawValue): \(over.rejected) of \(over.read) records rejected, over the ratio \(config.rejects.maxRatio(for: over.feed))"
        }
        outcome.record?.exitCode = outcome.status
        outcome.record?.error = outcome.message
        do throws(OutputError) {
            try outcome.record!.write(outputRoot: config.output, csv: config.csv, gzipLevel: config.gzipLevel)
        } catch {
            if outcome.status == .ok { outcome.status = ExitStatus(outputError: error) }
            outcome.message = outcome.message ?? error.description
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
