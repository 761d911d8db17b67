import ArgumentParser
import Foundation
import PAOBatch

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print crontab lines for the jobs that have a schedule."
    )

    @Option(help: "The jobs file.") var config = "jobs.json"

    func run() throws {
        let parsed: JobsConfig
        do { parsed = try JobsConfig.load(path: config) } catch {
            printError("pao-batch schedule: \(config): \(error)")
            throw ExitCode(ExitStatus.config)
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
        let configPath = URL(fileURLWithPath: config).standardizedFileURL.path
        print("# cron runs these in the system time zone; the as-of date is today in \(parsed.timezone).")
        for job in parsed.jobs {
            guard let schedule = job.schedule else { continue }
            print("\(schedule) '\(binary)' run --config '\(configPath)' --job \(job.name) --quiet")
        }
    }
}
