import Foundation

/// `pao-batch run`: every selected job for every selected site, staged, checked and published
/// (SPEC §1, §6, §7), in four steps: plan, stage, publish, summarise.
public enum BatchRun {
    public static func run(_ request: RunRequest, clock: RunClock = RunClock()) -> RunOutcome {
        if let bad = request.sites.first(where: { !IdPattern.siteNumber.matches($0.utf8) }) {
            return RunOutcome(status: .usage, message: "--site \(bad): a reseller site id is 1 to 10 digits")
        }
        let prepared: PreparedRun
        switch PreparedRun.prepare(
            configPath: request.configPath, asOf: request.asOf, command: "run", shard: request.shard,
            jobNames: request.jobs, clock: clock, subset: SiteSubset(shard: request.shard, sites: request.sites),
            progress: request.feedProgress)
        {
        case .failure(let box): return box.outcome
        case .success(let p): prepared = p
        }
        defer { withExtendedLifetime(prepared.lock) {} }
        let asOf = prepared.record.asOf
        let data = prepared.load.dataset
        var memory: [(key: String, value: JSONValue)] = [("load", PeakMemory.mebibytes)]
        let indexClock = Stopwatch()
        let (view, isolation) = inParallel({ AsOfView(data, asOf: asOf) }, { IsolationCheck(data, asOf: asOf) })
        memory.append(("index", PeakMemory.mebibytes))
        var stages: [(key: String, value: JSONValue)] = [
            ("load", seconds(prepared.record.loadSeconds)), ("index", seconds(indexClock.elapsed))
        ]
        let context = RunContext(
            config: prepared.config, request: request, clock: clock, view: view,
            crash: CrashPoints(environment: request.environment))
        var warnings: [String] = []
        // A failed run reports its own error; a stage it could not remove is a leftover the next
        // run of this shard removes (in `prepareStage`), so that second failure is not worth
        // hiding the first.
        defer { try? FileSystem.removeTree(context.stage) }
        do throws(StepFailure) {
            let stageClock = Stopwatch()
            try prepareStage(context.stage, shardTag: request.shardTag, output: context.config.output)
            let jobs = context.config.jobs.filter { request.jobs.isEmpty || request.jobs.contains($0.name) }
            let items = plan(jobs, data: data, request: request, stage: context.stage, warnings: &warnings)
            let priceFiles = PriceFileStore(
                view: view, folder: context.stage + "/shared", gzipLevel: context.config.gzipLevel)
            let access = siteAccess(items, view: view, config: context.config, warnings: &warnings)
            let results = try self.stage(
                items, view: view, isolation: isolation, priceFiles: priceFiles, access: access,
                config: context.config, request: request)
            try StepFailure.output { () throws(OutputError) in try syncFileSystem(context.stage) }
            warnings += results.warnings
            for country in priceFiles.unpriced.sorted() {
                warnings.append("country \(country) has no price records: no price files")
            }
            stages.append(("reportsAndCompression", seconds(stageClock.elapsed)))
            context.crash.reached(.afterStaging)
            stages += try publish(
                items, figures: results.figures, context: context, access: access, warnings: &warnings)
            memory.append(("run", PeakMemory.mebibytes))
            var finished = prepared
            finished.record.stages = .object(stages)
            finished.record.peakMemory = .object(memory)
            let summary = summarise(jobs, items: items, results: results, shared: priceFiles.written)
            return finished.finish(.ok, nil, jobs: summary, warnings: warnings)
        } catch {
            return prepared.finish(error.status, error.message, warnings: warnings)
        }
    }

    /// What the steps after loading share.
    private struct RunContext {
        var config: JobsConfig
        var request: RunRequest
        var clock: RunClock
        var view: AsOfView
        var crash: CrashPoints
        var stage: String { "\(config.output)/.stage-\(request.shardTag)-\(clock.runId)" }
    }

    /// Writes the schemas, publishes every staged folder with its site's feed and page, then the
    /// run index (from each folder's `figures`, kept from staging); returns the stage timings.
    private static func publish(
        _ items: [PlannedFolder], figures: [RunIndex.Folder], context: RunContext, access: [Int32: FolderAccess],
        warnings: inout [String]
    ) throws(StepFailure) -> [(key: String, value: JSONValue)] {
        let config = context.config
        let runId = context.clock.runId
        let publishClock = Stopwatch()
        try StepFailure.output { () throws(OutputError) in
            try SchemaFolder.write(root: config.output, shardTag: context.request.shardTag, runId: runId)
        }
        let crash = context.crash
        let publisher = Publisher(
            root: config.output, runId: runId, asOf: context.view.asOf, retain: config.retain,
            reached: { crash.reached($0) })
        let written = RunClock.stamp(context.clock.started).replacingOccurrences(of: "T", with: " ").dropLast()
        var pages = 0.0
        try StepFailure.output { () throws(OutputError) in
            let publication = SitePublication(
                publisher: publisher, view: context.view, written: String(written) + " UTC", access: access)
            pages = try publication.run(items) {
                crash.reached(.betweenPublishes)
            }
        }
        let publishing = seconds(publishClock.elapsed)
        let dataGroup = config.access.dataGroup.map { ($0, FolderAccess.groupId($0)) }
        if let (name, id) = dataGroup, id == nil {
            warnings.append("data group \(name) does not exist: published/ keeps the owner's group")
        }
        let index = RunIndex(
            root: config.output, runId: runId, asOf: context.view.asOf, started: context.clock.started,
            shard: context.request.shard, dataGroup: dataGroup?.1 ?? nil)
        let runIndexClock = Stopwatch()
        try StepFailure.output { () throws(OutputError) in
            try index.write(
                items.indices.map { (context.view[reseller: items[$0].site].site, items[$0].job.name, figures[$0]) })
        }
        return [
            ("publish", publishing), ("feedsAndPages", seconds(pages)), ("runIndex", seconds(runIndexClock.elapsed))
        ]
    }

    /// One (site, job) folder the run writes, and where it is staged.
    struct PlannedFolder {
        var job: Job
        var site: Int32
        var folder: String
    }

    /// Removes the staging folders that killed runs of this shard left behind, then creates this
    /// run's (empty when no site is selected).
    private static func prepareStage(_ stage: String, shardTag: String, output: String) throws(StepFailure) {
        try StepFailure.output { () throws(OutputError) in
            for name in try FileSystem.names(output) where name.hasPrefix(".stage-\(shardTag)-") {
                try FileSystem.removeTree("\(output)/\(name)")
            }
            try PreparedRun.makeFolders(stage)
            // Nobody else reaches a folder before it is published with its final access.
            try makePrivateFolder(stage)
        }
    }

    /// Every selected (site, job) pair, jobs in config order and sites by id.
    private static func plan(
        _ jobs: [Job], data: Dataset, request: RunRequest, stage: String, warnings: inout [String]
    ) -> [PlannedFolder] {
        var planned: [PlannedFolder] = []
        for job in jobs {
            for site in SiteSelection.sites(
                for: job, data: data, only: request.sites, shard: request.shard, warnings: &warnings)
            {
                planned.append(PlannedFolder(job: job, site: site, folder: "\(stage)/\(planned.count)"))
            }
        }
        if planned.isEmpty { warnings.append("no site selected: nothing to publish") }
        return planned
    }

    /// Writes every planned folder into the staging area, on every core; the first failure stops it.
    private static func stage(
        _ items: [PlannedFolder], view: AsOfView, isolation: IsolationCheck, priceFiles: PriceFileStore,
        access: [Int32: FolderAccess], config: JobsConfig, request: RunRequest
    ) throws(StepFailure) -> StagingResults {
        let results = StagingResults(count: items.count)
        let threads =
            request.environment["PAO_BATCH_THREADS"].flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, items.count))) { _ in
            while let n = results.next() {
                let item = items[n]
                let folder = StagedFolder(
                    view: view, job: item.job, site: item.site, folder: item.folder,
                    publishedFolder: "\(config.output)/sites/\(view[reseller: item.site].site)/\(item.job.name)",
                    gzipLevel: config.gzipLevel, isolation: isolation.forSite(item.site), priceFiles: priceFiles,
                    access: access[item.site])
                let itemClock = Stopwatch()
                do throws(StagedFolder.Failure) {
                    results.store(n, try folder.write(), seconds: itemClock.elapsed)
                } catch {
                    results.fail(error)
                }
                request.progress?(results.finished, items.count)
            }
        }
        switch results.failure {
        case .output(let e)?: throw StepFailure(ExitStatus(outputError: e), e.description)
        case .isolation(let message)?: throw StepFailure(.software, message)
        case nil: return results
        }
    }

    /// Per selected site, who may enter its folders (SPEC §14); a missing group is a warning and
    /// leaves the site's folders to their owner.
    private static func siteAccess(
        _ items: [PlannedFolder], view: AsOfView, config: JobsConfig, warnings: inout [String]
    ) -> [Int32: FolderAccess] {
        var access: [Int32: FolderAccess] = [:]
        for site in Set(items.map(\.site)).sorted() {
            let id = view[reseller: site].site
            guard let folders = config.access.folders(site: id) else { continue }
            if folders.group == nil {
                warnings.append(
                    "group \(config.access.groupPrefix)\(id) does not exist: site \(id)'s folders are owner-only (0700)"
                )
            }
            access[site] = folders
        }
        return access
    }

    /// The run record's per-job totals.
    private static func summarise(
        _ jobs: [Job], items: [PlannedFolder], results: StagingResults,
        shared: (files: Int, bytes: Int, rawBytes: Int, reused: Int)
    ) -> [JSONValue] {
        jobs.map { job in
            let mine = items.indices.filter { items[$0].job.name == job.name }
            let totals = mine.reduce(StagedTotals()) { $0 + results.totals[$1] }
            let sharing: [(key: String, value: JSONValue)] =
                job.reports.contains(.priceFiles)
                ? [
                    ("distinctPriceFiles", .int(shared.files)), ("distinctPriceFileBytes", .int(shared.bytes)),
                    ("distinctPriceFileRawBytes", .int(shared.rawBytes)),
                    ("distinctPriceFilesReused", .int(shared.reused))
                ] : []
            return .object(
                [
                    ("name", .string(job.name)), ("sites", .int(mine.count)), ("files", .int(totals.files)),
                    ("rows", .int(totals.rows)), ("bytes", .int(totals.bytes)), ("rawBytes", .int(totals.rawBytes)),
                    ("reusedFiles", .int(totals.reusedFiles)), ("reusedRawBytes", .int(totals.reusedRawBytes)),
                    ("seconds", seconds(totals.seconds))
                ] + sharing)
        }
    }
}

/// Why a step of a run stopped it: the exit status and the one line for stderr and the run record.
struct StepFailure: Error {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// Runs file-system work, turning its error into the exit status SPEC §1 gives it.
    static func output(_ body: () throws(OutputError) -> Void) throws(StepFailure) {
        do { try body() } catch { throw StepFailure(ExitStatus(outputError: error), error.description) }
    }
}
