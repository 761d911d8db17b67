import PAOBatch

/// What `run` and `validate` print: a one-screen summary, a short error for cron, or JSON lines.
enum RunSummary {
    static func print(_ outcome: RunOutcome, command: String, quiet: Bool, json: Bool) {
        if json {
            for line in jsonLines(outcome, command: command) { Swift.print(line) }
            return
        }
        if let message = outcome.message { printError("pao-batch \(command): \(message)") }
        if quiet { return }
        guard let record = outcome.record else { return }
        Swift.print(ValidationReport.text(record))
        if !record.jobs.isEmpty {
            Swift.print("")
            for job in record.jobs { Swift.print("job " + job.serialized(pretty: false)) }
        }
        for warning in record.warnings { Swift.print("warning: \(warning)") }
    }

    /// One JSON object per line: the run, each feed, each job, each warning, the end.
    static func jsonLines(_ outcome: RunOutcome, command: String) -> [String] {
        var lines: [JSONValue] = []
        let level = outcome.status == .ok ? "info" : "error"
        if let record = outcome.record {
            for f in record.feeds {
                lines.append(.object([("level", .string("info")), ("event", .string("feed")), ("runId", .string(record.runId)),
                                      ("feed", .string(f.feed.rawValue)), ("read", .int(f.read)), ("rejected", .int(f.rejected))]))
            }
            for job in record.jobs {
                lines.append(.object([("level", .string("info")), ("event", .string("job")), ("runId", .string(record.runId)), ("job", job)]))
            }
            for w in record.warnings {
                lines.append(.object([("level", .string("warning")), ("event", .string("warning")), ("runId", .string(record.runId)),
                                      ("message", .string(w))]))
            }
        }
        lines.append(.object([
            ("level", .string(level)), ("event", .string("end")), ("command", .string(command)),
            ("runId", outcome.record.map { .string($0.runId) } ?? .null), ("exitCode", .int(Int(outcome.status.rawValue))),
            ("message", outcome.message.map { .string($0) } ?? .null),
        ]))
        return lines.map { $0.serialized(pretty: false) }
    }
}
