/// Writes one report file in one format, for site folders and shared price files alike: a
/// workbook (SPEC §13), or gzipped CSV or XML that may be the baseline's bytes published again
/// when today's raw bytes equal them (SPEC §11 Reuse).
struct ReportFileOutput {
    var format: OutputFormat
    var layout: FileLayout
    /// The XML root's attributes after `name`.
    var rootAttributes: [(String, String)]
    var dialect: CSVDialect
    var gzipLevel: Int
    var asOf: Day

    /// `<stem>_<as-of>.<suffix>`.
    func name(_ stem: String) -> String { "\(stem)_\(asOf).\(format.fileSuffix)" }

    /// Writes `rows` as `folder/<name>`; with `reusing`, links the baseline's file of `stem`
    /// instead when it holds the same raw bytes.
    func write(
        _ rows: some Collection<[Cell]>, stem: String, into folder: String, reusing baseline: Baseline? = nil
    ) throws(OutputError) -> WrittenFile {
        let name = name(stem)
        let path = folder + "/" + name
        if format == .xlsx {
            let workbook = try WorkbookWriter(path: path, layout: layout, asOf: asOf)
            for row in rows { try workbook.write(row) }
            return try workbook.finish(name: name)
        }
        func writer(_ path: String?) throws(OutputError) -> ReportFileWriter {
            let writer = try ReportFileWriter(
                path: path, format: format, layout: layout, rootAttributes: rootAttributes, dialect: dialect,
                gzipLevel: gzipLevel)
            for row in rows { try writer.write(row) }
            return writer
        }
        if let baseline,
            let entry = try Reuse.link(
                from: baseline, stem: stem, format: format, gzipLevel: gzipLevel, to: path,
                measure: { () throws(OutputError) in try writer(nil).end() })
        {
            return WrittenFile(
                name: name, report: layout.report, isChanges: layout.isChanges, format: format, rows: rows.count,
                bytes: entry.bytes, sha256: entry.sha256, rawBytes: entry.raw.bytes, rawSha256: entry.raw.sha256,
                reused: true)
        }
        return try writer(path).finish(name: name)
    }
}
