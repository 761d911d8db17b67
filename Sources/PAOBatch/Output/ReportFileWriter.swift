/// What a written report file holds, for the manifest.
public struct WrittenFile: Sendable {
    public var name: String
    public var report: ReportID
    public var format: OutputFormat
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
    private let format: OutputFormat
    private let guarded: [Bool]
    /// `<column>`, `</column>` and `<column/>` of each column, one after another.
    private let tags: ByteBlock
    /// Where each tag starts in `tags`, and where the last one ends.
    private let tagStarts: [Int]
    private let dialect: CSVDialect
    private let block = ByteBlock(capacity: 1 << 17)
    private var rows = 0

    /// `rootAttributes` name the XML root's attributes after `name`.
    init(
        path: String, format: OutputFormat, spec: ReportSpec, rootAttributes: [(String, String)], dialect: CSVDialect,
        gzipLevel: Int
    ) throws(OutputError) {
        file = try FileSink(path: path)
        hashing = HashingSink(file)
        gzip = GzipWriter(sink: hashing, level: gzipLevel)
        self.format = format
        guarded = spec.columns.map { ReportSpec.guardedColumns.contains($0) }
        tags = ByteBlock(capacity: 1 << 10)
        var starts: [Int] = []
        if format == .xml {
            for column in spec.columns {
                for tag in ["<\(column)>", "</\(column)>", "<\(column)/>"] {
                    starts.append(tags.count)
                    tags.append(tag)
                }
            }
        }
        starts.append(tags.count)
        tags.append("        ")  // read past by `putPadded`
        tagStarts = starts
        self.dialect = dialect
        switch format {
        case .csv:
            if dialect.bom { block.append("\u{FEFF}") }
            spec.columns.map(Cell.text).withUnsafeBufferPointer { writeCSV($0, guard: false) }
        case .xml:
            block.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report name=\"\(spec.id.rawValue)\"")
            for (name, value) in rootAttributes {
                block.append(" \(name)=\"")
                value.withUTF8Bytes { bytes in
                    block.write(upTo: TextEncoding.xmlBound(bytes.count)) { TextEncoding.writeXMLText(bytes, at: &$0) }
                }
                block.append("\"")
            }
            block.append(">\n")
        }
    }

    func write(_ row: [Cell]) throws(OutputError) {
        rows += 1
        row.withUnsafeBufferPointer { values in
            switch format {
            case .csv: writeCSV(values, guard: dialect.formulaGuard)
            case .xml: writeXML(values)
            }
        }
        if block.count >= 1 << 16 { try flush() }
    }

    /// Ends the document, the gzip member and the file (fsynced).
    func finish(name: String, report: ReportID) throws(OutputError) -> WrittenFile {
        if format == .xml { block.append("</report>\n") }
        try flush()
        try gzip.finish()
        try file.close()
        return WrittenFile(
            name: name, report: report, format: format, rows: rows, bytes: hashing.count,
            sha256: hashing.sha256, rawBytes: gzip.rawBytes)
    }

    private func writeCSV(_ fields: UnsafeBufferPointer<Cell>, guard enabled: Bool) {
        var bound = 2 + TextEncoding.padding
        for i in fields.indices { bound += TextEncoding.csvBound(fields[i]) + 1 }
        let crlf = dialect.lineEnding == .crlf
        block.write(upTo: bound) { p in
            for i in fields.indices {
                if i > 0 { TextEncoding.put(0x2C, at: &p) }
                let guardField = enabled && guarded[i]
                TextEncoding.writeCSVField(fields[i], guarded: guardField, at: &p)
            }
            if crlf { TextEncoding.put(0x0D, at: &p) }
            TextEncoding.put(0x0A, at: &p)
        }
    }

    private func writeXML(_ values: UnsafeBufferPointer<Cell>) {
        var bound = 16 + TextEncoding.padding
        for i in values.indices {
            bound += TextEncoding.xmlBound(values[i]) + tagStarts[3 * i + 3] - tagStarts[3 * i]
        }
        block.write(upTo: bound) { p in
            TextEncoding.put("  <row>", at: &p)
            for i in values.indices {
                let value = values[i]
                if value.isEmpty {
                    putTag(3 * i + 2, at: &p)
                } else {
                    putTag(3 * i, at: &p)
                    TextEncoding.writeXMLText(value, at: &p)
                    putTag(3 * i + 1, at: &p)
                }
            }
            TextEncoding.put("</row>\n", at: &p)
        }
    }

    @inline(__always)
    private func putTag(_ k: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        TextEncoding.putPadded(tags.base + tagStarts[k], tagStarts[k + 1] - tagStarts[k], at: &p)
    }

    private func flush() throws(OutputError) {
        try block.withBytes { bytes throws(OutputError) in try gzip.write(bytes) }
        block.removeAll()
    }
}
