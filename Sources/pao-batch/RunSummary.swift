import Logging
import PAOBatch

/// What `run` and `validate` print: a one-screen summary, a short error for cron, or JSON lines.
enum RunSummary {
    static func print(_ outcome: RunOutcome, command: String, quiet: Bool, json: Bool) {
        if json {
            logJSON(outcome, command: command)
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

    /// A JSON value as log metadata (numbers keep their written form).
    static func metadataValue(_ value: JSONValue) -> Logger.MetadataValue {
        switch value {
        case .null: return .string("")
        case .bool(let b): return .stringConvertible(b)
        case .number(let n): return Int(n).map { .stringConvertible($0) } ?? .stringConvertible(Double(n) ?? 0)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(metadataValue))
        case .object(let members):
            return .dictionary(Dictionary(members.map { ($0.key, metadataValue($0.value)) }) { a, _ in a })
        }
    }

    /// One JSON object per line through swift-log: each feed, each job, each warning, the end.
    static func logJSON(_ outcome: RunOutcome, command: String) {
        let logger = Logger(label: "pao-batch") { _ in JSONLogHandler() }
        let runId: Logger.MetadataValue = .string(outcome.record?.runId ?? "")
        if let record = outcome.record {
            for f in record.feeds {
                logger.info(
                    "feed",
                    metadata: [
                        "runId": runId, "feed": .string(f.feed.rawValue), "read": .stringConvertible(f.read),
                        "rejected": .stringConvertible(f.rejected), "file": .string(f.file ?? "")
                    ])
            }
            for job in record.jobs { logger.info("job", metadata: ["runId": runId, "job": metadataValue(job)]) }
            for w in record.warnings { logger.warning("warning", metadata: ["runId": runId, "message": .string(w)]) }
        }
        var end: Logger.Metadata = [
            "runId": runId, "command": .string(command),
            "exitCode": .stringConvertible(Int(outcome.status.rawValue))
        ]
        if let message = outcome.message { end["message"] = .string(message) }
        if outcome.status == .ok { logger.info("end", metadata: end) } else { logger.error("end", metadata: end) }
    }
}
