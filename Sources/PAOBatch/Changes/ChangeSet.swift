/// The rows of a report file that differ from its baseline file (SPEC §11): `A` new key, `C` a
/// compared column differs, `D` key gone (with the baseline's values).
struct ChangeSet {
    /// `change`, `changed_columns`, then the report's columns; in the changes file's order.
    private(set) var rows: [[Cell]] = []
    private(set) var counts = ChangeCounts()

    /// The columns of a changes file.
    static func columns(_ columns: [String]) -> [String] { ["change", "changed_columns"] + columns }

    /// `today` are the report's rows; `baseline` the baseline file's values as printed.
    init(columns: [String], identity: RowIdentity, today: [[Cell]], baseline: PrintedRows) {
        let compared = columns.indices.filter { !identity.volatile.contains(columns[$0]) }
        var keys = BaselineKeys(baseline, key: identity.key.map { columns.firstIndex(of: $0)! })
        var entries: [Entry] = []
        for row in today {
            guard let b = keys.take(row) else {
                entries.append(Entry(change: "A", changedColumns: "", cells: row, values: row.map(\.printed)))
                continue
            }
            // Most rows are unchanged: compared as bytes, without a String per cell.
            let differing = compared.filter { c in !baseline.withValue(b, c) { TextEncoding.prints(row[c], as: $0) } }
            guard !differing.isEmpty else { continue }
            let names = differing.map { columns[$0] }.joined(separator: "|")
            entries.append(Entry(change: "C", changedColumns: names, cells: row, values: row.map(\.printed)))
        }
        let kinds = columns.map { ColumnKind(column: $0) }
        for b in 0..<baseline.count where !keys.taken[b] {
            let values = baseline.strings(b)
            let cells = zip(values, kinds).map { Cell(parsing: $0, as: $1) }
            entries.append(Entry(change: "D", changedColumns: "", cells: cells, values: values))
        }
        let order = RowOrder(columns: columns, identity: identity)
        entries.sort { a, b in
            switch order.compare(a.values, b.values) {
            case .less: return true
            case .greater: return false
            case .equal: return a.change < b.change
            }
        }
        for e in entries {
            switch e.change {
            case "A": counts.added += 1
            case "C": counts.changed += 1
            default: counts.deleted += 1
            }
            rows.append([.text(e.change), .text(e.changedColumns)] + e.cells)
        }
    }

    private struct Entry {
        var change: String
        var changedColumns: String
        var cells: [Cell]
        var values: [String]
    }
}
