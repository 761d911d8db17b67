/// A param value as a job sets it, typed (jobs.json is checked against `ParamSpec.kind` first).
public enum ParamValue: Sendable, Equatable {
    case integer(Int)
    case date(Day)
    case boolean(Bool)
    case strings([String])
}

/// A param a report reads, named once here with its type: `input.params[.windowDays]`. Reading a
/// param the report's `ParamSpec`s do not declare stops the run, so a misspelt or undeclared
/// param can never fall back to a default silently.
public struct ParamKey<Value>: Sendable {
    let name: String
}

extension ParamKey where Value == Int {
    static let windowDays = ParamKey(name: "windowDays")
    static let days = ParamKey(name: "days")
    static let noticeDays = ParamKey(name: "noticeDays")
    static let overdueDays = ParamKey(name: "overdueDays")
    static let quoteDays = ParamKey(name: "quoteDays")
    static let months = ParamKey(name: "months")
}

extension ParamKey where Value == Int? {
    static let lookbackDays = ParamKey(name: "lookbackDays")
}

extension ParamKey where Value == Day? {
    static let fromDate = ParamKey(name: "fromDate")
    static let toDate = ParamKey(name: "toDate")
}

extension ParamKey where Value == Bool {
    static let changesOnly = ParamKey(name: "changesOnly")
}

extension ParamKey where Value == [String] {
    static let requiredElements = ParamKey(name: "requiredElements")
    static let views = ParamKey(name: "views")
    static let families = ParamKey(name: "families")
}

/// A job's params for one report: what the job set, else the report's declared defaults.
public struct ReportParams: Sendable {
    let report: ReportID
    let values: [String: ParamValue]

    /// The defaults of `report` with `given` on top; `given` holds only declared params.
    public init(_ report: ReportID, _ given: [String: ParamValue] = [:]) {
        self.report = report
        var values: [String: ParamValue] = [:]
        for param in report.spec.params {
            if let value = given[param.name] ?? param.defaultValue { values[param.name] = value }
        }
        precondition(given.keys.allSatisfy { values[$0] != nil }, "params \(given.keys) are not all of \(report)")
        self.values = values
    }

    /// The value of a declared param, or nil when it has no default and the job did not set it.
    private func value(_ name: String) -> ParamValue? {
        precondition(report.spec.params.contains { $0.name == name }, "\(report.rawValue) reads undeclared \(name)")
        return values[name]
    }

    subscript(key: ParamKey<Int>) -> Int {
        guard case .integer(let n)? = value(key.name) else { preconditionFailure("\(key.name) has no integer value") }
        return n
    }

    subscript(key: ParamKey<Int?>) -> Int? {
        guard case .integer(let n)? = value(key.name) else { return nil }
        return n
    }

    subscript(key: ParamKey<Day?>) -> Day? {
        guard case .date(let d)? = value(key.name) else { return nil }
        return d
    }

    subscript(key: ParamKey<Bool>) -> Bool {
        guard case .boolean(let b)? = value(key.name) else { preconditionFailure("\(key.name) has no boolean value") }
        return b
    }

    subscript(key: ParamKey<[String]>) -> [String] {
        guard case .strings(let s)? = value(key.name) else { preconditionFailure("\(key.name) has no list value") }
        return s
    }
}
