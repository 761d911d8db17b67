import Foundation

/// `pao-batch run`: every selected job for every selected site, staged, checked and published
/// (SPEC §1, §6, §7).
public enum BatchRun {
    public static func run(_ request: RunRequest, clock: RunClock = RunClock()) -> RunOutcome {
        if let bad = request.sites.first(where: { !SiteSelection.isSiteId($0) }) {
            return RunOutcome(status: .usage, message: "--site \(bad): a reseller site id is 1 to 10 digits")
        }
        let prepared: PreparedRun
        switch PreparedRun.prepare(
            configPath: request.configPath, asOf: request.asOf, command: "run", shard: request.shard,
            jobNames: request.jobs, clock: clock, progress: request.feedProgress)
        {
        case .failure(let box): return box.outcome
        case .success(let p): prepared = p
        }
        defer { withExtendedLifetime(prepared.lock) {} }
        let config = prepared.config
        let asOf = prepared.record.asOf
        let crash = CrashPoints(environment: request.environment)
        var warnings: [String] = []

        let jobs = config.jobs.filter { request.jobs.isEmpty || request.jobs.contains($0.name) }
        let data = prepared.load.dataset
        let indexClock = Stopwatch()
        let (view, isolation) = inParallel({ AsOfView(data, asOf: asOf) }, { IsolationCheck(data, asOf: asOf) })
        var stages: [(key: String, value: JSONValue)] = [
            ("load", seconds(prepared.record.loadSeconds)), ("index", seconds(indexClock.elapsed))
        ]
        let stageClock = Stopwatch()
        let stage = "\(config.output)/.stage-\(request.shardTag)-\(clock.runId)"
        do throws(OutputError) {
            for name in try FileSystem.names(config.output) where name.hasPrefix(".stage-\(request.shardTag)-") {
                try FileSystem.removeTree("\(config.output)/\(name)")
            }
        } catch {
            return prepared.finish(ExitStatus(outputError: error), error.description)
        }
        // A failed run reports its own error; a stage it could not remove is a leftover the next
        // run of this shard removes (above), so that second failure is not worth hiding the first.
        defer { try? FileSystem.removeTree(stage) }

        struct Item {
            var job: Job
            var site: Int32
            var folder: String
        }
        var planned: [Item] = []
        for job in jobs {
            for site in SiteSelection.sites(
                for: job, data: data, only: request.sites, shard: request.shard, warnings: &warnings)
            {
                planned.append(Item(job: job, site: site, folder: "\(stage)/\(planned.count)"))
            }
        }
        let items = planned
        if items.isEmpty { warnings.append("no site selected: nothing to publish") }
        let priceFiles = PriceFileStore(view: view, folder: stage + "/shared", gzipLevel: config.gzipLevel)
        let results = StagingResults(count: items.count)
        let threads =
            request.environment["PAO_BATCH_THREADS"].flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(threads, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let n = results.next() {
                let item = items[n]
                let folder = StagedFolder(
                    view: view, job: item.job, site: item.site, folder: item.folder,
                    gzipLevel: config.gzipLevel, isolation: isolation.forSite(item.site), priceFiles: priceFiles)
                let itemClock = Stopwatch()
                do throws(StagedFolder.Failure) {
                    results.store(n, try folder.write(), seconds: itemClock.elapsed)
                } catch {
                    results.fail(error)
                }
                request.progress?(results.finished, items.count)
            }
        }
        if let failure = results.failure {
            switch failure {
            case .output(let e): return prepared.finish(ExitStatus(outputError: e), e.description, warnings: warnings)
            case .isolation(let message): return prepared.finish(.software, message, warnings: warnings)
            }
        }
        do throws(OutputError) {
            try PreparedRun.makeFolders(stage)
            try syncFileSystem(stage)
        } catch {
            return prepared.finish(ExitStatus(outputError: error), error.description, warnings: warnings)
        }
        for country in priceFiles.unpriced.sorted() {
            warnings.append("country \(country) has no price records: no price files")
        }
        stages.append(("reportsAndCompression", seconds(stageClock.elapsed)))
        crash.reached(.afterStaging)
        let publishClock = Stopwatch()

        let publisher = Publisher(
            root: config.output, runId: clock.runId, asOf: asOf, retain: config.retain, crash: crash)
        do throws(OutputError) {
            try Publisher.checkNoForeignLinks(root: config.output)
            for (n, item) in items.enumerated() {
                try publisher.publish(
                    staged: item.folder, site: data.resellers[Int(item.site)].site, job: item.job.name)
                if n == 0 { crash.reached(.betweenPublishes) }
            }
            try syncFileSystem(config.output)
            stages.append(("publish", seconds(publishClock.elapsed)))
        } catch {
            return prepared.finish(ExitStatus(outputError: error), error.description, warnings: warnings)
        }
        let shared = priceFiles.written
        let summary: [JSONValue] = jobs.map { job in
            let mine = items.indices.filter { items[$0].job.name == job.name }
            let totals = mine.reduce(StagedTotals()) { $0 + results.totals[$1] }
            let sharing: [(key: String, value: JSONValue)] =
                job.reports.contains(.priceFiles)
                ? [
                    ("distinctPriceFiles", .int(shared.files)), ("distinctPriceFileBytes", .int(shared.bytes)),
                    ("distinctPriceFileRawBytes", .int(shared.rawBytes))
                ] : []
            return .object(
                [
                    ("name", .string(job.name)), ("sites", .int(mine.count)), ("files", .int(totals.files)),
                    ("rows", .int(totals.rows)), ("bytes", .int(totals.bytes)), ("rawBytes", .int(totals.rawBytes)),
                    ("seconds", seconds(totals.seconds))
                ] + sharing)
        }
        var finished = prepared
        finished.record.stages = .object(stages)
        return finished.finish(.ok, nil, jobs: summary, warnings: warnings)
    }
}

/// Seconds with millisecond precision for the run record.
func seconds(_ s: Double) -> JSONValue { .number(String(format: "%.3f", s)) }

/// Thread-safe bookkeeping of the staging workers.
private final class StagingResults: @unchecked Sendable {
    private let lock = NSLock()
    private var nextItem = 0
    private let count: Int
    /// What each staged folder holds (only the sums are kept: at scale L the price files alone
    /// are 1.7 M entries).
    private(set) var totals: [StagedTotals]
    private(set) var failure: StagedFolder.Failure?
    private(set) var finished = 0

    init(count: Int) {
        self.count = count
        totals = Array(repeating: StagedTotals(), count: count)
    }

    /// The next item to stage, or nil when all are taken or one failed.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, nextItem < count else { return nil }
        nextItem += 1
        return nextItem - 1
    }

    func store(_ n: Int, _ written: [WrittenFile], seconds: Double) {
        lock.lock()
        totals[n] = StagedTotals(written, seconds: seconds)
        finished += 1
        lock.unlock()
    }

    func fail(_ error: StagedFolder.Failure) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}

/// Files, rows and bytes of staged folders, for the run record. `seconds` is staging time; a
/// job's sum is worker-seconds (with two workers, about twice the wall time the job took).
private struct StagedTotals {
    var files = 0, rows = 0, bytes = 0, rawBytes = 0
    var seconds = 0.0

    init() {}

    init(_ written: [WrittenFile], seconds: Double) {
        files = written.count
        rows = written.reduce(0) { $0 + $1.rows }
        bytes = written.reduce(0) { $0 + $1.bytes }
        rawBytes = written.reduce(0) { $0 + $1.rawBytes }
        self.seconds = seconds
    }

    static func + (a: StagedTotals, b: StagedTotals) -> StagedTotals {
        var sum = a
        sum.files += b.files
        sum.rows += b.rows
        sum.bytes += b.bytes
        sum.rawBytes += b.rawBytes
        sum.seconds += b.seconds
        return sum
    }
}
