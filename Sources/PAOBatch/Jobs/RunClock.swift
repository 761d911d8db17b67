import Foundation

/// Wall-clock facts of a run: its id, its times, and today's date in the config's time zone.
public struct RunClock: Sendable {
    public let started: Date
    public let runId: String

    public init() {
        started = Date()
        runId = RunClock.stamp(started, compact: true) + "-" + String(getpid())
    }

    /// Today in `timezone` (SPEC §1: the default as-of date).
    public func today(in timezone: String) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: started)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    /// `2026-11-29T07:35:12Z`, or `20261129T073512Z` when compact.
    public static func stamp(_ date: Date, compact: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = pad(c.year!, 4) + (compact ? "" : "-") + pad(c.month!, 2) + (compact ? "" : "-") + pad(c.day!, 2)
        let time = pad(c.hour!, 2) + (compact ? "" : ":") + pad(c.minute!, 2) + (compact ? "" : ":") + pad(c.second!, 2)
        return day + "T" + time + "Z"
    }
}
