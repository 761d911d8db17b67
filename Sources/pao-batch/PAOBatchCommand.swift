import ArgumentParser
import PAOBatch

#if canImport(Glibc)
    import Glibc
#endif

@main
struct PAOBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pao-batch",
        abstract: "Passport Advantage reseller reports and price files, published per reseller site.",
        version: "pao-batch \(toolVersion)",
        subcommands: [
            RunCommand.self, ValidateCommand.self, GenerateCommand.self, ScheduleCommand.self, ReportsCommand.self
        ]
    )
}

extension ExitCode {
    /// A SPEC §1 exit code.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

/// Writes one line to standard error.
func printError(_ line: String, newline: Bool = true) {
    FileHandleStderr.write(line + (newline ? "\n" : ""))
}

/// Parses `--as-of YYYY-MM-DD`.
struct AsOfDate: ExpressibleByArgument {
    let day: Day

    init?(argument: String) {
        guard let d = Day.parse(argument) else { return nil }
        day = d
    }
}

enum FileHandleStderr {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
