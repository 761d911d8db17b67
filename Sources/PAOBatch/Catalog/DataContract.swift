/// The typed contract data teams load the files with (SPEC §15): the catalogue `pao-batch reports
/// --format json` prints, and the files of `Output/schemas/`, all from the one column table.
public enum DataContract {
    /// Raised whenever any report's columns change (columns are only ever added at the end);
    /// `DataContractTests` holds the column table's fingerprint for each version.
    public static let schemaVersion = 1

    /// Every report with its changes report right after it (SPEC §11).
    public static var reports: [(spec: ReportSpec, changes: Bool)] {
        reportCatalog.flatMap { [($0, false), ($0, true)] }
    }

    /// The catalogue: `schemaVersion` and per report its id, title, description, key, volatile
    /// columns and typed columns.
    public static func catalogue() -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("reports", .array(reports.map { entry($0.spec, changes: $0.changes) }))
        ])
    }

    private static func entry(_ spec: ReportSpec, changes: Bool) -> JSONValue {
        let identity = spec.id.identity
        let description =
            changes ? "Rows added (A), changed (C) or deleted (D) since the baseline publication: " : ""
        return .object([
            ("id", .string(spec.id.name(changes: changes))),
            ("title", .string(spec.title + (changes ? " — changes" : ""))),
            ("description", .string(description + spec.description)),
            ("key", .array(identity.key.map(JSONValue.string))),
            ("volatile", .array(identity.volatile.map(JSONValue.string))),
            ("columns", .array(spec.contract(changes: changes).map(column)))
        ])
    }

    private static func column(_ c: ColumnContract) -> JSONValue {
        .object(
            [("name", .string(c.name)), ("type", .string(c.type.rawValue)), ("nullable", .bool(c.nullable))]
                + (c.pattern.map { [("pattern", JSONValue.string($0))] } ?? []))
    }

    /// The Frictionless Table Schema of a report's CSV files: typed fields, the §11 key as primary
    /// key, and empty fields as missing values.
    public static func tableSchema(_ spec: ReportSpec, changes: Bool = false) -> JSONValue {
        .object([
            ("fields", .array(spec.contract(changes: changes).map(field))),
            ("primaryKey", .array(spec.id.identity.key.map(JSONValue.string))),
            ("missingValues", .array([.string("")]))
        ])
    }

    private static func field(_ c: ColumnContract) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(c.name))]
        switch c.type {
        case .id, .code, .text: members.append(("type", .string("string")))
        case .date: members.append(("type", .string("date")))
        case .month: members.append(("type", .string("yearmonth")))
        case .integer: members.append(("type", .string("integer")))
        case .money, .percent: members += [("type", .string("number")), ("bareNumber", .bool(true))]
        case .flag:
            members += [
                ("type", .string("boolean")), ("trueValues", .array([.string("Y")])),
                ("falseValues", .array([.string("N")]))
            ]
        }
        var constraints: [(key: String, value: JSONValue)] = [("required", .bool(!c.nullable))]
        // Table Schema patterns match the whole value already.
        if let pattern = c.pattern { constraints.append(("pattern", .string(String(pattern.dropFirst().dropLast())))) }
        members.append(("constraints", .object(constraints)))
        return .object(members)
    }

    /// The files of `Output/schemas/`: `catalogue.json`, then per report its Table Schema and XSD.
    public static func schemaFiles() -> [(name: String, text: String)] {
        [("catalogue.json", catalogue().serialized() + "\n")]
            + reports.flatMap { report -> [(name: String, text: String)] in
                let name = report.spec.id.name(changes: report.changes)
                return [
                    (name + ".schema.json", tableSchema(report.spec, changes: report.changes).serialized() + "\n"),
                    (name + ".xsd", ReportSchema.xsd(report.spec, changes: report.changes))
                ]
            }
    }
}
