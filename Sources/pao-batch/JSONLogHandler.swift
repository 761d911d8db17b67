import Foundation
import Logging
import PAOBatch

/// A swift-log handler for `--log-format json`: one JSON object per line on stdout, with the
/// the UTC time, the level, the message as `event`, and the metadata as fields.
struct JSONLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(key: String, value: JSONValue)] = [
            ("time", .string(RunClock.stamp(Date()))), ("level", .string(event.level.rawValue)),
            ("event", .string(event.message.description))
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() { fields.append((key, JSONLogHandler.json(merged[key]!))) }
        print(JSONValue.object(fields).serialized(pretty: false))
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let c):
            if let n = c as? Int { return .int(n) }
            if let b = c as? Bool { return .bool(b) }
            if c is Double { return .number(c.description) }
            return .string(c.description)
        case .array(let items): return .array(items.map(json))
        case .dictionary(let d): return .object(d.keys.sorted().map { ($0, json(d[$0]!)) })
        }
    }
}
