/// What a written report file holds, for the manifest.
public struct WrittenFile: Sendable {
    public var name: String
    public var report: ReportID
    public var format: Job.Format
    public var rows: Int
    public var bytes: Int
    public var sha256: String
    /// Uncompressed size, for run figures.
    public var rawBytes: Int
}

/// Streams one report file as gzipped CSV (SPEC §6.2) or XML (§6.3), one row at a time.
final class ReportFileWriter {
    private let file: FileSink
    private let hashing: HashingSink
    private let gzip: GzipWriter
    private let format: Job.Format
    private let guarded: [Bool]
    /// `<column>`, `</column>` and `<column/>` of each column, made once.
    private let openTags: [[UInt8]]
    private let closeTags: [[UInt8]]
    private let emptyTags: [[UInt8]]
    private let dialect: CSVDialect
    private var buffer: [UInt8] = []
    private var rows = 0

    /// `rootAttributes` name the XML root's attributes after `name`.
    init(path: String, format: Job.Format, spec: ReportSpec, rootAttributes: [(String, String)], dialect: CSVDialect,
         gzipLevel: Int) throws(OutputError) {
        file = try FileSink(path: path)
        hashing = HashingSink(file)
        gzip = GzipWriter(sink: hashing, level: gzipLevel)
        self.format = format
        guarded = spec.columns.map { ReportSpec.guardedColumns.contains($0) }
        openTags = spec.columns.map { Array("<\($0)>".utf8) }
        closeTags = spec.columns.map { Array("</\($0)>".utf8) }
        emptyTags = spec.columns.map { Array("<\($0)/>".utf8) }
        self.dialect = dialect
        buffer.reserveCapacity(1 << 17)
        switch format {
        case .csv:
            if dialect.bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            appendCSV(spec.columns, guard: false)
        case .xml:
            append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report name=\"\(spec.id.rawValue)\"")
            for (name, value) in rootAttributes {
                append(" \(name)=\"")
                TextEncoding.appendXMLText(value, to: &buffer)
                append("\"")
            }
            append(">\n")
        }
    }

    func write(_ row: [String]) throws(OutputError) {
        rows += 1
        switch format {
        case .csv:
            appendCSV(row, guard: dialect.formulaGuard)
        case .xml:
            append("  <row>")
            for (i, value) in row.enumerated() {
                if value.isEmpty {
                    buffer.append(contentsOf: emptyTags[i])
                } else {
                    buffer.append(contentsOf: openTags[i])
                    TextEncoding.appendXMLText(value, to: &buffer)
                    buffer.append(contentsOf: closeTags[i])
                }
            }
            append("</row>\n")
        }
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Ends the document, the gzip member and the file (fsynced).
    func finish(name: String, report: ReportID) throws(OutputError) -> WrittenFile {
        if format == .xml { append("</report>\n") }
        try flush()
        try gzip.finish()
        try file.close()
        return WrittenFile(name: name, report: report, format: format, rows: rows, bytes: hashing.count,
                           sha256: hashing.sha256, rawBytes: gzip.rawBytes)
    }

    private func appendCSV(_ fields: [String], guard enabled: Bool) {
        for (i, value) in fields.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            TextEncoding.appendCSVField(value, guarded: enabled && guarded[i], to: &buffer)
        }
        if dialect.lineEnding == .crlf { buffer.append(0x0D) }
        buffer.append(0x0A)
    }

    private func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

    private func flush() throws(OutputError) {
        try gzip.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
