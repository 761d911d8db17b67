/// Checks the 5-field cron expressions of job schedules (minute hour day-of-month month day-of-week).
enum CronExpression {
    private static let fields: [(name: String, range: ClosedRange<Int>, names: [String])] = [
        ("minute", 0...59, []), ("hour", 0...23, []), ("day of month", 1...31, []),
        ("month", 1...12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day of week", 0...7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"])
    ]

    /// What is wrong with `expression`, or nil when it is valid.
    static func problem(_ expression: String) -> String? {
        let parts = expression.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 5 else { return "expected 5 fields, found \(parts.count)" }
        for (part, field) in zip(parts, fields) {
            for item in part.split(separator: ",", omittingEmptySubsequences: false) {
                if !valid(item, field.range, field.names) { return "bad \(field.name) '\(part)'" }
            }
        }
        return nil
    }

    private static func valid(_ item: Substring, _ range: ClosedRange<Int>, _ names: [String]) -> Bool {
        let stepParts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard stepParts.count <= 2 else { return false }
        if stepParts.count == 2 { guard let step = Int(stepParts[1]), step > 0 else { return false } }
        let base = stepParts[0]
        if base == "*" { return true }
        let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2 else { return false }
        var values: [Int] = []
        for b in bounds {
            if let n = Int(b), range.contains(n) {
                values.append(n)
            } else if let i = names.firstIndex(of: b.lowercased()) {
                values.append(i + range.lowerBound)
            } else {
                return false
            }
        }
        return values.count == 1 || values[0] <= values[1]
    }
}
