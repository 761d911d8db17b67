import ArgumentParser
import Foundation
import PAOBatch

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the jobs: compute every report for every site, stage, check and publish."
    )

    @Option(help: "The jobs file.") var config = "jobs.json"
    @Option(name: .customLong("job"), help: "Run only this job (repeatable).") var jobs: [String] = []
    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default today in the config's time zone.")
    var asOf: AsOfDate?
    @Option(name: .customLong("site"), help: "Narrow every job to this reseller site (repeatable).") var sites:
        [String] = []
    @Option(help: "Handle only shard K of N (K/N): sites whose FNV-1a-64 id hash mod N is K−1.") var shard: Shard?
    @Flag(help: "Print nothing on success; a short summary on stderr on failure.") var quiet = false
    @Option(help: "Progress on stderr: auto (when a terminal), always or never.") var progress = ProgressMode.auto
    @Option(name: .customLong("log-format"), help: "text, or json: one JSON object per line.") var logFormat = LogFormat
        .text

    func run() throws {
        let showProgress = !quiet && (progress == .always || (progress == .auto && isatty(2) != 0))
        let line = ProgressLine()
        let report: @Sendable (Int, Int) -> Void = { done, total in line.report(done: done, total: total) }
        let feeds: @Sendable (FeedStats) -> Void = { f in
            let rate = f.seconds > 0 ? Int(Double(f.streamBytes) / 1e6 / f.seconds) : 0
            printError("read \(f.feed.rawValue): \(f.read) records, \(f.rejected) rejected, \(rate) MB/s")
        }
        let request = RunRequest(
            configPath: config, asOf: asOf?.day, jobs: jobs, sites: sites, shard: shard.map { (k: $0.k, n: $0.n) },
            environment: ProcessInfo.processInfo.environment, progress: showProgress ? report : nil,
            feedProgress: showProgress ? feeds : nil)
        let outcome = BatchRun.run(request)
        RunSummary.print(outcome, command: "run", quiet: quiet, json: logFormat == .json)
        if outcome.status != ExitStatus.ok { throw ExitCode(outcome.status) }
    }
}

struct Shard: ExpressibleByArgument {
    let k: Int
    let n: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.k = k
        self.n = n
    }
}

enum ProgressMode: String, ExpressibleByArgument { case auto, always, never }
enum LogFormat: String, ExpressibleByArgument { case text, json }
