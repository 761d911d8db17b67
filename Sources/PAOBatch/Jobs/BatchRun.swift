import Foundation

/// `pao-batch run`: every selected job for every selected site, staged, checked and published
/// (SPEC §1, §6, §7).
public enum BatchRun {
    public static func run(_ request: RunRequest, clock: RunClock = RunClock()) -> RunOutcome {
        let prepared: PreparedRun
        switch PreparedRun.prepare(configPath: request.configPath, asOf: request.asOf, command: "run", shard: request.shard,
                                   jobNames: request.jobs, clock: clock, progress: request.feedProgress) {
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
            ("load", seconds(prepared.record.loadSeconds)), ("index", seconds(indexClock.elapsed)),
        ]
        let stageClock = Stopwatch()
        let stage = "\(config.output)/.stage-\(request.shardTag)-\(clock.runId)"
        for name in FileSystem.names(config.output) where name.hasPrefix(".stage-\(request.shardTag)-") {
            FileSystem.removeTree("\(config.output)/\(name)")
        }
        defer { FileSystem.removeTree(stage) }

        struct Item {
            var job: Job
            var site: Int32
            var folder: String
        }
        var planned: [Item] = []
        for job in jobs {
            for site in SiteSelection.sites(for: job, data: data, only: request.sites, shard: request.shard, warnings: &warnings) {
                planned.append(Item(job: job, site: site, folder: "\(stage)/\(planned.count)"))
            }
        }
        let items = planned
        let priceFiles = PriceFileStore(view: view, folder: stage + "/shared", gzipLevel: config.gzipLevel)
        let results = StagingResults(count: items.count)
        let threads = request.environment["PAO_BATCH_THREADS"].flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(threads, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let n = results.next() {
                let item = items[n]
                let folder = StagedFolder(view: view, job: item.job, site: item.site, folder: item.folder,
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
        do throws(OutputError) { try syncFileSystem(stage) } catch {
            return prepared.finish(ExitStatus(outputError: error), error.description, warnings: warnings)
        }
        for country in priceFiles.unpriced.sorted() { warnings.append("country \(country) has no price records: no price files") }
        stages.append(("reportsAndCompression", seconds(stageClock.elapsed)))
        crash.reached(.afterStaging)
        let publishClock = Stopwatch()

        let publisher = Publisher(root: config.output, runId: clock.runId, asOf: asOf, retain: config.retain, crash: crash)
        do throws(OutputError) {
            try Publisher.checkNoForeignLinks(root: config.output)
            for (n, item) in items.enumerated() {
                try publisher.publish(staged: item.folder, site: data.resellers[Int(item.site)].site, job: item.job.name)
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
            let files = mine.flatMap { results.files[$0] ?? [] }
            let sharing: [(key: String, value: JSONValue)] = job.reports.contains(.priceFiles)
                ? [("distinctPriceFiles", .int(shared.files)), ("distinctPriceFileBytes", .int(shared.bytes)),
                   ("distinctPriceFileRawBytes", .int(shared.rawBytes))] : []
            return .object([
                ("name", .string(job.name)), ("sites", .int(mine.count)), ("files", .int(files.count)),
                ("rows", .int(files.reduce(0) { $0 + $1.rows })), ("bytes", .int(files.reduce(0) { $0 + $1.bytes })),
                ("rawBytes", .int(files.reduce(0) { $0 + $1.rawBytes })),
                ("seconds", seconds(mine.reduce(0) { $0 + (results.seconds[$1] ?? 0) })),
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
    private(set) var files: [Int: [WrittenFile]] = [:]
    /// Staging time of each item; a job's `seconds` in the run record is their sum (worker-seconds:
    /// with two workers, about twice the wall time the job took).
    private(set) var seconds: [Int: Double] = [:]
    private(set) var failure: StagedFolder.Failure?
    private(set) var finished = 0

    init(count: Int) { self.count = count }

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
        files[n] = written
        self.seconds[n] = seconds
        finished += 1
        lock.unlock()
    }

    func fail(_ error: StagedFolder.Failure) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }
}
