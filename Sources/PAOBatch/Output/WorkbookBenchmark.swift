/// Writes one large workbook of synthetic order-history rows, for `pao-bench xlsx`: the real
/// sheet limit (1,048,575 data rows) and the workbook writer's rows per second, which no test can
/// afford to reach.
public enum WorkbookBenchmark {
    /// Writes `rows` rows to `path`; returns the workbook's bytes.
    public static func write(rows: Int, to path: String) throws(OutputError) -> Int {
        let report = ReportID.orderHistoryDetail
        let writer = try WorkbookWriter(
            path: path, layout: FileLayout(report), asOf: Day(year: 2026, month: 11, day: 29))
        let kinds = report.spec.columns.map(ColumnKind.init(column:))
        for n in 0..<rows {
            try writer.write(
                kinds.enumerated().map { column, kind in
                    switch kind {
                    case .date: .day(Day(year: 2024, month: 1, day: 1) + n % 900)
                    case .integer: .integer(Int64(n % 1000))
                    case .money: .money(Money(n % 1_000_000) * 7, digits: 2)
                    case .percent: .percent(Money(n % 10_000))
                    case .month: .month(Month(year: 2026, month: 1 + n % 12))
                    case .text: .text(column == 1 ? "ORD-\(n)" : "00\(n % 100_000)")
                    }
                })
        }
        return try writer.finish(name: path).bytes
    }
}
