import ArgumentParser
import PAOBatch

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Read and check every feed and the config; write the run record and rejects; publish nothing."
    )

    @Option(help: "The jobs file.") var config = "jobs.json"
    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default today in the config's time zone.")
    var asOf: AsOfDate?
    @Flag(help: "Print nothing on success.") var quiet = false

    func run() throws {
        let outcome = Validation.run(configPath: config, asOf: asOf?.day)
        RunSummary.print(outcome, command: "validate", quiet: quiet, json: false)
        if outcome.status != .ok { throw ExitCode(outcome.status) }
    }
}

/// The one-screen summary of a validation.
enum ValidationReport {
    static func text(_ record: RunRecord) -> String {
        var lines = ["run \(record.runId)  as of \(record.asOf)  exit \(record.exitCode.rawValue)", ""]
        lines.append(
            pad("feed", 19) + pad("file", 26) + lpad("read", 10) + lpad("accepted", 10) + lpad("rejected", 10)
                + lpad("MB", 9) + lpad("s", 8) + lpad("MB/s", 8))
        for f in record.feeds {
            let mb = Double(f.streamBytes) / 1e6
            lines.append(
                pad(f.feed.rawValue, 19) + pad(f.file ?? "(absent)", 26) + lpad(String(f.read), 10)
                    + lpad(String(f.accepted), 10) + lpad(String(f.rejected), 10) + lpad(fixed(mb, 1), 9)
                    + lpad(fixed(f.seconds, 2), 8) + lpad(f.seconds > 0 ? fixed(mb / f.seconds, 0) : "-", 8))
        }
        var counts: [String: Int] = [:]
        for r in record.rejects { counts["\(r.feed) \(r.code.rawValue)", default: 0] += 1 }
        if !counts.isEmpty {
            lines.append("")
            lines.append("rejects by code:")
            for (key, n) in counts.sorted(by: { $0.key < $1.key }) {
                lines.append("  " + pad(key, 44) + lpad(String(n), 8))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func fixed(_ v: Double, _ digits: Int) -> String {
        var s = String(Int((v * pow10(digits)).rounded()))
        guard digits > 0 else { return s }
        while s.count <= digits { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        return s
    }

    private static func pow10(_ n: Int) -> Double { n == 0 ? 1 : 10 * pow10(n - 1) }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count)
    }
    private static func lpad(_ s: String, _ n: Int) -> String {
        s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s
    }
}
